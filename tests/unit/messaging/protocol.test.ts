import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackgroundMessageSchema, isStreamEvent, StreamEventSchema } from '../../../lib/messaging/protocol';

const event = fc.record(
  {
    endpointId: fc.string(),
    seq: fc.integer({ min: 1 }),
    time: fc.double({ noNaN: true, noDefaultInfinity: true }),
    dir: fc.constantFrom('in', 'out', 'sys'),
    transport: fc.constantFrom('sse', 'ws'),
    name: fc.string(),
    id: fc.string(),
    retry: fc.double({ noNaN: true, noDefaultInfinity: true }),
    opcode: fc.constantFrom(1, 2),
    data: fc.string(),
    size: fc.nat(),
  },
  { requiredKeys: ['endpointId', 'seq', 'time', 'dir', 'transport', 'data', 'size'] },
);

/** Values a field may wrongly hold: other types, edge numbers, near-miss strings. */
const odd = fc.oneof(fc.anything(), fc.constantFrom(0, -1, 1.5, 3, NaN, Infinity, -Infinity, 2 ** 53, '1', 'IN', null, undefined));

/** An event with one field set to something else, or removed. */
const mutated = fc.tuple(event, fc.constantFrom(...Object.keys(StreamEventSchema.shape)), odd, fc.boolean()).map(([e, key, value, drop]) => {
  const out: Record<string, unknown> = { ...e };
  if (drop) delete out[key];
  else out[key] = value;
  return out;
});

describe('isStreamEvent', () => {
  it('accepts every event the schema accepts', () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(StreamEventSchema.safeParse(e).success).toBe(true);
        expect(isStreamEvent(e)).toBe(true);
      }),
    );
  });

  it('agrees with the schema on events with a field changed or missing, and on anything else', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (v) => {
        expect(isStreamEvent(v)).toBe(StreamEventSchema.safeParse(v).success);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('events in background messages', () => {
  it('passes good events through as they are', () => {
    fc.assert(
      fc.property(fc.array(event), (events) => {
        const r = BackgroundMessageSchema.safeParse({ type: 'events', events });
        expect(r.success && r.data.type === 'events' && r.data.events).toEqual(events);
      }),
    );
  });

  it('rejects a message with one bad event and says which event and field', () => {
    const good = { endpointId: 'a', seq: 1, time: 1, dir: 'in', transport: 'ws', data: 'x', size: 1 };
    const r = BackgroundMessageSchema.safeParse({ type: 'events', events: [good, { ...good, seq: 0 }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['events', 1, 'seq']);
    const welcome = BackgroundMessageSchema.safeParse({ type: 'welcome', status: [], online: true, pending: 'nope' });
    expect(welcome.error?.issues[0]?.message).toBe('expected a list of events');
  });
});
