import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

/** Rows the panel shows, as `{endpointId, seq, dir, type}` (works with either driver). */
export interface RowInfo {
  endpointId: string;
  seq: number;
  dir: string;
  type: string;
}

const readRows = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="event-row"]')].map((r) => ({
    endpointId: r.dataset.endpointId ?? '',
    seq: Number(r.dataset.seq),
    dir: r.dataset.dir ?? '',
    type: r.dataset.type ?? '',
  }));

export const rows = (page: PwPage | PpPage): Promise<RowInfo[]> => (page as PwPage).evaluate(readRows);

/** Polls until `pred` holds for the rows on the page; `what` names what was awaited (and, as a function, what is still missing). */
export async function waitForRows(
  page: PwPage | PpPage,
  pred: (rows: RowInfo[]) => boolean,
  what: string | (() => string),
  timeoutMs = 20_000,
): Promise<RowInfo[]> {
  const deadline = Date.now() + timeoutMs;
  let last: RowInfo[] = [];
  // A read that fails (the page is reloading) keeps the last rows; a timeout says so.
  let failed = '';
  for (;;) {
    last = await rows(page).then(
      (rs) => ((failed = ''), rs),
      (e: unknown) => ((failed = `; the last read failed: ${String(e)}`), last),
    );
    if (pred(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}; saw ${last.length} rows${failed}: ${JSON.stringify(last.slice(-5))}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const hasIn = (endpointId: string) => (rs: RowInfo[]) => rs.some((r) => r.endpointId === endpointId && r.dir === 'in');

/** Narrows the timeline to one direction through its filter menu (filters persist per page). */
export async function onlyDirection(page: PwPage | PpPage, dir: 'in' | 'out' | 'sys'): Promise<void> {
  await (page as PwPage).evaluate(async (d) => {
    const deadline = Date.now() + 10_000;
    let menu: HTMLDetailsElement | null = null;
    while (!(menu = document.querySelector<HTMLDetailsElement>('[data-testid="filter-dirs"]')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!menu) throw new Error('no direction filter');
    menu.open = true;
    menu.querySelector<HTMLInputElement>(`input[data-dir="${d}"]`)?.click();
  }, dir);
}
