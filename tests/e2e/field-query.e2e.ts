import { expect, test } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario, tid, type Ext, type ExtPage } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';
import { rows, waitForRows } from './support/panel';
import { sseOnce } from './support/sse-once';
import { storedEvents } from './support/store';

type AnyPage = PwPage | PpPage;
const EVENTS = 30;
const ENDPOINT = 'numbers';

const typeQuery = (page: AnyPage, q: string) =>
  (page as PwPage).evaluate((query) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="filter-field"]')!;
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, q);

const fieldError = (page: AnyPage) => (page as PwPage).evaluate(() => document.querySelector('[data-testid="filter-field-error"]')?.textContent ?? '');

/** `n>15` shows exactly the events whose n is above 15; `n>` says what is wrong. */
async function numericQuery(ext: Ext): Promise<void> {
  const open = async (p: string): Promise<AnyPage> => (await ext.open(p, SIZE)).raw;
  // A flat stream: `{"n":1,…}` … `{"n":30,…}` once, then open and quiet.
  const stream = await sseOnce(EVENTS, (n) => `{"n":${n},"label":"event ${n}"}`, '/numbers');
  try {
    const setup = await open('options.html');
    await setEndpoints(setup, [newEndpoint({ id: ENDPOINT, name: 'Numbers', url: stream.url })]);
    const stored = await poll(() => storedEvents(setup, ENDPOINT), (r) => r.filter((e) => e.dir === 'in').length === EVENTS, 'all events stored');
    const nOf = new Map(stored.filter((e) => e.dir === 'in').map((e) => [e.seq, (JSON.parse(e.data) as { n: number }).n]));
    const expected = [...nOf].filter(([, n]) => n > 15).map(([seq]) => seq).sort((a, b) => a - b);
    expect(expected).toHaveLength(15);

    const panel = await open('devtools-panel.html');
    await waitForRows(panel, (r) => r.filter((x) => x.dir === 'in').length === EVENTS, 'every event in the panel');
    await typeQuery(panel, 'n>15');
    const shown = await waitForRows(panel, (r) => r.length === expected.length, 'the 15 matching events');
    expect(shown.map((r) => r.seq).sort((a, b) => a - b)).toEqual(expected);
    expect(await fieldError(panel)).toBe('');

    // The envelope-free path also works written with one, and lists and "and" combine.
    await typeQuery(panel, 'payload.n in (3, 4) or n>=29 and label~EVENT');
    const some = await waitForRows(panel, (r) => r.length === 4, 'n 3, 4, 29, 30');
    expect(some.map((r) => nOf.get(r.seq)).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([3, 4, 29, 30]);

    await typeQuery(panel, 'n>');
    await poll(() => fieldError(panel), (t) => t.includes('Expected a value after ">"'), 'an error for the bad query');
    expect(await (panel as PwPage).evaluate(() => document.querySelector('[data-testid="filter-field"]')?.getAttribute('aria-invalid'))).toBe('true');
    // A bad query filters nothing away: the list stays as it was before the fault.
    expect((await rows(panel)).length).toBeGreaterThan(0);
  } finally {
    await stream.close();
  }
}

/** Presses a key in the field query box (a keydown, as the box listens for). */
const press = (page: ExtPage, key: string) =>
  page.evaluate((k) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="filter-field"]')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  }, key);

/**
 * Typing `pay` offers the real paths of the stored events (`payload.status`, …); picking one with
 * the keyboard puts it in the box and the list is filtered by it; Esc closes the offer.
 */
async function completesRealPaths(ext: Ext): Promise<void> {
  // Even events carry a status, odd ones a note: `payload.status` keeps exactly half.
  const body = (n: number) => JSON.stringify({ type: 'job', payload: n % 2 === 0 ? { id: n, status: n % 4 === 0 ? 'failed' : 'done' } : { id: n, note: `odd ${n}` } });
  const stream = await sseOnce(20, body, '/jobs');
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, [newEndpoint({ id: 'jobs', name: 'Jobs', url: stream.url })]);
    const stored = await poll(() => storedEvents(setup.raw, 'jobs'), (r) => r.filter((e) => e.dir === 'in').length === 20, 'all events stored');
    const withStatus = stored.filter((e) => e.dir === 'in' && e.data.includes('"status"')).map((e) => e.seq);

    const panel = await ext.open('devtools-panel.html', SIZE);
    await waitForRows(panel.raw, (r) => r.filter((x) => x.dir === 'in').length === 20, 'every event in the panel');
    await panel.fill(tid('filter-field'), 'pay');
    const offered = await poll(() => panel.texts(`${tid('field-paths')} [role="option"]`), (t) => t.includes('payload.status'), 'payload.status offered');
    expect(offered).toEqual(expect.arrayContaining(['payload.id', 'payload.status', 'payload.note']));
    expect(await panel.attr(tid('filter-field'), 'aria-expanded')).toBe('true');

    // Down to payload.status, Enter: it is in the box and the list keeps the events that have it.
    for (let i = 0; i < offered.indexOf('payload.status'); i++) await press(panel, 'ArrowDown');
    expect(await panel.text(`${tid('field-path')}[aria-selected="true"]`)).toBe('payload.status');
    await press(panel, 'Enter');
    expect(await panel.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="filter-field"]')!.value)).toBe('payload.status');
    expect(await panel.count(tid('field-paths'))).toBe(0);
    const kept = await waitForRows(panel.raw, (r) => r.length === withStatus.length, 'the 10 events with a status');
    expect(kept.map((r) => r.seq).sort((a, b) => a - b)).toEqual(withStatus);

    // Without the envelope too, and Esc closes the offer without touching the query.
    await panel.fill(tid('filter-field'), 'payload.status=failed and no');
    await poll(() => panel.texts(`${tid('field-paths')} [role="option"]`), (t) => t.includes('note') || t.includes('payload.note'), 'note offered');
    await press(panel, 'Escape');
    expect(await panel.count(tid('field-paths'))).toBe(0);
    expect(await panel.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="filter-field"]')!.value)).toBe('payload.status=failed and no');
  } finally {
    await stream.close();
  }
}

const SIZE = { width: 1280, height: 1400 };
// Two page loads and a full stream in Firefox take over a minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

scenario('field query completion offers the real paths of the stored events; accepting one filters the list', completesRealPaths);
scenario('numeric field query returns exactly the matching events; a bad query shows an error', numericQuery);
