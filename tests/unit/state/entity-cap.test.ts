import { describe, expect, it } from 'vitest';
import { batch } from '../../../lib/state/immutable';
import { emptyOfficePlane, reduceOfficePlane, type OfficePlaneState } from '../../../lib/state/officeplane';
import { emptyOpenCode, reduceOpenCode } from '../../../lib/state/opencode';
import { emptyPlans, reducePlans } from '../../../lib/state/plans';
import { ENTITY_CAP } from '../../../lib/state/trace';
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
