import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newEndpoint } from '../../../lib/config/endpoint';
import { appendEndpoints, onStoredChange, readStored, writeStored } from '../../../lib/config/stored';

const local = fakeBrowser.storage.local;

describe('stored items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads back what was written under its key, and nothing under the others', async () => {
    await writeStored(local, 'captureOrigins', ['https://a.example']);
    expect(await readStored(local, 'captureOrigins')).toEqual(['https://a.example']);
    expect(await local.get(null)).toEqual({ captureOrigins: ['https://a.example'] });
    expect(await readStored(local, 'settings')).toBeUndefined();
  });

  it('reports changes of its own key in the local area only, until stopped', async () => {
    const seen: unknown[] = [];
    const stop = onStoredChange(fakeBrowser.storage, 'settings', (raw) => seen.push(raw));
    await writeStored(local, 'settings', { alertEverySec: 5 });
    await writeStored(local, 'endpoints', []);
    await fakeBrowser.storage.sync.set({ settings: { alertEverySec: 9 } });
    stop();
    await writeStored(local, 'settings', { alertEverySec: 7 });
    expect(seen).toEqual([{ alertEverySec: 5 }]);
  });

  it('appends endpoints once each, keeping entries that fail validation as they were', async () => {
    const a = newEndpoint({ id: 'a', url: 'https://a.example/events', name: 'A' });
    const b = newEndpoint({ id: 'b', url: 'wss://b.example/ws', name: 'B' });
    await writeStored(local, 'endpoints', [a, { broken: true }]);
    await appendEndpoints(local, [b, a]);
    await appendEndpoints(local, [b]);
    expect(await readStored(local, 'endpoints')).toEqual([a, { broken: true }, b]);
  });

  it('keeps every entry of appends that overlap', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => newEndpoint({ id, url: `https://${id}.example/events`, name: id }));
    await Promise.all([appendEndpoints(local, [a!]), appendEndpoints(local, [b!]), appendEndpoints(local, [c!, a!])]);
    expect(await readStored(local, 'endpoints')).toEqual([a, b, c]);
  });

  it('starts a list when there is none', async () => {
    const a = newEndpoint({ id: 'a', url: 'https://a.example/events', name: 'A' });
    await appendEndpoints(local, [a]);
    expect(await readStored(local, 'endpoints')).toEqual([a]);
  });
});
