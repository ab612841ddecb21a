import { expect, test } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { newEndpoint } from '../../lib/config/endpoint';
import { scenario, type Ext } from './support/both';
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

const SIZE = { width: 1280, height: 1400 };
// Two page loads and a full stream in Firefox take over a minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

scenario('numeric field query returns exactly the matching events; a bad query shows an error', numericQuery);
