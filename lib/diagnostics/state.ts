import type { EndpointConfig } from '../config/endpoint';
import type { EndpointStatus } from '../messaging/protocol';
import type { ConnState } from '../model/connection';

/** The connection's states in the order a connection moves through them. */
export const STATE_TRACK: readonly { state: ConnState; label: string }[] = [
  { state: 'idle', label: 'idle' },
  { state: 'connecting', label: 'connecting' },
  { state: 'open', label: 'open' },
  { state: 'backoff', label: 'backoff' },
  { state: 'given_up', label: 'given up' },
  { state: 'paused', label: 'paused' },
];

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Why the endpoint is not open, in plain words; undefined when it is. In backoff without a
 * retry time the connection is waiting for the network, not for a timer.
 */
export function stateReason(s: Pick<EndpointStatus, 'state' | 'reason' | 'nextRetryAt'>): string | undefined {
  const why = s.reason?.trim() || undefined;
  switch (s.state) {
    case 'open':
      return undefined;
    case 'idle':
      return why ? capital(why) : 'Not connected yet';
    case 'connecting':
      return why ? `Connecting; the last problem: ${why}` : 'Opening the connection';
    case 'backoff':
      if (s.nextRetryAt === undefined) return why ? capital(why) : 'Waiting for the network';
      return why ? `The last attempt failed: ${why}` : 'Waiting before the next attempt';
    case 'given_up':
      return why ? `Stopped reconnecting: ${why}` : 'Stopped reconnecting';
    case 'paused':
      return why ? capital(why) : 'Paused: no connection until resumed';
  }
}

export interface Controls {
  /** The background holds a connection for the endpoint, so reconnect and pause reach it. */
  live: boolean;
  /** What the pause button does now; undefined when there is nothing to pause. */
  pause: 'pause' | 'resume' | undefined;
  /** Why the buttons do nothing, when they do not. */
  why?: string;
}

/** What the user can do to an endpoint's connection in its current state. */
export function controlsFor(state: ConnState, cfg: Pick<EndpointConfig, 'enabled' | 'recording'> | undefined): Controls {
  if (!cfg) return { live: false, pause: undefined, why: 'The configuration is not valid: fix it in the options' };
  if (cfg.recording) return { live: false, pause: undefined, why: 'A recording: there is nothing to connect to' };
  if (!cfg.enabled) return { live: false, pause: undefined, why: 'Disabled: enable it in the options' };
  const pause = state === 'paused' ? 'resume' : state === 'idle' || state === 'given_up' ? undefined : 'pause';
  return { live: true, pause };
}
