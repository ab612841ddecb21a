import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplayController, type ReplayClock, type ReplayState } from '../../../lib/exchange/replay';

/** Timers and frames that run only when the test advances time. */
class FakeClock implements ReplayClock {
  private t = 0;
  private timers: { at: number; fn: () => void }[] = [];
  private frames: (() => void)[] = [];
  now = (): number => this.t;
  after = (ms: number, fn: () => void): (() => void) => {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((x) => x !== timer));
  };
  frame = (fn: () => void): (() => void) => {
    this.frames.push(fn);
    return () => (this.frames = this.frames.filter((x) => x !== fn));
  };
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }
  runFrame(): void {
    const due = this.frames;
    this.frames = [];
    for (const f of due) f();
  }
  get pending(): number {
    return this.timers.length + this.frames.length;
  }
}

/** Events at these times (ms). */
const at = (...times: number[]) => times.map((time) => ({ time }));

function setup(times: number[], opts: { batch?: number; maxGapMs?: number } = {}) {
  const clock = new FakeClock();
  const seen: ReplayState[] = [];
  const ctl = new ReplayController(at(...times), (s) => seen.push(s), { clock, ...opts });
  const positions = () => seen.map((s) => s.position);
  return { clock, ctl, seen, positions };
}

describe('ReplayController', () => {
  it('plays at 1x with the original gaps, capped, and stops at the end', () => {
    const { clock, ctl, positions } = setup([1000, 1100, 1100, 1600, 60_000]);
    ctl.play();
    expect(ctl.state()).toMatchObject({ playing: true, position: 0, total: 5, speed: 1 });
    clock.advance(0);
    expect(ctl.state().position).toBe(1);
    clock.advance(99);
    expect(ctl.state().position).toBe(1);
    clock.advance(1);
    expect(ctl.state().position).toBe(3); // two events at the same time: one update
    clock.advance(500);
    expect(ctl.state().position).toBe(4);
    clock.advance(1999); // a gap of almost a minute waits 2 s
    expect(ctl.state().position).toBe(4);
    clock.advance(1);
    expect(ctl.state()).toMatchObject({ position: 5, playing: false });
    expect(positions()).toEqual([0, 1, 3, 4, 5]);
    expect(clock.pending).toBe(0);
  });

  it('plays at 10x a tenth of the gaps', () => {
    const { clock, ctl } = setup([0, 1000, 3000, 60_000]);
    ctl.setSpeed(10);
    ctl.play();
    clock.advance(0);
    clock.advance(100);
    expect(ctl.state().position).toBe(2);
    clock.advance(199);
    expect(ctl.state().position).toBe(2);
    clock.advance(1);
    expect(ctl.state().position).toBe(3);
    clock.advance(2000); // 5.7 s at 10x, capped at 2 s
    expect(ctl.state()).toMatchObject({ position: 4, playing: false, speed: 10 });
  });

  it('plays at max speed in batches, one per frame', () => {
    const { clock, ctl, positions } = setup(Array.from({ length: 2500 }, (_, i) => i * 1000), { batch: 1000 });
    ctl.setSpeed('max');
    ctl.play();
    clock.advance(10_000);
    expect(ctl.state().position).toBe(0);
    clock.runFrame();
    clock.runFrame();
    expect(ctl.state().position).toBe(2000);
    clock.runFrame();
    expect(ctl.state()).toMatchObject({ position: 2500, playing: false });
    expect(positions().slice(-3)).toEqual([1000, 2000, 2500]);
    expect(clock.pending).toBe(0);
  });

  it('pauses and resumes where it was', () => {
    const { clock, ctl } = setup([0, 100, 200, 300]);
    ctl.play();
    clock.advance(150);
    expect(ctl.state().position).toBe(2);
    ctl.pause();
    expect(ctl.state().playing).toBe(false);
    clock.advance(10_000);
    expect(ctl.state().position).toBe(2);
    expect(clock.pending).toBe(0);
    ctl.toggle();
    clock.advance(100);
    expect(ctl.state()).toMatchObject({ position: 3, playing: true });
  });

  it('steps one event either way, pausing playback, within bounds', () => {
    const { clock, ctl, seen } = setup([0, 100, 200]);
    ctl.stepBack();
    expect(seen).toHaveLength(0);
    ctl.stepForward();
    ctl.stepForward();
    expect(ctl.state().position).toBe(2);
    ctl.stepBack();
    expect(ctl.state().position).toBe(1);
    ctl.play();
    ctl.stepForward();
    expect(ctl.state()).toMatchObject({ position: 2, playing: false });
    expect(clock.pending).toBe(0);
    ctl.stepForward();
    ctl.stepForward();
    expect(ctl.state().position).toBe(3);
  });

  it('seeks, clamped, and keeps playing from there', () => {
    const { clock, ctl } = setup([0, 100, 200, 300, 400]);
    ctl.seek(99);
    expect(ctl.state().position).toBe(5);
    ctl.seek(-3);
    expect(ctl.state().position).toBe(0);
    ctl.play();
    clock.advance(0);
    ctl.seek(3);
    clock.advance(99);
    expect(ctl.state()).toMatchObject({ position: 3, playing: true });
    clock.advance(1);
    expect(ctl.state().position).toBe(4);
    ctl.seek(5);
    expect(ctl.state()).toMatchObject({ position: 5, playing: false });
    expect(clock.pending).toBe(0);
  });

  it('replays from the start when played at the end, and does nothing without events', () => {
    const { clock, ctl } = setup([0, 100]);
    ctl.seek(2);
    ctl.play();
    clock.advance(0);
    expect(ctl.state()).toMatchObject({ position: 1, playing: true });

    const empty = setup([]);
    empty.ctl.play();
    expect(empty.ctl.state()).toEqual({ position: 0, total: 0, playing: false, speed: 1 });
    expect(empty.seen).toHaveLength(0);
  });

  it('changes speed mid-play and stops its timers when disposed', () => {
    const { clock, ctl } = setup([0, 1000, 2000, 3000]);
    ctl.play();
    clock.advance(0);
    ctl.setSpeed(10);
    clock.advance(100);
    expect(ctl.state().position).toBe(2);
    ctl.dispose();
    expect(clock.pending).toBe(0);
  });
});

describe('ReplayController on the real clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs on timers', () => {
    vi.useFakeTimers();
    const ctl = new ReplayController(at(0, 500, 1500), () => {});
    ctl.play();
    vi.advanceTimersByTime(600);
    expect(ctl.state().position).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(ctl.state()).toMatchObject({ position: 3, playing: false });
  });
});
