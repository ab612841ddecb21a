import { expect } from '@playwright/test';
import { scenario, tid, type Ext, type ExtPage } from './support/both';
import { onTheCapturePage, storedEndpoints, tabIdOf } from './support/capture';
import { setEndpoints } from './support/config';
import { startDemo, pick } from './support/demo';
import { poll } from './support/poll';

const PANEL = { width: 1280, height: 900 };
/** The size of the toolbar popup (it is 380 px wide and at most 580 px tall). */
const POPUP = { width: 380, height: 600 };

const exists = async (page: ExtPage, selector: string) => (await page.count(selector)) > 0;
const stored = (page: ExtPage, key: string) =>
  page.evaluate(async (k) => {
    type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (await (g.browser ?? g.chrome)!.storage.local.get(k))[k];
  }, key);

/**
 * A fresh install with no demo server: no endpoint is configured, nothing connects, and each
 * page offers the three ways to start. "Add an endpoint" opens the form.
 */
async function quietFirstRun(ext: Ext): Promise<void> {
  const popup = await ext.open('popup.html', POPUP);
  await poll(() => exists(popup, tid('first-run')), Boolean, 'the popup empty state');
  // The background writes its first-run decision once its probe of the demo server has failed.
  expect(await poll(() => stored(popup, 'endpoints'), (v) => v !== undefined, 'the first-run endpoint list')).toEqual([]);
  expect(await exists(popup, tid('first-run-add'))).toBe(true);
  expect(await exists(popup, tid('first-run-demo'))).toBe(true);

  const panel = await ext.open('devtools-panel.html', PANEL);
  await poll(() => exists(panel, tid('first-run')), Boolean, 'the panel empty state');
  // Long enough for a retrying endpoint to leave markers (a first attempt fails in ms).
  await new Promise((r) => setTimeout(r, 4000));
  expect(await panel.text(tid('timeline-count'))).toBe('0 events');
  expect(await exists(panel, tid('event-row'))).toBe(false);
  expect(await popup.text(tid('unread-count'))).toBe('0');
  expect(await exists(popup, tid('endpoint-status'))).toBe(false);

  const options = await ext.open('options.html', PANEL);
  await poll(() => exists(options, tid('first-run')), Boolean, 'the options empty state');
  await options.click(tid('first-run-add'));
  await poll(() => exists(options, tid('endpoint-form')), Boolean, 'the endpoint form');
}

/**
 * With many notifications the popup's body scrolls and its header does not: history, settings,
 * do-not-disturb and mark-all-read stay on screen and answer clicks.
 */
async function popupHeaderStays(ext: Ext): Promise<void> {
  const { server, endpoints } = await startDemo({ rate: 10 });
  try {
    const setup = await ext.open('options.html', PANEL);
    // A catch-all rule: every event is a notification, so the list fills fast.
    await setEndpoints(setup.raw, pick(endpoints, ['demo-notifications'], { notify: [{ type: '*' }] }));
    const popup = await ext.open('popup.html', POPUP);
    await poll(() => popup.count(tid('notification-row')), (n) => n >= 30, '30 notifications in the popup');
    const where = await popup.evaluate(() => {
      const body = document.querySelector('.popup-body')!;
      body.scrollTop = body.scrollHeight;
      return {
        scrolled: body.scrollTop > 0,
        buttons: ['open-history', 'open-options', 'dnd-toggle', 'mark-all-read'].map((id) => {
          const el = document.querySelector(`[data-testid="${id}"]`)!;
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return { id, onScreen: r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth, reachable: el === hit || el.contains(hit) };
        }),
      };
    });
    expect(where.scrolled).toBe(true);
    for (const b of where.buttons) expect(b, b.id).toEqual({ id: b.id, onScreen: true, reachable: true });
    await popup.click(tid('dnd-toggle'));
    await poll(() => popup.attr(tid('dnd-toggle'), 'aria-checked'), (v) => v === 'true', 'do-not-disturb on');
    await setEndpoints(setup.raw, []); // no new notifications; let the last ones land
    let last = '';
    await poll(
      async () => {
        await new Promise((r) => setTimeout(r, 800));
        const now = (await popup.text(tid('unread-count'))) ?? '';
        const settled = now === last;
        last = now;
        return settled;
      },
      Boolean,
      'the unread count to settle',
    );
    await popup.click(tid('mark-all-read'));
    await poll(() => popup.text(tid('unread-count')), (t) => t === '0', 'all read');
  } finally {
    await server.close();
  }
}

/**
 * Nothing configured, a page with streams in the inspected tab: the panel's empty state offers
 * "Capture this site", which switches capture on for the site (the capture bar's own switch);
 * after a reload the page's streams are recorded and the empty state gives way to them.
 */
async function captureFromFirstRun(ext: Ext): Promise<void> {
  await onTheCapturePage(ext, async ({ origin, pageUrl, setup }) => {
    const page = await ext.visit(pageUrl);
    const tabId = await tabIdOf(setup, pageUrl);
    const panel = await ext.open(`devtools-panel.html?tab=${tabId}`, PANEL);
    await poll(() => exists(panel, `${tid('first-run')} ${tid('first-run-capture')}:not([disabled])`), Boolean, 'Capture this site in the empty state');
    expect(await panel.attr(tid('capture-toggle'), 'checked')).toBeNull();
    await panel.userClick(tid('first-run-capture')); // asks for the site's permission: a user gesture
    await poll(() => stored(panel, 'captureOrigins'), (o) => Array.isArray(o) && o.includes(origin), 'capture on for the site');
    await poll(() => panel.text(tid('first-run-capture')), (t) => t === 'Capturing this site', 'the button saying so');
    expect(await panel.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="capture-toggle"]')!.checked)).toBe(true);

    // The page's streams opened before capture was on: reload it, and they are recorded.
    await panel.click(tid('capture-reload'));
    await poll(() => storedEndpoints(setup), (l) => l.some((e) => e.captured?.tabId === tabId), 'a captured stream of the page');
    await poll(() => exists(panel, tid('first-run')), (shown) => !shown, 'the empty state giving way to the captured streams');
    await page.close();
  });
}

scenario('a fresh install without the demo server is quiet and offers a start', quietFirstRun);
scenario('"Capture this site" in the panel\'s empty state starts capturing the inspected site', captureFromFirstRun);
scenario('the popup header stays reachable over a long notification list', popupHeaderStays);
