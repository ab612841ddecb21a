import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../lib/options/draft';
import { OptionsModel, type OptionsDeps } from '../../../lib/options/options-model';
import { newEndpoint } from '../../../lib/config/endpoint';
import { DEMO_NOT_RUNNING } from '../../../lib/config/demo-setup';
import { demoEndpoints } from '../../../lib/config/demo-endpoints';
import type { ProbeResult } from '../../../lib/options/probe';

const local = newEndpoint({ id: 'local', name: 'Local', url: 'http://127.0.0.1:8787/events' });
const broken = { id: 'bad', name: 'Bad', url: 'nope' };

function setup(stored: unknown[] = [local, broken], grant = true, demoUp = true, probeResult: ProbeResult = { ok: true, status: 'Connected', received: 0, events: [] }) {
  const written: unknown[][] = [];
  const asked: string[] = [];
  const deps: OptionsDeps = {
    read: async () => stored,
    write: async (list) => void written.push(list),
    grantedOrigins: async () => ['http://127.0.0.1/*'],
    requestOrigin: (p) => (asked.push(p), Promise.resolve(grant)),
    probe: async () => probeResult,
    download: () => undefined,
    demoAnswers: async () => demoUp,
  };
  const model = new OptionsModel(deps, 50);
  return { model, written, asked };
}

const fill = (model: OptionsModel, name: string, url: string) => {
  model.add();
  model.change({ name, url });
};

describe('OptionsModel', () => {
  it('lists valid and invalid entries and writes invalid ones back untouched', async () => {
    const { model, written } = setup();
    await model.load();
    expect(model.entries.value.map((e) => e.ok)).toEqual([true, false]);
    await model.setEnabled('local', false);
    expect(written[0]).toEqual([{ ...local, enabled: false }, broken]);
  });

  it('shows errors and saves nothing while the form is invalid', async () => {
    const { model, written } = setup();
    await model.load();
    fill(model, '', 'nope');
    await model.save();
    expect(model.form.value?.errors).toMatchObject({ name: 'Give the endpoint a name', url: 'Not a valid URL' });
    model.change({ url: 'http://127.0.0.1/x' });
    expect(model.form.value?.errors).toEqual({ name: 'Give the endpoint a name' });
    expect(written).toEqual([]);
  });

  it('asks for a new origin inside the click, then saves', async () => {
    const { model, written, asked } = setup();
    await model.load();
    fill(model, 'Remote', 'wss://stream.example.com/ws');
    const saving = model.save();
    expect(asked).toEqual(['https://stream.example.com/*']); // before any await
    await saving;
    expect(model.form.value).toBeUndefined();
    expect(written[0]).toHaveLength(3);
    expect(written[0]?.[2]).toMatchObject({ name: 'Remote', enabled: true, transport: 'ws' });
    // Granted now: no second question.
    fill(model, 'Remote 2', 'https://stream.example.com/events');
    await model.save();
    expect(asked).toHaveLength(1);
  });

  it('saves disabled and explains by the URL when access is refused', async () => {
    const { model, written } = setup([], false);
    await model.load();
    fill(model, 'Remote', 'https://stream.example.com/events');
    await model.save();
    expect(written[0]?.[0]).toMatchObject({ name: 'Remote', enabled: false });
    expect(model.form.value?.errors.url).toMatch(/^Access to stream\.example\.com was refused, so the endpoint is saved disabled/);
    expect(model.form.value?.isNew).toBe(false);
  });

  it('does not ask for loopback or for a disabled endpoint', async () => {
    const { model, asked } = setup([]);
    await model.load();
    fill(model, 'Local', 'ws://127.0.0.1:9000/ws');
    await model.save();
    model.add();
    model.change({ ...emptyDraft(), name: 'Off', url: 'https://x.example/e', enabled: false });
    await model.save();
    expect(asked).toEqual([]);
  });

  it('deletes with an undo that puts the entry back in place', async () => {
    const { model, written } = setup();
    await model.load();
    await model.remove('local');
    expect(model.undo.value).toBe('Deleted "Local"');
    expect(written.at(-1)).toEqual([broken]);
    model.undoRemove();
    expect(written.at(-1)).toEqual([local, broken]);
    expect(model.undo.value).toBeUndefined();
    await model.remove('bad');
    await new Promise((r) => setTimeout(r, 80));
    expect(model.undo.value).toBeUndefined();
  });

  it('opens a copy for duplicate and runs a connection test on the draft', async () => {
    const { model } = setup();
    await model.load();
    model.duplicate('local');
    expect(model.form.value?.draft.name).toBe('Local (copy)');
    expect(model.form.value?.isNew).toBe(true);
    await model.testConnection();
    expect(model.test.value).toEqual({ running: false, result: { ok: true, status: 'Connected', received: 0, events: [] } });
  });

  it('imports good entries, disables those on new origins, reports the rest', async () => {
    const { model, written } = setup();
    await model.load();
    const file = JSON.stringify({
      version: 1,
      endpoints: [
        { ...local, name: 'Local renamed' },
        { name: 'Remote', url: 'https://far.example/e' },
        { name: 'Nope', url: 'x' },
      ],
    });
    await model.importText(file);
    expect(model.importReport.value).toMatchObject({ imported: 2, disabled: ['Remote'], problems: [{ entry: 3, name: 'Nope' }] });
    const list = written.at(-1) as { name?: string; enabled?: boolean }[];
    expect(list.map((e) => [e.name, e.enabled])).toEqual([
      ['Local renamed', true],
      ['Bad', undefined],
      ['Remote', false],
    ]);
  });

  it('loads the demo only when its server answers, and removes all demo endpoints in one step with undo', async () => {
    const down = setup([local], true, false);
    await down.model.load();
    await down.model.loadDemo();
    expect(down.model.notice.value).toBe(DEMO_NOT_RUNNING);
    expect(down.written).toEqual([]);

    const { model, written } = setup([local]);
    await model.load();
    await model.loadDemo();
    const n = demoEndpoints().length;
    expect(written.at(-1)).toHaveLength(1 + n);
    expect(model.demoCount).toBe(n);
    await model.removeDemo();
    expect(written.at(-1)).toEqual([local]);
    expect(model.undo.value).toBe(`Removed ${n} demo endpoints`);
    model.undoRemove();
    await Promise.resolve();
    expect(model.demoCount).toBe(n);
  });

  it('asks before saving settings whose connection test just failed; an edit or a passing test clears it', async () => {
    const failed: ProbeResult = { ok: false, status: 'HTTP 404 Not Found', received: 0, events: [] };
    const { model, written } = setup([local], true, true, failed);
    await model.load();
    fill(model, 'Plans', 'http://127.0.0.1:8787/nope');
    await model.testConnection();
    await model.save();
    expect(model.saveWarning.value).toContain('HTTP 404 Not Found');
    expect(written).toEqual([]);
    await model.save(true);
    expect(written).toHaveLength(1);
    expect(model.saveWarning.value).toBeUndefined();

    // A test of other settings does not count against these.
    fill(model, 'Other', 'http://127.0.0.1:8787/x');
    await model.testConnection();
    model.change({ url: 'http://127.0.0.1:8787/y' });
    await model.save();
    expect(model.saveWarning.value).toBeUndefined();
    expect(written).toHaveLength(2);
  });
});
