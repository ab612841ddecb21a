const ROW = '[data-testid="event-row"]';

/** Loads devtools-panel.html in a same-origin frame; resolves once it shows a row. Nothing is attached to it. */
export async function openPanelFrame(): Promise<{ frame: HTMLIFrameElement; win: Window & typeof globalThis; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1280px;height:800px;border:0';
  const loaded = new Promise<void>((resolve) => {
    frame.onload = () => {
      if (frame.contentDocument?.URL.includes('devtools-panel')) resolve();
    };
  });
  frame.src = '/devtools-panel.html';
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await until('the panel\'s first row', () => doc.querySelector(ROW) !== null, 60_000);
  return { frame, win: frame.contentWindow as Window & typeof globalThis, doc };
}

/** Resolves when `ok()` holds, checked every animation frame; the time it first held. */
export async function until(what: string, ok: () => boolean, timeoutMs: number): Promise<number> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    if (ok()) return performance.now();
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Records the frame's long tasks (Chromium's Long Tasks API); `stop` gives the longest, ms. */
export function longTasks(win: Window & typeof globalThis): { stop(): number; over(ms: number): number; longestAtS: () => number } {
  const t0 = win.performance.now();
  let longest = 0;
  let longestAt = NaN;
  const durations: number[] = [];
  const obs = new win.PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      durations.push(e.duration);
      if (e.duration > longest) [longest, longestAt] = [e.duration, e.startTime];
    }
  });
  obs.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      obs.disconnect();
      return longest;
    },
    /** Long tasks seen that took more than `ms`. */
    over: (ms) => durations.filter((d) => d > ms).length,
    /** Seconds from the start to the longest task. */
    longestAtS: () => (longestAt - t0) / 1000,
  };
}

export const rowsIn = (doc: Document): HTMLElement[] => [...doc.querySelectorAll<HTMLElement>(ROW)];
