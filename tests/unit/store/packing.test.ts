import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { deflateSync } from 'fflate';
import { chunkEvents, chunkJson, packEvents } from '../../../lib/store/packing';

// DEFLATE as it is, watched: what the packer compresses is part of what it costs.
vi.mock('fflate', async (real) => {
  const m = await real<typeof import('fflate')>();
  return { ...m, deflateSync: vi.fn(m.deflateSync) };
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Any event the background can store: every optional field, any text, lone surrogates included. */
const event = (endpointId: string, seq: number) =>
  fc
    .record({
      time: fc.integer({ min: 0, max: 2 ** 45 }),
      dir: fc.constantFrom<StreamEvent['dir']>('in', 'out', 'sys'),
      transport: fc.constantFrom<StreamEvent['transport']>('sse', 'ws'),
      name: maybe(fc.string({ unit: 'binary' })),
      id: maybe(fc.string({ unit: 'binary' })),
      retry: maybe(fc.nat()),
      opcode: maybe(fc.constantFrom<1 | 2>(1, 2)),
      data: fc.string({ unit: 'binary', maxLength: 300 }),
      size: fc.nat(),
    })
    .map((fields): StreamEvent => {
      const ev: StreamEvent = { endpointId, seq, ...fields };
      // Stored events have no keys set to undefined (JSON would drop them, structured clone not).
      for (const k of Object.keys(ev) as (keyof StreamEvent)[]) if (ev[k] === undefined) delete ev[k];
      return ev;
    });

describe('packed chunks', () => {
  it('give back exactly the events packed, in order, with the chunk\'s endpoint', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => event('ep-1', i + 1)))), (events) => {
        const chunk = { endpointId: 'ep-1', ...packEvents(events) };
        expect(chunkEvents(chunk)).toEqual(events);
      }),
      { numRuns: 60 },
    );
  });

  /** Events whose data is `text` repeated or made up, `n` of them. */
  const eventsOf = (n: number, data: (i: number) => string): StreamEvent[] =>
    Array.from({ length: n }, (_, i) => ({ endpointId: 'ep-1', seq: i + 1, time: 1_700_000_000_000 + i, dir: 'in', transport: 'ws', data: data(i), size: 0 }));
  let seed = 1;
  /** Random base64, as encrypted or media payloads are sent: DEFLATE only entropy-codes it. */
  const base64 = (n: number) => {
    const bytes = Uint8Array.from({ length: n }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 255);
    return btoa(String.fromCharCode(...bytes));
  };

  it('store what DEFLATE cannot halve as it is, and read it back the same', () => {
    const events = eventsOf(300, () => base64(600));
    const stored = packEvents(events);
    expect(stored.codec).toBe('none');
    expect(stored.size).toBe(stored.packed.length);
    expect(new TextDecoder().decode(stored.packed)).toBe(JSON.stringify(events.map(({ endpointId: _, ...e }) => e)));
    expect(chunkEvents({ endpointId: 'ep-1', ...stored })).toEqual(events);
    // Its own copy: packing the next chunk does not change it.
    const before = stored.packed.slice();
    packEvents(eventsOf(300, () => base64(600)));
    expect(stored.packed).toEqual(before);
  });

  it('compress only a sample of a chunk the sample shows DEFLATE cannot halve', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const text = (n: number) => Array.from({ length: n }, () => alphabet[((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 63]).join('');
    // JSON around random text over 64 characters: DEFLATE takes it to 56%, sample and chunk alike.
    const events = eventsOf(1000, (i) => JSON.stringify({ type: 'load', n: i, pad: text(250) }));
    const json = new TextEncoder().encode(JSON.stringify(events.map(({ endpointId: _, ...e }) => e)));
    expect(deflateSync(json, { level: 3 }).length / json.length).toBeGreaterThan(0.55);
    vi.mocked(deflateSync).mockClear();
    const stored = packEvents(events);
    expect(stored.codec).toBe('none');
    expect(vi.mocked(deflateSync).mock.calls.map(([bytes]) => bytes.length)).toEqual([32 * 1024]);
    expect(chunkEvents({ endpointId: 'ep-1', ...stored })).toEqual(events);
  });

  it('record the size of the JSON they hold, and read chunks of any size in a row', () => {
    for (const n of [1000, 3, 2000, 10]) {
      const events = eventsOf(n, (i) => JSON.stringify({ type: 'task_update', id: `task-${i}` }));
      const stored = packEvents(events);
      expect(stored.codec).toBeUndefined();
      expect(stored.size).toBe(new TextEncoder().encode(JSON.stringify(events.map(({ endpointId: _, ...e }) => e))).length);
      expect(chunkEvents({ endpointId: 'ep-1', ...stored })).toEqual(events);
      expect(chunkJson(stored)).toBe(JSON.stringify(events.map(({ endpointId: _, ...e }) => e)));
    }
  });

  it('still read chunks written before codec and size were recorded: DEFLATE, of unknown size', () => {
    const events = eventsOf(500, (i) => `{"n":${i}}`);
    const old = { endpointId: 'ep-1', packed: deflateSync(new TextEncoder().encode(JSON.stringify(events.map(({ endpointId: _, ...e }) => e))), { level: 3 }) };
    expect(chunkEvents(old)).toEqual(events);
  });

  it('take a fraction of the JSON they hold', () => {
    const events: StreamEvent[] = Array.from({ length: 1000 }, (_, i) => {
      const data = JSON.stringify({ type: 'task_update', payload: { id: `task-${i}`, state: ['queued', 'running', 'done'][i % 3], progress: i % 100 } });
      return { endpointId: 'ep-1', seq: i + 1, time: 1_700_000_000_000 + i * 7, dir: 'in', transport: 'ws', opcode: 1, data, size: data.length };
    });
    expect(packEvents(events).packed.length).toBeLessThan(JSON.stringify(events).length / 5);
  });
});
