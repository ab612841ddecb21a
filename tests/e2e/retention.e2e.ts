import { expect, test } from '@playwright/test';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario, tid, type ExtPage } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';
import { sseOnce } from './support/sse-once';

/** Events the stream sends: a plan created and approved first, then log entries of other plans. */
const EVENTS = 3000;
/** The retention saved once they are stored (the least the options accept). */
const KEEP = 1000;

const plan = (n: number) => {
  if (n === 1) return { event: 'plan.created', data: JSON.stringify({ id: 'p-first', title: 'The first plan', state: 'draft', created_at: new Date(0).toISOString() }) };
  if (n === 2) return { event: 'plan.state.changed', data: JSON.stringify({ plan_id: 'p-first', state: 'approved' }) };
  return { event: 'plan.log.new', data: JSON.stringify({ plan_id: `p-other-${n % 50}`, id: `log-${n}`, entry: `Step ${n}`, created_at: new Date(n).toISOString() }) };
};

/** The stored count the timeline shows. */
const stored = async (panel: ExtPage) => Number(((await panel.text(tid('timeline-count'))) ?? '').replace(/\D/g, '') || 0);

/** Scrolls the timeline to its oldest row and returns the `[seq, type]` of the rows shown there. */
const oldestRows = (panel: ExtPage) =>
  panel.evaluate(() => {
    const list = document.querySelector<HTMLElement>('.tl-list');
    if (!list) return [];
    list.scrollTop = 0;
    list.dispatchEvent(new Event('scroll'));
    return [...document.querySelectorAll<HTMLElement>('.tl-list [data-testid="event-row"]')].map((r) => [Number(r.dataset.seq), r.dataset.type ?? ''] as const).sort((a, b) => a[0] - b[0]);
  });

/** `id:state` of every plan row in the State tab. */
const plans = (panel: ExtPage) => panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="plan-row"]')].map((r) => `${r.dataset.planId}:${r.dataset.state}`));

test.describe.configure({ timeout: 180_000 });

scenario('a retention cut keeps the entities the deleted events built', async (ext) => {
  // Paced, so the events are stored in many chunks and retention can cut between them: chunks of
  // 150 events are final (lib/store/compact.ts), smaller ones would be merged into ones of up to 1,016.
  const stream = await sseOnce(EVENTS, plan, '/plans', { batch: 150, pauseMs: 250 });
  try {
    const setup = await ext.open('options.html');
    const endpoint = newEndpoint({ id: 'plans', name: 'Plans', url: stream.url, profile: 'plans' });
    await setEndpoints(setup.raw, [endpoint]);

    const panel = await ext.open('devtools-panel.html', { width: 1400, height: 1200 });
    await poll(() => stored(panel), (n) => n >= EVENTS, 'every event stored', 60_000);
    await poll(() => oldestRows(panel), (rows) => rows.some(([, type]) => type === 'plan.created'), 'the first plan at the top of the timeline');

    // Saving a smaller retention applies it at once; the open panel re-reads what is left.
    await setEndpoints(setup.raw, [{ ...endpoint, retention: { maxEvents: KEEP, maxAgeDays: 30 } }]);
    const left = await poll(() => stored(panel), (n) => n <= KEEP + 20, 'the stored count down to the cap', 60_000);
    expect(left).toBeGreaterThan(KEEP / 2);
    const top = await poll(() => oldestRows(panel), (rows) => rows.length > 5 && rows[0]![0] > EVENTS - KEEP, 'the oldest kept rows at the top');
    expect(top.map(([, type]) => type)).not.toContain('plan.created');

    // A fresh panel: the plan the deleted events built is still there, live and at the oldest kept event.
    const fresh = await ext.open('devtools-panel.html', { width: 1400, height: 1200 });
    await fresh.click(tid('tab-state'));
    await fresh.select(tid('state-endpoint'), 'plans');
    await poll(() => plans(fresh), (p) => p.includes('p-first:approved'), 'the first plan, approved, live');
    await fresh.click(tid('tt-start'));
    // The position names the event whose state is shown: wait for the oldest kept one's.
    await poll(() => fresh.text(tid('tt-position')), (t) => /^#(\d+) of \1–/.test(t ?? ''), 'the state at the oldest kept event');
    expect(await fresh.count(tid('tt-past'))).toBe(1);
    expect(await plans(fresh)).toContain('p-first:approved');
  } finally {
    await stream.close();
  }
});
