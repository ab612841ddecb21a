import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../lib/model/typed';
import { diffStates } from '../../../lib/state/diff';
import { batch, sameJson } from '../../../lib/state/immutable';
import { emptyState, foldEvent, foldEvents, type MergedState } from '../../../lib/state/index';
import { eventLists } from './arbitraries';
import { deepFreeze } from './events';

describe('folding properties', () => {
  it('a batch folds to what folding event by event gives, and leaves the state it started from as it was', () => {
    fc.assert(
      fc.property(eventLists(300, true, 50), fc.array(fc.nat(), { maxLength: 8 }), (events, cuts) => {
        const bounds = [0, ...cuts.map((c) => c % (events.length + 1)).sort((a, b) => a - b), events.length];
        let batched = emptyState();
        for (let i = 1; i < bounds.length; i++) {
          const before = batched;
          const frozen = JSON.stringify(before);
          batched = batch(() => foldEvents(before, events.slice(bounds[i - 1], bounds[i])));
          expect(JSON.stringify(before)).toBe(frozen);
        }
        expect(batched).toEqual(foldEvents(emptyState(), events));
      }),
      { numRuns: 150 },
    );
  });

  it('reducers never throw on arbitrary JSON payloads', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            endpointId: fc.constantFrom('a', 'b'),
            family: fc.constantFrom(...FAMILIES),
            transport: fc.constantFrom('sse' as const, 'ws' as const),
            type: fc.oneof(
              fc.constantFrom('state', 'attempt_log', 'agent_profile', 'plan.created', 'plan.log.new', 'message_updated', 'session_updated'),
              fc.constantFrom('start', 'tool_result', 'task_completed', 'hook_result', 'metrics_update', 'notification', 'connection_ack', 'x_update'),
              fc.string(),
            ),
            payload: fc.oneof(fc.jsonValue(), fc.constant(undefined)),
            invalid: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (drafts) => {
          let s: MergedState = emptyState();
          drafts.forEach((d, i) => {
            s = foldEvent(s, {
              endpointId: d.endpointId,
              seq: i + 1,
              time: i,
              dir: 'in',
              transport: d.transport,
              data: '',
              size: 0,
              typed: { family: d.family, type: d.type, category: 'data', summary: '', entities: [], payload: d.payload, known: false, issues: d.invalid ? [{ path: '', message: 'x' }] : [] },
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never modifies its input: folding onto deep-frozen states and events does not throw', () => {
    fc.assert(
      fc.property(eventLists(150, true, 30), (events) => {
        let s = deepFreeze(emptyState());
        for (const ev of events) s = deepFreeze(foldEvent(s, deepFreeze(ev)));
      }),
      { numRuns: 100 },
    );
  });

  it('diffs are empty exactly when states are equal, and name the values at their paths', () => {
    const get = (root: unknown, keys: readonly (string | number)[]): unknown =>
      keys.reduce<unknown>((o, k) => (typeof o === 'object' && o !== null && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined), root);
    fc.assert(
      fc.property(eventLists(120, false), fc.nat(), (events, pick) => {
        const states = events.reduce<MergedState[]>((acc, ev) => [...acc, foldEvent(acc.at(-1) ?? emptyState(), ev)], [emptyState()]);
        const a = states[pick % states.length] ?? emptyState();
        const b = states.at(-1) ?? emptyState();
        const changes = diffStates(a, b);
        expect(changes.length === 0).toBe(sameJson(a, b));
        // Items added at the front of a list shift the old ones, so `before` is only meaningful for the other ops.
        for (const c of changes) {
          expect(c.path).toBe(c.keys.join('.'));
          if (c.op !== 'added') expect(get(a, c.keys)).toBe(c.before);
          expect(get(b, c.keys)).toBe(c.after);
        }
      }),
      { numRuns: 150 },
    );
  });
});
