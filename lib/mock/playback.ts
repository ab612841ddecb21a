/** Timers, injectable so tests can drive a playback without waiting. */
export interface PlaybackClock {
  now(): number;
  after(ms: number, fn: () => void): () => void;
}

const realClock: PlaybackClock = {
  now: () => performance.now(),
  after: (ms, fn) => {
    const h = setTimeout(fn, ms);
    return () => clearTimeout(h);
  },
};

export interface PlaybackOptions {
  /** Recorded milliseconds before each event (see MockRoute.gaps). */
  gaps: readonly number[];
  /** First event to send (after a resume). */
  from?: number;
  /** 1 keeps the recorded pacing, 10 is ten times faster, 0 sends as fast as the connection takes. */
  speed: number;
  /** Start over after the last event. */
  loop: boolean;
  /** Sends event `index`; `false` ends the playback there (the connection is being dropped). */
  send(index: number): void | false;
  /** The connection's buffer is full: wait before sending more. */
  congested?(): boolean;
  /** The last event was sent (never called when looping). */
  done?(): void;
  clock?: PlaybackClock;
}

/** Events sent in one go at speed 0 before giving the event loop a turn. */
const BURST = 256;
/** How long to wait for a congested connection before looking again. */
const CONGESTED_WAIT_MS = 20;

/**
 * Sends recorded events with their recorded gaps scaled by `speed`. Due times add up from the
 * first event, so timer lateness does not accumulate; the first event (and the first of each
 * pass when looping) goes at once. Returns stop.
 */
export function startPlayback(o: PlaybackOptions): () => void {
  const clock = o.clock ?? realClock;
  const n = o.gaps.length;
  let i = o.from ?? 0;
  /** When the previous event was due. */
  let last = clock.now();
  /** When event i is due, once worked out. */
  let pending: number | undefined;
  let fresh = true;
  let cancel: (() => void) | undefined;
  let stopped = false;

  const tick = (): void => {
    cancel = undefined;
    for (let sent = 0; !stopped; sent++) {
      if (i >= n) {
        if (!o.loop || n === 0) return o.done?.();
        i = 0;
        fresh = true;
      }
      pending ??= last + (fresh || o.speed <= 0 ? 0 : (o.gaps[i] ?? 0) / o.speed);
      const late = pending - clock.now();
      if (late > 0 || sent >= BURST) {
        cancel = clock.after(Math.max(0, late), tick);
        return;
      }
      if (o.congested?.()) {
        cancel = clock.after(CONGESTED_WAIT_MS, tick);
        return;
      }
      if (o.send(i++) === false) return;
      last = pending;
      pending = undefined;
      fresh = false;
    }
  };
  tick();
  return () => {
    stopped = true;
    cancel?.();
  };
}
