import { describe, expect, it } from 'vitest';
import { emptyPlans, planList, reducePlans, seedPlanDetail, selectPlan, type PlansState } from '../../../lib/state/plans';
import { endpoint, type Emit } from './events';

const T = (s: number) => `2024-05-01T10:00:${String(s).padStart(2, '0')}Z`;
const created = (id: string, state = 'draft') => ['plan.created', { id, title: `Plan ${id}`, state, created_at: T(0) }] as const;
const stateChanged = (plan_id: string, state: string) => ['plan.state.changed', { plan_id, state }] as const;
const log = (plan_id: string, id: string, entry: string, at: number) => ['plan.log.new', { plan_id, id, entry, created_at: T(at) }] as const;

const fold = (emit: Emit, steps: readonly (readonly [string, unknown])[], s: PlansState = emptyPlans()) =>
  steps.reduce((acc, [type, payload]) => reducePlans(acc, emit(type, payload)), s);
const entries = (logs: readonly { entry?: string }[] | undefined) => logs?.map((l) => l.entry);

describe('plan list', () => {
  it('prepends new plans once, deduped by id', () => {
    const emit = endpoint('pl', 'plans');
    const s = fold(emit, [created('p1'), created('p2')]);
    expect(planList(s).map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(fold(emit, [created('p1', 'running')], s)).toBe(s);
  });

  it('applies state changes to the matching plan, latest wins', () => {
    const s = fold(endpoint('pl', 'plans'), [created('p1'), created('p2'), stateChanged('p1', 'awaiting_approval'), stateChanged('p1', 'approved')]);
    expect(planList(s).map((p) => [p.id, p.state])).toEqual([['p2', 'draft'], ['p1', 'approved']]);
    expect(s.plans.p1?.trace.seqs).toEqual([1, 3, 4]);
  });

  it('treats a repeated identical state as a no-op', () => {
    const emit = endpoint('pl', 'plans');
    const s = fold(emit, [created('p1'), stateChanged('p1', 'running')]);
    expect(fold(emit, [stateChanged('p1', 'running')], s)).toBe(s);
  });

  it('keeps a state seen before the plan was created (live state wins)', () => {
    const s = fold(endpoint('pl', 'plans'), [stateChanged('p1', 'running'), created('p1', 'draft')]);
    expect(planList(s)).toMatchObject([{ id: 'p1', title: 'Plan p1', state: 'running' }]);
  });
});

describe('plan logs', () => {
  it('replaces an entry by id, appends new ones and keeps them sorted by created_at', () => {
    const s = fold(endpoint('pl', 'plans'), [
      log('p1', 'l2', 'step 2', 20),
      log('p1', 'l1', 'step 1', 10),
      log('p1', 'l3', 'tie a', 30),
      log('p1', 'l4', 'tie b', 30),
      log('p1', 'l1', 'step 1 done', 10),
      log('p2', 'l1', 'other plan', 5),
    ]);
    expect(entries(s.plans.p1?.logs)).toEqual(['step 1 done', 'step 2', 'tie a', 'tie b']);
    expect(s.plans.p1?.logs[0]).toMatchObject({ id: 'l1', planId: 'p1', seq: 5 });
    expect(entries(s.plans.p2?.logs)).toEqual(['other plan']);
    expect(s.list).toEqual([]);
  });

  it('ignores a duplicate entry', () => {
    const emit = endpoint('pl', 'plans');
    const s = fold(emit, [log('p1', 'l1', 'a', 1)]);
    expect(fold(emit, [log('p1', 'l1', 'a', 1)], s)).toBe(s);
  });

  it('moves an entry whose created_at changed and puts undated entries last', () => {
    const s = fold(endpoint('pl', 'plans'), [
      ['plan.log.new', { plan_id: 'p1', id: 'u', entry: 'undated' }],
      log('p1', 'a', 'a', 10),
      log('p1', 'b', 'b', 20),
      log('p1', 'a', 'a later', 30),
    ]);
    expect(entries(s.plans.p1?.logs)).toEqual(['b', 'a later', 'undated']);
  });
});

describe('plan detail', () => {
  const fetched = [
    { id: 'l2', entry: 'fetched 2', created_at: T(20) },
    { id: 'l1', entry: 'fetched 1', created_at: T(10) },
    { id: 'l3', entry: 'fetched 3', created_at: T(30) },
  ];

  it('starts from fetched logs, merges live ones by id, sorts, and prefers the live state', () => {
    const emit = endpoint('pl', 'plans');
    let s = fold(emit, [created('p1'), log('p1', 'l2', 'live 2', 20), stateChanged('p1', 'running')]);
    s = selectPlan(s, 'p1');
    s = seedPlanDetail(s, 'p1', fetched, 'draft');
    expect(entries(s.detail?.logs)).toEqual(['fetched 1', 'live 2', 'fetched 3']);
    expect(s.detail).toMatchObject({ planId: 'p1', state: 'running', fetched: true });
    s = fold(emit, [log('p1', 'l0', 'live 0', 5), log('p1', 'l3', 'live 3', 30), stateChanged('p1', 'completed')], s);
    expect(entries(s.detail?.logs)).toEqual(['live 0', 'fetched 1', 'live 2', 'live 3']);
    expect(s.detail?.state).toBe('completed');
  });

  it('uses the fetched state when nothing live is known', () => {
    const s = seedPlanDetail(selectPlan(emptyPlans(), 'p9'), 'p9', fetched, 'approved');
    expect(s.detail).toMatchObject({ state: 'approved', fetched: true });
    expect(entries(s.detail?.logs)).toEqual(['fetched 1', 'fetched 2', 'fetched 3']);
  });

  it('resets when the selected plan changes and ignores a fetch for another plan', () => {
    const emit = endpoint('pl', 'plans');
    let s = fold(emit, [log('p1', 'l1', 'p1 log', 1), log('p2', 'k1', 'p2 log', 1)]);
    s = seedPlanDetail(selectPlan(s, 'p1'), 'p1', fetched);
    expect(selectPlan(s, 'p1')).toBe(s);
    s = selectPlan(s, 'p2');
    expect(s.detail).toEqual({ planId: 'p2', logs: s.plans.p2?.logs, state: undefined, fetched: false });
    expect(seedPlanDetail(s, 'p1', fetched)).toBe(s);
    s = fold(emit, [log('p1', 'l9', 'not shown', 2)], s);
    expect(entries(s.detail?.logs)).toEqual(['p2 log']);
  });

  it('drops fetched entries without an id', () => {
    const s = seedPlanDetail(selectPlan(emptyPlans(), 'p1'), 'p1', [null, 3, { entry: 'no id' }, { id: 7, entry: 'numeric id', created_at: T(1) }]);
    expect(s.detail?.logs).toEqual([{ id: '7', planId: 'p1', entry: 'numeric id', createdAt: T(1), seq: undefined }]);
  });
});

describe('plans reducer on odd input', () => {
  it('marks a plan touched by an invalid event and never throws', () => {
    const emit = endpoint('pl', 'plans');
    let s = fold(emit, [created('p1')]);
    s = reducePlans(s, emit('plan.state.changed', { plan_id: 'p1', state: 5 }, { invalid: true }));
    expect(s.plans.p1).toMatchObject({ state: 'draft', trace: { seqs: [1, 2], invalidSeqs: [2] } });
    for (const payload of [undefined, null, 'x', [], { plan_id: [] }, { id: {}, plan_id: 'p1' }]) {
      for (const type of ['plan.created', 'plan.state.changed', 'plan.log.new', 'other']) {
        expect(() => reducePlans(s, emit(type, payload, { invalid: true }))).not.toThrow();
      }
    }
  });
});
