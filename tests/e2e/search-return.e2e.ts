import { expect, test } from '@playwright/test';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario, tid, type ExtPage } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';
import { sseOnce } from './support/sse-once';
import { storedEvents } from './support/store';

const EVENTS = 300;

/** Seqs of the rows wholly inside the list's viewport, top to bottom. */
const inView = (panel: ExtPage) =>
  panel.evaluate(() => {
    const list = document.querySelector('.tl-list');
    if (!list) return [];
    const box = list.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.tl-list [data-testid="event-row"]')]
      .filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
      })
      .map((r) => Number(r.dataset.seq))
      .sort((a, b) => a - b);
  });

const search = (panel: ExtPage, text: string) => panel.fill(tid('filter-text'), text);

const pressEsc = (panel: ExtPage) =>
  panel.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')!;
    box.focus();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
  });

/** Waits until the search is over and the full list is back. */
const searchGone = (panel: ExtPage) => poll(() => panel.count(`.tl-list ${tid('event-row')}`), (n) => n > 20, 'the full list back');

test.describe.configure({ timeout: 180_000 });

scenario('Esc after a search goes back to where the list was, the selected row, or the live edge', async (ext) => {
  const stream = await sseOnce(EVENTS, (n) => `{"n":${n},"label":"event ${n}."}`, '/numbers');
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, [newEndpoint({ id: 'numbers', name: 'Numbers', url: stream.url })]);
    const stored = await poll(() => storedEvents(setup.raw, 'numbers'), (r) => r.filter((e) => e.dir === 'in').length === EVENTS, 'all events stored');
    const seqOf = new Map(stored.filter((e) => e.dir === 'in').map((e) => [(JSON.parse(e.data) as { n: number }).n, e.seq]));
    const last = Math.max(...stored.map((e) => e.seq));

    const panel = await ext.open('devtools-panel.html', { width: 1200, height: 800 });
    await poll(() => inView(panel), (s) => s.includes(last), 'the live edge in view');

    // 1. Scrolled to the middle: Esc comes back to the same rows. Scrolled again while it is not
    // there: the list may not have its full height yet when the first scroll is clamped.
    const scrollToMiddle = () =>
      panel.evaluate(() => {
        const list = document.querySelector<HTMLElement>('.tl-list')!;
        list.scrollTop = 120 * 22;
        list.dispatchEvent(new Event('scroll'));
      });
    const middle = await poll(
      async () => (await scrollToMiddle(), await new Promise((r) => setTimeout(r, 100)), await inView(panel)),
      (s) => s.length > 5 && !s.includes(last),
      'the middle of the list in view',
    );
    await search(panel, 'event 27.');
    await poll(() => panel.count(`.tl-list ${tid('event-row')}`), (n) => n === 1, 'one match');
    await pressEsc(panel);
    await searchGone(panel);
    const back = await poll(() => inView(panel), (s) => s.length > 5, 'rows in view');
    expect(Math.abs(back[0]! - middle[0]!)).toBeLessThanOrEqual(1);

    // 2. A row selected among the matches is shown in the full list.
    await search(panel, 'event 42.');
    await poll(() => panel.count(`.tl-list ${tid('event-row')}`), (n) => n === 1, 'one match');
    await panel.click(`.tl-list ${tid('event-row')}`);
    await pressEsc(panel);
    await searchGone(panel);
    await poll(() => inView(panel), (s) => s.includes(seqOf.get(42)!), 'the selected row in view');

    // 3. Following the live edge before the search: back at the live edge.
    await pressEsc(panel); // nothing left to clear in the box: Esc drops the selection
    await poll(() => panel.count('.tl-row.selected'), (n) => n === 0, 'no selection');
    await panel.click(tid('new-events'));
    await poll(() => inView(panel), (s) => s.includes(last), 'the live edge in view');
    await search(panel, 'event 5.');
    await poll(() => panel.count(`.tl-list ${tid('event-row')}`), (n) => n === 1, 'one match');
    await pressEsc(panel);
    await searchGone(panel);
    await poll(() => inView(panel), (s) => s.includes(last), 'the live edge in view again');
    expect(await panel.count(tid('new-events'))).toBe(0);
  } finally {
    await stream.close();
  }
});
