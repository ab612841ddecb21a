import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batch } from '../../../lib/state/immutable';
import { emptyOfficePlane, reduceOfficePlane, type OfficePlaneState } from '../../../lib/state/officeplane';
import { emptyOpenCode, reduceOpenCode } from '../../../lib/state/opencode';
import { emptyPlans, reducePlans } from '../../../lib/state/plans';
import { ENTITY_CAP, touchedIn, type Traced } from '../../../lib/state/trace';
import { endpoint } from './events';

// Enough new entities for one pruning (at ENTITY_CAP * 1.25) and some after it.
const N = ENTITY_CAP * 1.5;

describe('entity cap', () => {
  it('keeps at most ENTITY_CAP plus its slack of a collection, the most recently changed', () => {
    const emit = endpoint('op', 'officeplane');
    let s: OfficePlaneState = emptyOfficePlane();
    // In a batch, as the store folds: event by event the dictionary is copied each time.
    batch(() => {
      for (let i = 0; i < N; i++) s = reduceOfficePlane(s, emit('task_update', { id: `t${i}`, state: 'running' }));
    });
    // The first task changes again at the end: it is among the newest and stays.
    s = reduceOfficePlane(s, emit('task_update', { id: 't0', state: 'done' }));
    const ids = Object.keys(s.tasks);
    expect(ids.length).toBeGreaterThanOrEqual(ENTITY_CAP);
    expect(ids.length).toBeLessThanOrEqual(ENTITY_CAP * 1.25);
    expect(s.tasks.t0?.state).toBe('done');
    expect(s.tasks[`t${N - 1}`]).toBeDefined();
    expect(s.tasks.t1).toBeUndefined();
  });

  it('folds to the same capped state in a batch as event by event', () => {
    const emit = endpoint('op', 'officeplane');
    const list = Array.from({ length: ENTITY_CAP * 1.5 }, (_, i) => emit('task_update', { id: `t${i % (ENTITY_CAP * 1.4)}`, state: `s${i}` }));
    const plain = list.reduce(reduceOfficePlane, emptyOfficePlane());
    const batched = batch(() => list.reduce(reduceOfficePlane, emptyOfficePlane()));
    expect(batched).toEqual(plain);
    // Event by event, every change copies a dictionary of ~2,000 entries: slow by design.
  }, 30_000);

  it('drops pruned plans from the plan list', () => {
    const emit = endpoint('p', 'plans');
    let s = emptyPlans();
    batch(() => {
      for (let i = 0; i < N; i++) s = reducePlans(s, emit('plan.created', { id: `p${i}`, title: `Plan ${i}`, state: 'draft' }));
    });
    expect(s.list.length).toBe(Object.keys(s.plans).length);
    expect(s.list.every((id) => Object.hasOwn(s.plans, id))).toBe(true);
    expect(s.list[0]).toBe(`p${N - 1}`);
  });

  it('drops pruned sessions from the session order, with their messages', () => {
    const emit = endpoint('oc', 'opencode');
    let s = emptyOpenCode();
    batch(() => {
      for (let i = 0; i < N; i++) {
        s = reduceOpenCode(s, emit('session_updated', { type: 'session_updated', session: { id: `s${i}`, title: `T ${i}` } }));
        s = reduceOpenCode(s, emit('message_updated', { type: 'message_updated', sessionId: `s${i}`, messageId: `m${i}`, role: 'user', parts: [{ type: 'text', text: 'hi' }] }));
      }
    });
    const sessions = Object.keys(s.sessions);
    expect(sessions.length).toBeLessThanOrEqual(ENTITY_CAP * 1.25);
    expect(s.sessionOrder).toEqual(sessions);
    expect(Object.keys(s.messages).every((id) => Object.hasOwn(s.sessions, id))).toBe(true);
  });
});

describe('pruning', () => {
  /** The entries a stable sort by last seq (newest first) keeps, in their original order. */
  const reference = (d: Record<string, Traced>, cap: number): string[] => {
    const last = (t: Traced) => t.trace.seqs[t.trace.seqs.length - 1] ?? 0;
    const keep = new Set(Object.entries(d).sort((a, b) => last(b[1]) - last(a[1])).slice(0, cap).map(([k]) => k));
    return Object.keys(d).filter((k) => keep.has(k));
  };

  it('keeps the most recently changed, and of ties the first ones, in their order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (spread, seed) => {
        // Few distinct seqs among 2,500 entries: many ties around the cut.
        let x = seed;
        const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff);
        const d: Record<string, Traced> = {};
        for (let i = 0; i < ENTITY_CAP * 1.25; i++) {
          const seqs = next() % 7 === 0 ? [] : [next() % spread];
          d[`e${next() % 100_000}`] = { trace: { endpointId: 'x', seqs, invalidSeqs: [] } };
        }
        const full = { ...d };
        const emit = endpoint('x', 'officeplane');
        const ev = emit('task_update', { id: 'new', state: 'running' });
        while (Object.keys(full).length <= ENTITY_CAP * 1.25) full[`f${Object.keys(full).length}`] = { trace: { endpointId: 'x', seqs: [0], invalidSeqs: [] } };
        const { dict, pruned } = touchedIn(full, 'new', ev, () => ({}));
        expect(pruned).toBe(true);
        expect(Object.keys(dict)).toEqual(reference({ ...full, new: dict.new! }, ENTITY_CAP));
      }),
      { numRuns: 10 },
    );
  });
});
