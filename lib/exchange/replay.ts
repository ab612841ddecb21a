import type { StreamEvent } from '../model/event';

export type ReplaySpeed = 1 | 10 | 'max';
export const REPLAY_SPEEDS: readonly ReplaySpeed[] = [1, 10, 'max'];

export interface ReplayState {
  /** Events shown so far, 0..total: the current event is `events[position - 1]`. */
  position: number;
  total: number;
  playing: boolean;
  speed: ReplaySpeed;
}

/** Time and timers, injectable so tests can drive a replay without waiting. */
export interface ReplayClock {
  now(): number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  /** Runs `fn` at the next frame; returns a cancel function. */
  frame(fn: () => void): () => void;
}

const after = (ms: number, fn: () => void): (() => void) => {
  const h = setTimeout(fn, ms);
  return () => clearTimeout(h);
};

const realClock: ReplayClock = {
  now: () => performance.now(),
  after,
  frame: (fn) => {
    // Pages have frames; a worker or test environment falls back to a frame-length timer.
    if (typeof requestAnimationFrame !== 'function') return after(16, fn);
    const h = requestAnimationFrame(() => fn());
    return () => cancelAnimationFrame(h);
  },
};

export interface ReplayOptions {
  clock?: ReplayClock;
  /** Longest wait between two events at any speed, so idle stretches do not stall a replay. */
  maxGapMs?: number;
  /** Events per frame at max speed. */
  batch?: number;
}

/**
 * Offline replay of recorded events: plays them with their original gaps (1x, 10x) or as fast
 * as frames allow (max), and steps or seeks. Knows nothing of views: they follow `position`.
 */
export class ReplayController {
  private position = 0;
  private playing = false;
  private speed: ReplaySpeed = 1;
  private cancel: (() => void) | undefined;
  /** Clock time the next event is due, at 1x and 10x. */
  private due = 0;
  private readonly clock: ReplayClock;
  private readonly maxGapMs: number;
  private readonly batch: number;

  constructor(
    private readonly events: readonly Pick<StreamEvent, 'time'>[],
    private readonly onChange: (state: ReplayState) => void,
    opts: ReplayOptions = {},
  ) {
    this.clock = opts.clock ?? realClock;
    this.maxGapMs = opts.maxGapMs ?? 2000;
    this.batch = opts.batch ?? 1000;
  }

  state(): ReplayState {
    return { position: this.position, total: this.events.length, playing: this.playing, speed: this.speed };
  }

  /** Plays from the current position; from the start when at the end. */
  play(): void {
    if (this.playing || this.events.length === 0) return;
    if (this.position >= this.events.length) this.position = 0;
    this.playing = true;
    this.restart();
    this.emit();
  }

  pause(): void {
    if (!this.playing) return;
    this.stop();
    this.emit();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: ReplaySpeed): void {
    if (speed === this.speed) return;
    this.speed = speed;
    if (this.playing) this.restart();
    this.emit();
  }

  stepForward(): void {
    this.step(1);
  }

  stepBack(): void {
    this.step(-1);
  }

  /** Moves to `position` (clamped to 0..total); playback, if on, continues from there. */
  seek(position: number): void {
    const p = this.clamp(position);
    if (p === this.position) return;
    this.position = p;
    if (this.playing) {
      if (p >= this.events.length) this.stop();
      else this.restart();
    }
    this.emit();
  }

  /** Stops the timers for good (the controller is being replaced). */
  dispose(): void {
    this.stop();
  }

  /** A step pauses playback: it is a look at one event. */
  private step(by: 1 | -1): void {
    const wasPlaying = this.playing;
    this.stop();
    const p = this.clamp(this.position + by);
    if (p === this.position && !wasPlaying) return;
    this.position = p;
    this.emit();
  }

  private clamp(position: number): number {
    return Math.min(this.events.length, Math.max(0, Math.round(position)));
  }

  /** Wall time between showing event i-1 and event i. */
  private wait(i: number): number {
    const prev = this.events[i - 1];
    const next = this.events[i];
    if (!prev || !next || this.speed === 'max') return 0;
    return Math.min(Math.max(0, next.time - prev.time) / this.speed, this.maxGapMs);
  }

  private restart(): void {
    this.cancel?.();
    this.due = this.clock.now() + this.wait(this.position);
    this.schedule();
  }

  private schedule(): void {
    this.cancel =
      this.speed === 'max'
        ? this.clock.frame(this.tick)
        : this.clock.after(Math.max(0, this.due - this.clock.now()), this.tick);
  }

  private readonly tick = (): void => {
    this.cancel = undefined;
    const total = this.events.length;
    if (this.speed === 'max') {
      this.position = Math.min(total, this.position + this.batch);
    } else {
      // Everything due by now is shown in one step: a burst is one update, not one per event.
      const now = this.clock.now();
      while (this.position < total && this.due <= now) {
        this.position++;
        this.due += this.wait(this.position);
      }
    }
    if (this.position >= total) this.playing = false;
    else this.schedule();
    this.emit();
  };

  private stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.playing = false;
  }

  private emit(): void {
    this.onChange(this.state());
  }
}
