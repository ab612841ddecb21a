import { expect, test } from '@playwright/test';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario, tid, type ExtPage } from './support/both';
import { setEndpoints } from './support/config';
import { pick, startDemo } from './support/demo';
import { poll } from './support/poll';
import { waitForRows } from './support/panel';
import { sseOnce } from './support/sse-once';

const DOCKED = { width: 560, height: 900 };
const EVENTS = 40;

/** Width of every shown row's summary cell (the marker text for connection markers). */
const summaryWidths = (panel: ExtPage) =>
  panel.evaluate(() =>
    [...document.querySelectorAll('[data-testid="event-row"]')].map((r) => r.querySelector('.tl-summary, .tl-marker-text')!.getBoundingClientRect().width),
  );

const splitterSize = async (panel: ExtPage) => Number(await panel.attr(tid('tl-splitter'), 'aria-valuenow'));

/** Drags the splitter by `dy` px with pointer events, as a mouse would. */
const dragSplitter = (panel: ExtPage, dy: number) =>
  panel.evaluate((d) => {
    const bar = document.querySelector<HTMLElement>('[data-testid="tl-splitter"]')!;
    const box = bar.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    bar.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, clientX: x, clientY: y }));
    for (let i = 1; i <= 5; i++) window.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y + (d * i) / 5 }));
    window.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientX: x, clientY: y + d }));
  }, dy);

const openHeaderMenu = (panel: ExtPage) =>
  panel.evaluate(() => {
    const head = document.querySelector<HTMLElement>('[data-testid="timeline-head"]')!;
    const box = head.getBoundingClientRect();
    head.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: box.left + 40, clientY: box.top + 5 }));
  });

const headerColumns = (panel: ExtPage) => panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="timeline-head"] [data-column]')].map((c) => c.dataset.column));

const endpointCellsShown = (panel: ExtPage) =>
  panel.evaluate(() => [...document.querySelectorAll('[data-testid="event-row"] .tl-endpoint')].filter((c) => c.getBoundingClientRect().width > 0).length);

async function selectAnEvent(panel: ExtPage): Promise<void> {
  await waitForRows(panel.raw, (r) => r.filter((x) => x.dir === 'in').length >= 10, 'events in the panel');
  await panel.click('[data-testid="event-row"][data-dir="in"]');
  await poll(() => panel.count(tid('tl-splitter')), (n) => n === 1, 'the detail pane and its splitter');
}

test.describe.configure({ timeout: 180_000 });

scenario('docked at 560 px: detail under the list, summary readable, split and columns remembered', async (ext) => {
  // Long summaries: 40 events once, then open and quiet.
  const stream = await sseOnce(EVENTS, (n) => `{"n":${n},"message":"a message long enough to need the whole summary column ${n}"}`, '/chatty');
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, [newEndpoint({ id: 'chatty', name: 'A rather long endpoint name', url: stream.url })]);

    let panel = await ext.open('devtools-panel.html', DOCKED);
    await selectAnEvent(panel);
    expect(await panel.attr(tid('timeline-body'), 'data-placement')).toBe('below');
    const widths = await summaryWidths(panel);
    expect(widths.length).toBeGreaterThan(5);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(150);

    // Dragging the bar up makes the detail pane taller.
    const before = await splitterSize(panel);
    await dragSplitter(panel, -120);
    const after = await poll(() => splitterSize(panel), (n) => n !== before, 'the split to move');
    expect(after).toBe(before + 120);

    // The header's context menu hides a column.
    await openHeaderMenu(panel);
    await panel.click('[data-testid="column-menu"] input[data-column="endpoint"]');
    await poll(() => headerColumns(panel), (cols) => !cols.includes('endpoint'), 'the endpoint column hidden');
    expect(await endpointCellsShown(panel)).toBe(0);
    await panel.close();

    // Reopened: the same split and the same columns.
    panel = await ext.open('devtools-panel.html', DOCKED);
    await selectAnEvent(panel);
    expect(await splitterSize(panel)).toBe(after);
    expect(await headerColumns(panel)).not.toContain('endpoint');
    expect(await endpointCellsShown(panel)).toBe(0);
    expect(Math.min(...(await summaryWidths(panel)))).toBeGreaterThanOrEqual(150);
  } finally {
    await stream.close();
  }
});

const TALL = { width: 1400, height: 2400 };

/** Whether the list still follows the newest events (no "Live ↓" pill), and the rows shown. */
const liveEdge = (panel: ExtPage) =>
  panel.evaluate(() => ({
    following: document.querySelector('[data-testid="new-events"]') === null,
    seqs: [...document.querySelectorAll<HTMLElement>('[data-testid="event-row"]')].map((r) => `${r.dataset.endpointId}:${r.dataset.seq}`),
  }));

scenario('a panel made taller or shorter while events stream in stays at the live edge', async (ext) => {
  const { server, endpoints } = await startDemo({ rate: 20 });
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, pick(endpoints, ['demo-llm', 'demo-graphql', 'demo-socketio']));
    await setup.close();
    const panel = await ext.open('devtools-panel.html', DOCKED);
    await waitForRows(panel.raw, (r) => r.length >= 30, 'a screenful of events');
    // Growing the panel pulls the list's scroll position back before the resize is observed:
    // that is the browser moving the list, not the user scrolling away from the newest events.
    for (const size of [TALL, DOCKED, TALL, DOCKED, TALL]) {
      await panel.resize(size);
      await new Promise((r) => setTimeout(r, 300));
      expect((await liveEdge(panel)).following, `following after resizing to ${size.height} px`).toBe(true);
    }
    const before = await liveEdge(panel);
    const after = await poll(() => liveEdge(panel), (e) => !e.seqs.includes(before.seqs.at(-1)!), 'newer events at the bottom of the list', 15_000);
    expect(after.following).toBe(true);
  } finally {
    await server.close();
  }
});
