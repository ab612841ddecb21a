/** What a pacer needs from its page: a clock and timers (fakes in unit tests). */
export interface PacerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  /** Runs after the draw's own work (the views render in microtasks queued by the draw). */
  afterDraw(fn: () => void): void;
}

const PAGE_CLOCK: PacerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  afterDraw: (fn) => queueMicrotask(fn),
};

/**
 * Paces the views' draws: changes that come while a draw is due are drawn together, and draws
 * are at least `minGap()` apart and twice their own cost apart. Drawing on every change made
 * the panel draw once per live message; when a draw cost more than the time between messages
 * (a tall panel over a few hundred events/s), messages queued up behind the draws and the page
 * stopped answering. Now drawing takes at most about a third of the thread.
 */
export function drawPacer(draw: () => void, minGap: () => number, clock: PacerClock = PAGE_CLOCK): () => void {
  let timer: unknown;
  let last = -Infinity;
  let cost = 0;
  const run = () => {
    timer = undefined;
    const t0 = clock.now();
    last = t0;
    draw();
    clock.afterDraw(() => (cost = clock.now() - t0));
  };
  return () => {
    if (timer !== undefined) return;
    const wait = last + Math.max(minGap(), 2 * cost) - clock.now();
    if (wait <= 0) run();
    else timer = clock.setTimeout(run, wait);
  };
}
