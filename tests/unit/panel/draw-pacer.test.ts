import { describe, expect, it } from 'vitest';
import { drawPacer, type PacerClock } from '../../../lib/panel/draw-pacer';

/** A clock that moves only when told; timers fire as it passes them; a draw costs `drawMs`. */
function fakeClock(drawMs: number) {
  let t = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const clock: PacerClock = {
    now: () => t,
    setTimeout: (fn, ms) => timers.push({ at: t + ms, fn }),
    afterDraw: (fn) => {
      t += drawMs;
      fn();
    },
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const next = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      timers = timers.filter((x) => x !== next);
      t = Math.max(t, next.at);
      next.fn();
    }
    t = Math.max(t, end);
  };
  return { clock, advance, pending: () => timers.length };
}

describe('drawPacer', () => {
  it('draws a lone change at once', () => {
    const { clock } = fakeClock(1);
    const draws: number[] = [];
    const changed = drawPacer(() => draws.push(clock.now()), () => 0, clock);
    changed();
    expect(draws).toEqual([0]);
  });

  it('draws the changes that come while a draw is due once, and no sooner than twice a draw’s cost', () => {
    const { clock, advance, pending } = fakeClock(40);
    const draws: number[] = [];
    const changed = drawPacer(() => draws.push(clock.now()), () => 0, clock);
    changed(); // drawn at 0, done at 40
    for (let i = 0; i < 10; i++) changed();
    expect(draws).toEqual([0]);
    advance(1000);
    expect(pending()).toBe(0);
    expect(draws).toEqual([0, 80]);
  });

  it('keeps the minimum gap the live rate asks for', () => {
    const { clock, advance } = fakeClock(1);
    const draws: number[] = [];
    const changed = drawPacer(() => draws.push(clock.now()), () => 250, clock);
    for (let i = 0; i < 100; i++) {
      changed();
      advance(10);
    }
    expect(draws).toEqual([0, 250, 500, 750, 1000]);
  });

  it('draws at once again after a quiet spell', () => {
    const { clock, advance } = fakeClock(10);
    const draws: number[] = [];
    const changed = drawPacer(() => draws.push(clock.now()), () => 0, clock);
    changed();
    advance(1000);
    changed();
    expect(draws).toEqual([0, 1010]);
  });
});
