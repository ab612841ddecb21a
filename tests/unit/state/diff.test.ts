import { describe, expect, it } from 'vitest';
import { diffStates } from '../../../lib/state/diff';
import { emptyState, foldEvents } from '../../../lib/state/index';
import { endpoint } from './events';

/** Changes without their key lists, to keep the expectations short. */
const diff = (a: unknown, b: unknown) => diffStates(a, b).map(({ keys: _keys, ...c }) => c);

describe('diffStates', () => {
  it('names changed leaves by their path', () => {
    const emit = endpoint('ep1', 'plans');
    const a = foldEvents(emptyState(), [emit('plan.created', { id: 'p-2', title: 'T', state: 'draft', created_at: 'x' })]);
    const b = foldEvents(a, [emit('plan.state.changed', { plan_id: 'p-2', state: 'running' })]);
    expect(diffStates(a, b)).toEqual([
      { op: 'changed', path: 'endpoints.ep1.plans.p-2.state', keys: ['endpoints', 'ep1', 'plans', 'p-2', 'state'], before: 'draft', after: 'running' },
      { op: 'added', path: 'endpoints.ep1.plans.p-2.trace.seqs.1', keys: ['endpoints', 'ep1', 'plans', 'p-2', 'trace', 'seqs', 1], after: 2 },
    ]);
    expect(diffStates(b, b)).toEqual([]);
  });

  it('keeps keys unambiguous when an id contains a dot', () => {
    expect(diffStates({ docs: { 'a.docx': 1 } }, { docs: { 'a.docx': 2 } })[0]?.keys).toEqual(['docs', 'a.docx']);
  });

  it('reports added and removed keys, undefined counting as absent', () => {
    expect(diff({ a: 1, b: 2, u: undefined }, { a: 1, c: 3, v: undefined })).toEqual([
      { op: 'added', path: 'c', after: 3 },
      { op: 'removed', path: 'b', before: 2 },
    ]);
    expect(diff({ x: { y: 1 } }, { x: 5 })).toEqual([{ op: 'changed', path: 'x', before: { y: 1 }, after: 5 }]);
  });

  it('reports list growth at either end as added items, and a shifted list as one change', () => {
    const [p, q, r] = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(diff({ l: [p, q] }, { l: [p, q, r] })).toEqual([{ op: 'added', path: 'l.2', after: r }]);
    expect(diff({ l: [q, r] }, { l: [p, q, r] })).toEqual([{ op: 'added', path: 'l.0', after: p }]);
    expect(diff({ l: [p, q] }, { l: [q, r] })).toEqual([{ op: 'changed', path: 'l', before: [p, q], after: [q, r] }]);
    expect(diff({ l: [p, q] }, { l: [p, { n: 9 }] })).toEqual([{ op: 'changed', path: 'l.1.n', before: 2, after: 9 }]);
  });

  it('does not look inside subtrees both states share', () => {
    const untouchable = new Proxy(
      {},
      {
        get: () => expect.fail('shared subtree was read'),
        ownKeys: () => expect.fail('shared subtree was listed'),
      },
    );
    expect(diff({ big: untouchable, n: 1 }, { big: untouchable, n: 2 })).toEqual([{ op: 'changed', path: 'n', before: 1, after: 2 }]);
  });
});
