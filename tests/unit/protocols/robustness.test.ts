import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Size, type StreamEvent } from '../../../lib/model/event';
import { FAMILIES } from '../../../lib/model/typed';
import { detectFamily, PROFILES, typeEvent, typeForStore } from '../../../lib/protocols';

const jsonText = fc.jsonValue().map((v) => JSON.stringify(v));
const dataText = fc.oneof(fc.string(), jsonText, fc.constantFrom('', '{', '[1,', 'null', '"x"'));

/** Names the profiles know, so random data also reaches every summary reader. */
const knownNames = [...new Set(Object.values(PROFILES).flatMap((p) => [...Object.keys(p.types), 'x_update']))];
const typeName = fc.oneof(fc.constantFrom(...knownNames, 'given_up', 'constructor', '__proto__'), fc.string());

/** Known types with random payloads in the shapes the families wrap them in. */
const typedJson = fc
  .record({ type: typeName, payload: fc.jsonValue(), data: fc.jsonValue(), message: fc.jsonValue(), timestamp: fc.jsonValue() }, { requiredKeys: ['type'] })
  .map((v) => JSON.stringify(v));

const streamEvent: fc.Arbitrary<StreamEvent> = fc
  .record({
    dir: fc.constantFrom('in', 'out', 'sys'),
    transport: fc.constantFrom('sse', 'ws'),
    name: fc.option(typeName, { nil: undefined }),
    opcode: fc.option(fc.constantFrom(1 as const, 2 as const), { nil: undefined }),
    data: fc.oneof(dataText, typedJson),
  })
  .map((r) => ({ endpointId: 'e', seq: 1, time: 0, size: utf8Size(r.data), ...r }));

describe('robustness', () => {
  it('typeEvent never throws and always yields one line', () => {
    fc.assert(
      fc.property(streamEvent, fc.constantFrom(...FAMILIES), (ev, family) => {
        const t = typeEvent(ev, family);
        expect(typeof t.summary).toBe('string');
        expect(t.summary).not.toMatch(/[\r\n\u2028\u2029]/);
        for (const e of t.entities) expect(typeof e.id).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('typeForStore agrees with typeEvent on everything the store and the fold read', () => {
    fc.assert(
      fc.property(streamEvent, fc.constantFrom(...FAMILIES), (ev, family) => {
        const pick = ({ family: f, type, payload, records, known, issues }: ReturnType<typeof typeEvent>) => ({ f, type, payload, records, known, issues });
        expect(pick(typeForStore(ev, family))).toEqual(pick(typeEvent(ev, family)));
      }),
      { numRuns: 3000 },
    );
  });

  it('summary, entity and error readers survive any payload without the safety net', () => {
    const specs = Object.values(PROFILES).flatMap((p) => [...Object.values(p.types), ...Object.values(p.wildcards ?? {})]);
    const ev: StreamEvent = { endpointId: 'e', seq: 1, time: 0, dir: 'in', transport: 'sse', data: '', size: 0 };
    const shaped = fc.oneof(
      fc.jsonValue(),
      fc.record({ payload: fc.jsonValue(), data: fc.jsonValue(), session: fc.jsonValue(), board: fc.jsonValue() }),
      fc.dictionary(fc.constantFrom('id', 'cardId', 'text', 'parts', 'todos', 'findings', 'cards', 'columns', 'profile', 'agent', 'args', 'output', 'sha', 'level', 'state', 'status', 'action', 'name', 'size', 'version'), fc.jsonValue()),
    );
    fc.assert(
      fc.property(fc.constantFrom(...specs), shaped, (spec, payload) => {
        expect(typeof spec.summary(payload, ev)).toBe('string');
        expect(Array.isArray(spec.entities(payload, ev))).toBe(true);
        spec.isError?.(payload, ev);
      }),
      { numRuns: 3000 },
    );
  });

  it('detectFamily never throws', () => {
    fc.assert(fc.property(fc.array(streamEvent, { maxLength: 25 }), (events) => void detectFamily(events)), { numRuns: 500 });
  });
});
