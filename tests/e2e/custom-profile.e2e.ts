import { expect } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import { scenario, tid, type ExtPage } from './support/both';
import { setEndpoints } from './support/config';
import { pick, startDemo } from './support/demo';
import { waitForRows } from './support/panel';
import { poll } from './support/poll';

const ID = 'demo-inventory';

/** Summaries of the inventory endpoint's received rows, by type. */
const summaries = (page: ExtPage) =>
  (page.raw as PwPage).evaluate((id) =>
    [...document.querySelectorAll<HTMLElement>(`[data-testid="event-row"][data-endpoint-id="${id}"][data-dir="in"]`)].map((r) => ({
      type: r.dataset.type ?? '',
      summary: r.querySelector('[data-testid="event-summary"]')?.textContent ?? '',
    })),
  ID);

scenario('a custom profile defined in Options types an unknown stream: typed rows, templated summaries, entities in State', async (ext) => {
  const { server, endpoints } = await startDemo({ rate: 10 });
  try {
    const options = await ext.open('options.html');
    // The stream as a new user meets it: no profile knows it.
    await setEndpoints(options.raw, pick(endpoints, [ID], { profile: 'auto', customProfile: undefined }));
    const panel = await ext.open('devtools-panel.html', { width: 1400, height: 1600 });
    await waitForRows(panel.raw, (rs) => rs.filter((r) => r.endpointId === ID && r.type === 'message').length >= 3, 'untyped inventory rows');

    await options.click(tid('edit-endpoint'));
    await options.select(tid('field-profile'), 'custom');
    await options.fill(tid('custom-type-path'), 'event');
    await options.click(tid('custom-add-entity'));
    await options.fill(tid('custom-entity-path'), 'payload.id');
    await options.fill(tid('custom-entity-kind'), 'item');
    // A bad template is said inline as it is typed, and blocks nothing once fixed.
    await options.fill(tid('custom-summary'), '{payload.id → {payload.state}');
    expect(await poll(() => options.text(tid('error-customProfile.summary')), (t) => t !== null, 'the template error')).toMatch(/not closed/);
    await options.fill(tid('custom-summary'), '{payload.id} → {payload.state}');
    await poll(() => options.count(tid('error-customProfile.summary')), (n) => n === 0, 'the error to go');
    // The preview: the endpoint's latest stored frames, and a pasted one.
    const stored = await poll(() => options.texts(`${tid('custom-preview-row')}[data-sample="stored"]`), (rs) => rs.length > 0, 'stored frames in the preview');
    expect(stored[0]).toMatch(/^item\.\w+sku-\d → \w+item sku-\d$/);
    await options.fill(tid('custom-sample'), '{"event":"item.moved","payload":{"id":"<b>x</b>"}}');
    expect(await poll(() => options.text(`${tid('custom-preview-row')}[data-sample="pasted"]`), (t) => t !== null, 'the pasted frame in the preview')).toBe(
      'item.moved<b>x</b> → ?item <b>x</b>',
    );
    await options.click(tid('save-endpoint'));
    await poll(() => options.count(tid('endpoint-form')), (n) => n === 0, 'the form to close on save');

    // The panel: every row typed by the definition, stored ones retyped, summaries from the template.
    const typed = await poll(
      () => summaries(panel),
      (rs) => rs.length >= 3 && rs.every((r) => /^item\./.test(r.type)),
      'every inventory row typed by the custom profile',
      30_000,
    );
    for (const r of typed) expect(r.summary).toMatch(/^item\.\w+ {2}sku-\d → (in_stock|low|sold_out)$/);

    // State: the entities the id path names, with their latest payload.
    await panel.click(tid('tab-state'));
    await panel.select(tid('state-endpoint'), ID);
    await poll(() => panel.count(`${tid('custom-kind')}[data-kind="item"] ${tid('custom-entity')}`), (n) => n >= 2, 'items in the State view', 30_000);
    const row = await panel.text(tid('custom-entity'));
    expect(row).toMatch(/^sku-\d\d+item\.\w+/);
    expect(row).toMatch(/"qty":\d+/);
  } finally {
    await server.close();
  }
});
