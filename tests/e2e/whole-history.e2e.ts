import { expect, test } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { scenario, type Ext } from './support/both';
import { setEndpoints } from './support/config';
import { poll } from './support/poll';

/** Log entries of other plans after the first plan's two events: far more than any page the panel reads at once. */
const LOGS = 60_000;
const TITLE = 'Quarterly unicorn audit';

type Page = PwPage | PpPage;
const run = <A, R>(page: Page, fn: (a: A) => R | Promise<R>, arg: A): Promise<R> => (page as PwPage).evaluate(fn as never, arg) as Promise<R>;

/**
 * Imports a plans recording through the Replay & files tab: a plan created and approved first,
 * then LOGS log entries of 600 other plans. The file is built in the page and handed to the file
 * input, which is what picking it does.
 */
async function importPlans(page: Page): Promise<void> {
  await run(
    page,
    async ({ logs, title }) => {
      const ep = { id: 'plans-src', name: 'Plans', url: 'http://127.0.0.1:1/plans/stream', transport: 'sse' };
      const t0 = Date.UTC(2024, 4, 1, 10);
      const at = (i: number) => new Date(t0 + i * 10).toISOString();
      const line = (i: number, event: string, data: object) =>
        JSON.stringify({ v: 1, endpoint: ep, timeMs: t0 + i * 10, dir: 'in', transport: 'sse', event, data: JSON.stringify(data), size: 100 });
      const lines = [JSON.stringify({ streamscope: 'ndjson', v: 1, exportedAt: at(0), endpoints: [{ ...ep, profile: 'plans' }] })];
      lines.push(line(0, 'plan.created', { id: 'p-first', title, state: 'draft', rev: 1, created_at: at(0) }));
      lines.push(line(1, 'plan.state.changed', { plan_id: 'p-first', state: 'approved', rev: 2 }));
      lines.push(line(2, 'plan.created', { id: 'p-busy', title: 'Busy plan', state: 'running', rev: 3, created_at: at(2) }));
      for (let i = 0; i < logs; i++) lines.push(line(i + 3, 'plan.log.new', { plan_id: `p-busy-${i % 600}`, id: `log-${i}`, entry: `Step ${i}`, rev: i + 4, created_at: at(i + 3) }));
      const deadline = Date.now() + 10_000;
      let input: HTMLInputElement | null = null;
      while (!(input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (!input) throw new Error('no import input');
      const files = new DataTransfer();
      files.items.add(new File([lines.join('\n')], 'plans.ndjson'));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { logs: LOGS, title: TITLE },
  );
  await poll(() => run(page, () => document.querySelector('[data-testid="exchange-notice"]')?.textContent ?? '', null), (t) => t.includes('Imported'), 'the import', 120_000);
}

/** Clicks an element once the page shows it (the panel renders after it has read the store's index). */
const click = (page: Page, testId: string) =>
  run(
    page,
    async (id) => {
      const deadline = Date.now() + 30_000;
      let el: HTMLElement | null = null;
      while (!(el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (!el) throw new Error(`no ${id}`);
      el.click();
    },
    testId,
  );

/** Types into a filter box as the user would (the list refilters after it settles). */
const typeInto = (page: Page, testId: string, value: string) =>
  run(
    page,
    ({ id, v }) => {
      const el = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { id: testId, v: value },
  );

/** Sequence numbers of the rows on screen (no scrolling). */
const seqsShown = (page: Page) =>
  run(page, () => [...document.querySelectorAll<HTMLElement>('[data-testid="event-row"]')].map((r) => Number(r.dataset.seq)), null);

const countLine = (page: Page) => run(page, () => document.querySelector('[data-testid="timeline-count"]')?.textContent ?? '', null);

type Marked = HTMLElement & { shownSeq?: string };

/** Notes on each row element the event it shows. */
const markRows = (page: Page) =>
  run(
    page,
    () => {
      for (const el of document.querySelectorAll<Marked>('[data-testid="event-row"]')) el.shownSeq = el.dataset.seq;
    },
    null,
  );

/** Row elements that showed another event when marked: drawing new rows reuses the elements. */
const reusedRows = (page: Page) =>
  run(page, () => [...document.querySelectorAll<Marked>('[data-testid="event-row"]')].filter((el) => el.shownSeq !== undefined && el.shownSeq !== el.dataset.seq).length, null);

async function findsTheBeginning(page: Page, how: string, apply: () => Promise<unknown>, undo: () => Promise<unknown>): Promise<void> {
  await apply();
  await poll(() => seqsShown(page), (s) => s.includes(1), `seq 1 found by ${how}`, 30_000);
  // The search Workers take turns over the chunks: seq 1 may show while another Worker still
  // runs, whose matches would change the rows marked below.
  await poll(() => countLine(page), (t) => !t.startsWith('searched'), `the search by ${how} done`, 30_000);
  const seqs = await seqsShown(page);
  expect(seqs).toContain(1);
  expect(seqs.length).toBeLessThan(LOGS); // the matches, not the whole history
  await markRows(page);
  await undo();
  await poll(() => seqsShown(page), (s) => !s.includes(1), `the live edge again after clearing the ${how}`, 30_000);
  expect(await reusedRows(page)).toBeGreaterThan(0);
}

async function wholeHistory(ext: Ext): Promise<void> {
  const open = async (p: string): Promise<Page> => (await ext.open(p, TALL)).raw;
  const setup = await open('options.html');
  await setEndpoints(setup, []);
  const importer = await open('devtools-panel.html');
  await click(importer, 'tab-exchange');
  await importPlans(importer);

  // A fresh panel over the stored history.
  const page = await open('devtools-panel.html');
  const count = await poll(() => countLine(page), (t) => /\d/.test(t), 'the count');
  expect(Number(count.replace(/\D/g, ''))).toBeGreaterThanOrEqual(LOGS + 3);

  // The state built by the very first events.
  await click(page, 'tab-state');
  const plans = await poll(
    () =>
      run(
        page,
        () => {
          const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="plan-row"]')].map((r) => `${r.dataset.planId}:${r.dataset.state}`);
          // What the tab says instead, when it shows no plans.
          return rows.length > 0 ? rows : [document.querySelector<HTMLElement>('[data-testid="state-view"]')?.innerText.slice(0, 300) ?? 'no state view'];
        },
        null,
      ),
    (p) => p.includes('p-first:approved'),
    'the first plan, approved',
    120_000,
  );
  expect(plans).toContain('p-first:approved');

  await click(page, 'tab-timeline');
  await findsTheBeginning(page, 'text', () => typeInto(page, 'filter-text', 'unicorn'), () => typeInto(page, 'filter-text', ''));
  await findsTheBeginning(page, 'field query', () => typeInto(page, 'filter-field', 'title~unicorn'), () => typeInto(page, 'filter-field', ''));
  // A number compared (every event has a `rev`: the chunks' ranges of it rule the rest out).
  await findsTheBeginning(page, 'field comparison', () => typeInto(page, 'filter-field', 'rev < 2'), () => typeInto(page, 'filter-field', ''));
  await findsTheBeginning(
    page,
    'regex',
    async () => (await click(page, 'filter-regex'), await typeInto(page, 'filter-text', 'unicorn (audit|review)')),
    async () => (await typeInto(page, 'filter-text', ''), await click(page, 'filter-regex')),
  );
  const pickType = (on: boolean) =>
    run(
      page,
      (checked) => {
        const menu = document.querySelector<HTMLDetailsElement>('[data-testid="filter-types"]')!;
        menu.open = true;
        const box = menu.querySelector<HTMLInputElement>('input[data-type="plan.created"]')!;
        if (box.checked !== checked) box.click();
      },
      on,
    );
  await findsTheBeginning(page, 'type', () => pickType(true), () => pickType(false));
}

const TALL = { width: 1280, height: 1000 };

// Importing 60,000 events and folding them in a fresh panel takes minutes on a busy machine.
test.describe.configure({ timeout: 300_000 });

scenario('over 60,000 stored events a fresh panel shows the first events’ state and finds them by text, regex, field and type', wholeHistory);
