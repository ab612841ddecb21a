import type { Commands, PanelResult } from '../protocol';

const ROW = '[data-testid="event-row"]';

/** Starts loading `src` in a new frame; resolves with its document once loaded. */
function openFrame(src: string): { frame: HTMLIFrameElement; doc: Promise<Document> } {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1280px;height:800px;border:0';
  const doc = new Promise<Document>((resolve) => {
    // Ignore the initial about:blank document some insertions report first.
    frame.onload = () => {
      if (frame.contentDocument?.URL.includes(src)) resolve(frame.contentDocument);
    };
  });
  frame.src = src;
  document.body.append(frame);
  return { frame, doc };
}

/** Resolves with performance.now() when `doc` has an event row (the observer fires on the DOM change itself). */
const firstRow = (doc: Document): Promise<number> =>
  new Promise((resolve) => {
    if (doc.querySelector(ROW)) return resolve(performance.now());
    const obs = new MutationObserver(() => {
      if (!doc.querySelector(ROW)) return;
      obs.disconnect();
      resolve(performance.now());
    });
    obs.observe(doc.documentElement, { childList: true, subtree: true });
  });

/**
 * Opens the real panel page in a same-origin frame and watches its DOM from here, so nothing
 * is attached to the page being measured. Each run loads a new frame (new DB connection, new
 * port, fresh JS realm), timed from creating it to the first row in its DOM.
 */
export async function panel({ runs }: Commands['panel']['args']): Promise<PanelResult> {
  const result: PanelResult = { firstRowMs: [], rows: 0, maxSeq: 0 };
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const { frame, doc } = openFrame('/devtools-panel.html');
    result.firstRowMs.push((await firstRow(await doc)) - t0);
    const rows = [...(await doc).querySelectorAll<HTMLElement>(ROW)];
    result.rows = rows.length;
    result.maxSeq = Math.max(0, ...rows.map((el) => Number(el.dataset.seq ?? 0)));
    frame.remove();
  }
  return result;
}
