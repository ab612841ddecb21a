import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../lib/model/typed';
import { diffStates } from '../../../lib/state/diff';
import { sameJson } from '../../../lib/state/immutable';
import { emptyState, foldEvent, foldEvents, type MergedState } from '../../../lib/state/index';
import { TimeTravel } from '../../../lib/state/timetravel';
import { eventLists } from './arbitraries';
import { deepFreeze } from './events';

describe('folding properties', () => {
  it('time travel from checkpoints equals folding from zero, for any interval, chunking and target', () => {
    fc.assert(
      fc.property(
        eventLists(300),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.integer({ min: -1, max: 310 }), { minLength: 1, maxLength: 8 }),
        (events, interval, cuts, targets) => {
          const tt = new TimeTravel(interval);
          let from = 0;
          for (const cut of [...cuts.map((c) => c % (events.length + 1)).sort((a, b) => a - b), events.length]) {
            tt.append(events.slice(from, Math.max(from, cut)));
            from = Math.max(from, cut);
          }
          for (const t of targets) {
            const i = Math.min(t, events.length - 1);
            expect(tt.stateAt(t)).toEqual(foldEvents(emptyState(), events.slice(0, i + 1)));
          }
        },
      ),
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
      fc.property(eventLists(150), (events) => {
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
