import type { Heartbeat } from '../config/endpoint';
import type { Timers } from './types';

export interface HeartbeatWatch {
  /** Feed every received text frame; only one containing the expected reply counts. */
  received(text: string): void;
  stop(): void;
}

/**
 * Application heartbeat: send `message` every `intervalSec`; if no frame containing
 * `replyContains` arrives within `timeoutSec` of the oldest unanswered ping, the line is stale.
 * Other traffic does not count: a server can keep pushing while its ping handler is dead.
 */
export function watchHeartbeat(hb: Heartbeat, timers: Timers, ping: () => void, stale: (message: string) => void): HeartbeatWatch {
  let tick: unknown;
  let deadline: unknown;
  let stopped = false;
  const clearDeadline = (): void => {
    if (deadline !== undefined) timers.clearTimeout(deadline);
    deadline = undefined;
  };
  const stop = (): void => {
    stopped = true;
    timers.clearTimeout(tick);
    clearDeadline();
  };
  const beat = (): void => {
    ping();
    if (stopped) return;
    deadline ??= timers.setTimeout(() => {
      stop();
      stale(`no reply containing "${hb.replyContains}" within ${hb.timeoutSec} s`);
    }, hb.timeoutSec * 1000);
    tick = timers.setTimeout(beat, hb.intervalSec * 1000);
  };
  tick = timers.setTimeout(beat, hb.intervalSec * 1000);
  return {
    received(text) {
      if (text.includes(hb.replyContains)) clearDeadline();
    },
    stop,
  };
}
