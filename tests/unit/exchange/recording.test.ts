import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../lib/exchange/import-error';
import { recordingEndpoint, writeRecordings, type RecordingPlan } from '../../../lib/exchange/recording';
import type { DB } from '../../../lib/store/schema';
import { freshDb, snapshot } from './helpers';

/** The database, with its `nth` read-write transaction failing. */
function failingAt(db: DB, nth: number): DB {
  let writes = 0;
  return new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === 'transaction') {
        return (...args: Parameters<DB['transaction']>) => {
          if (args[1] === 'readwrite' && ++writes === nth) throw new Error('disk on fire');
          return target.transaction(...args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('writeRecordings', () => {
  it('removes what it wrote when a later batch fails, and does not bring it back on the retry', async () => {
    const db = await freshDb();
    const before = await snapshot(db);
    const endpoint = recordingEndpoint({ name: 'A', url: 'https://a.example/', transport: 'sse' }, 6000, 0);
    if (typeof endpoint === 'string') throw new Error(endpoint);
    const plan: RecordingPlan = { endpoint, events: Array.from({ length: 6000 }, (_, i) => ({ endpointId: endpoint.id, time: i, dir: 'in', transport: 'sse', data: 'x', size: 1 })) };

    await expect(writeRecordings(failingAt(db, 2), [plan])).rejects.toThrow(ImportError);
    expect(await snapshot(db)).toEqual(before);
    // The writer retries a failed batch after a second; the import's writer must stay quiet.
    await new Promise((r) => setTimeout(r, 1300));
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps imported history from being aged out by retention', () => {
    const endpoint = recordingEndpoint({ name: ' ', url: 'wss://a.example/x', transport: 'ws' }, 2_000_000, 0);
    expect(endpoint).toMatchObject({ name: expect.stringMatching(/^Recording: wss:\/\/a\.example\/x \(imported /), retention: { maxEvents: 2_000_000, maxAgeDays: 36_500 } });
  });
});
