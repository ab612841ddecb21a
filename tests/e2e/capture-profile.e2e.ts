import { expect, test } from '@playwright/test';
import { esEvents } from '../../demo/capture-streams';
import { scenario, tid } from './support/both';
import { captureScriptsFor, setCaptureOrigins, storedEndpoints } from './support/capture';
import { setEndpoints } from './support/config';
import { startDemo } from './support/demo';
import { poll } from './support/poll';
import { waitForStored } from './support/store';

test.describe.configure({ timeout: 180_000 });

scenario('a captured stream takes a profile of its own: a custom one set in Options types what it recorded', async (ext) => {
  const { server } = await startDemo();
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup.raw, []);
    await setCaptureOrigins(setup.raw, [server.httpUrl]);
    await captureScriptsFor(setup.raw, server.httpUrl);
    const page = await ext.visit(`${server.httpUrl}/capture`);
    const sources = await poll(() => storedEndpoints(setup.raw), (l) => l.some((e) => e.captured?.kind === 'es'), 'the captured EventSource');
    const es = sources.find((e) => e.captured?.kind === 'es')!;
    await waitForStored(setup.raw, es.id, (r) => r.filter((x) => x.dir === 'in').length >= esEvents().length, 'the EventSource events');
    await page.close();

    // The panel's "Profile: detect" link opens this form.
    const options = await ext.open(`options.html#edit=${encodeURIComponent(es.id)}`);
    await poll(() => options.count(tid('captured-note')), (n) => n === 1, 'the form of the captured stream');
    await options.select(tid('field-profile'), 'custom');
    await options.click(tid('custom-add-entity'));
    await options.fill(tid('custom-entity-path'), 'n');
    await options.fill(tid('custom-entity-kind'), 'tick');
    await options.fill(tid('custom-summary'), '#{n}: {text}');
    await options.click(tid('save-endpoint'));
    await poll(() => options.count(tid('endpoint-form')), (n) => n === 0, 'the form to close on save');
    const saved = (await storedEndpoints(setup.raw)).find((e) => e.id === es.id) as unknown as { profile: string; captured?: object; recording?: boolean };
    expect(saved).toMatchObject({ profile: 'custom', recording: true, captured: { kind: 'es' } });

    // What it recorded is retyped: the State view lists the ticks it names.
    const panel = await ext.open('devtools-panel.html', { width: 1400, height: 1600 });
    await panel.click(tid('tab-state'));
    await panel.select(tid('state-endpoint'), es.id);
    await poll(() => panel.count(`${tid('custom-kind')}[data-kind="tick"] ${tid('custom-entity')}`), (n) => n === 12, 'the 12 ticks in the State view', 30_000);
  } finally {
    await server.close();
  }
});
