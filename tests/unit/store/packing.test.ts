import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { chunkEvents, chunkEventsNow, packEvents } from '../../../lib/store/packing';

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
  it('give back exactly the events packed, in order, with the chunk\'s endpoint, read either way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => event('ep-1', i + 1)))), async (events) => {
        const chunk = { endpointId: 'ep-1', packed: packEvents(events) };
        expect(chunkEventsNow(chunk)).toEqual(events);
        expect(await chunkEvents(chunk)).toEqual(events);
      }),
      { numRuns: 60 },
    );
  });

  it('take a fraction of the JSON they hold', () => {
    const events: StreamEvent[] = Array.from({ length: 1000 }, (_, i) => {
      const data = JSON.stringify({ type: 'task_update', payload: { id: `task-${i}`, state: ['queued', 'running', 'done'][i % 3], progress: i % 100 } });
      return { endpointId: 'ep-1', seq: i + 1, time: 1_700_000_000_000 + i * 7, dir: 'in', transport: 'ws', opcode: 1, data, size: data.length };
    });
    expect(packEvents(events).length).toBeLessThan(JSON.stringify(events).length / 5);
  });
});
