import { describe, expect, it } from 'vitest';
import { controlsFor, STATE_TRACK, stateReason } from '../../../lib/diagnostics/state';

const cfg = { enabled: true, recording: undefined };

describe('connection state words', () => {
  it('the track lists every state once, in the order a connection moves', () => {
    expect(STATE_TRACK.map((s) => s.state)).toEqual(['idle', 'connecting', 'open', 'backoff', 'given_up', 'paused']);
  });

  it('no reason when open', () => {
    expect(stateReason({ state: 'open', reason: 'stale words' })).toBeUndefined();
  });

  it('backoff: the failure, or the network when no retry is scheduled', () => {
    expect(stateReason({ state: 'backoff', reason: 'HTTP 503 Service Unavailable', nextRetryAt: 5 })).toBe('The last attempt failed: HTTP 503 Service Unavailable');
    expect(stateReason({ state: 'backoff', reason: 'offline: waiting for the network' })).toBe('Offline: waiting for the network');
    expect(stateReason({ state: 'backoff', nextRetryAt: 5 })).toBe('Waiting before the next attempt');
  });

  it('the other states, with and without a reason', () => {
    expect(stateReason({ state: 'given_up', reason: '3 attempts in a row failed' })).toBe('Stopped reconnecting: 3 attempts in a row failed');
    expect(stateReason({ state: 'given_up' })).toBe('Stopped reconnecting');
    expect(stateReason({ state: 'paused', reason: 'Disabled' })).toBe('Disabled');
    expect(stateReason({ state: 'paused', reason: '  ' })).toBe('Paused: no connection until resumed');
    expect(stateReason({ state: 'idle' })).toBe('Not connected yet');
    expect(stateReason({ state: 'connecting' })).toBe('Opening the connection');
    expect(stateReason({ state: 'connecting', reason: 'network error' })).toBe('Connecting; the last problem: network error');
  });

  it('pause while there is a connection to pause, resume when paused; reconnect from any state', () => {
    expect(controlsFor('open', cfg)).toEqual({ live: true, pause: 'pause' });
    expect(controlsFor('backoff', cfg).pause).toBe('pause');
    expect(controlsFor('paused', cfg)).toEqual({ live: true, pause: 'resume' });
    expect(controlsFor('given_up', cfg)).toEqual({ live: true, pause: undefined });
    expect(controlsFor('idle', cfg).pause).toBeUndefined();
  });

  it('nothing to control without a running connection, and says why', () => {
    expect(controlsFor('paused', { enabled: false })).toMatchObject({ live: false, pause: undefined, why: 'Disabled: enable it in the options' });
    expect(controlsFor('idle', { enabled: true, recording: true }).live).toBe(false);
    expect(controlsFor('given_up', undefined).why).toMatch(/not valid/);
  });
});
