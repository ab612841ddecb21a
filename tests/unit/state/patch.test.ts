import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { define } from '../../../lib/state/immutable';
import { applyStatePatch, statePatch, type StatePatch } from '../../../lib/state/patch';

type Obj = Record<string, unknown>;

/** Keys that are easy to get wrong: prototype names, integer-like keys (ordered first), dots. */
const key = fc.constantFrom('a', 'b', 'c', 'd', '__proto__', 'constructor', '1', '10', 'x.y', '');
const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));

/** A JSON-like object a few levels deep, built with `define` (own `__proto__` keys). */
const tree: fc.Arbitrary<Obj> = fc.letrec<{ node: Obj; value: unknown }>((tie) => ({
  node: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => {
    const o: Obj = {};
    for (const [k, v] of entries) define(o, k, v);
    return o;
  }),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node')),
})).node;

/** One change of a fold: set a value (or undefined), delete a key, or delete it and set it again (it moves to the end). */
type Edit = { path: string[]; op: 'set' | 'delete' | 'readd' | 'undefined'; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({ path: fc.array(key, { minLength: 1, maxLength: 3 }), op: fc.constantFrom('set', 'delete', 'readd', 'undefined'), value: fc.oneof(leaf, tree) });

const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/** `o` with `e` applied copy-on-write, as the state's helpers do: untouched subtrees are shared. */
function applyEdit(o: Obj, path: string[], e: Edit): Obj {
  const [k, ...rest] = path as [string, ...string[]];
  const copy: Obj = { ...o };
  if (rest.length > 0) {
    const child = own(o, k);
    define(copy, k, applyEdit(typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Obj) : {}, rest, e));
    return copy;
  }
  if (e.op === 'set') define(copy, k, e.value);
  else if (e.op === 'undefined') define(copy, k, undefined);
  else {
    const before = own(copy, k);
    delete copy[k];
    if (e.op === 'readd' && before !== undefined) define(copy, k, before);
  }
  return copy;
}

/** Through JSON, as a snapshot stores it. */
const stored = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('state patches', () => {
  it('rebuild the later state from the stored earlier one exactly, key order included', () => {
    fc.assert(
      fc.property(tree, fc.array(edit, { maxLength: 8 }), (a, edits) => {
        const b = edits.reduce((o, e) => applyEdit(o, e.path, e), a);
        const before = JSON.stringify(a);
        const patch = statePatch(a, b);
        const got = applyStatePatch(stored(a), stored(patch ?? {}));
        expect(JSON.stringify(got)).toBe(JSON.stringify(b));
        // Neither input was changed; no patch when the data is the same.
        expect(JSON.stringify(a)).toBe(before);
        if (JSON.stringify(a) === JSON.stringify(b)) expect(patch).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('hold only what changed, found by reference', () => {
    const big: Obj = {};
    for (let i = 0; i < 1000; i++) big[`task-${i}`] = { id: i, state: 'queued', log: [i] };
    const a = { family: 'demo', tasks: big, metrics: { cpu: 1 } };
    const b = { ...a, tasks: { ...big, 'task-7': { id: 7, state: 'done', log: [7] }, 'task-new': { id: -1 } } };
    const patch = statePatch(a, b);
    expect(patch).toEqual({ p: { tasks: { p: { 'task-7': { s: { state: 'done', log: [7] } } }, s: { 'task-new': { id: -1 } } } } } satisfies StatePatch);
    expect(applyStatePatch(a, patch!).tasks).toEqual(b.tasks);
    // The patched state shares what did not change.
    expect(applyStatePatch(a, patch!).metrics).toBe(a.metrics);
  });

  it('keeps a key moved to the end by a delete and a set in between', () => {
    const a = { list: { p: 1, q: 2, r: 3 } };
    const { p: _p, ...rest } = a.list;
    const b = { list: { ...rest, p: 4 } };
    const patch = statePatch(a, b)!;
    expect(patch.p?.list?.o).toEqual(['q', 'r', 'p']);
    expect(Object.keys(applyStatePatch(stored(a), stored(patch)).list)).toEqual(['q', 'r', 'p']);
    // Values that changed in place keep the order: no key list.
    expect(statePatch(a, { list: { ...a.list, q: 5 } })?.p?.list?.o).toBeUndefined();
    // A move alone is a change.
    expect(statePatch(a, { list: { ...rest, p: 1 } })).toEqual({ p: { list: { o: ['q', 'r', 'p'] } } });
  });
});
