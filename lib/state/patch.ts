import { define, own } from './immutable';

/*
 * What turns one state into a later one of the same fold, as plain JSON: a snapshot of a large
 * state can store only this against an earlier full one (lib/store/derive.ts). States share
 * every subtree a fold did not touch (./immutable.ts), so the patch is found by reference and
 * costs what changed, not the state's size.
 *
 * The states are JSON data, as a snapshot stores them: a key holding undefined is absent, and
 * lists are replaced whole. The patched state has its keys in the later state's order, as a
 * full snapshot would (an entity deleted and added again moves to the end of its dictionary).
 */

/** The changes of one object: keys set to a new value, objects patched, keys removed, and the key order when it moved. */
export interface StatePatch {
  s?: Record<string, unknown>;
  p?: Record<string, StatePatch>;
  d?: string[];
  o?: string[];
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patch from `a` to `b` (two objects), or undefined when they are the same data. */
export const statePatch = (a: object, b: object): StatePatch | undefined => patchOf(a as Obj, b as Obj);

function patchOf(a: Obj, b: Obj): StatePatch | undefined {
  if (a === b) return undefined;
  // Each object's keys are listed once: a large dictionary's listing is most of the patch's cost.
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const patch: StatePatch = {};
  for (const k of keysB) {
    const before = own(a, k);
    const after = b[k];
    if (Object.is(before, after)) continue;
    if (after === undefined) {
      (patch.d ??= []).push(k);
    } else if (isObj(before) && isObj(after)) {
      const sub = patchOf(before, after);
      if (sub) define((patch.p ??= {}), k, sub);
    } else {
      define((patch.s ??= {}), k, after);
    }
  }
  for (const k of keysA) if (a[k] !== undefined && !Object.hasOwn(b, k)) (patch.d ??= []).push(k);
  // A key removed and set again since `a` moved to the end, even with the same value.
  if (moved(a, b, keysA, keysB)) patch.o = keysB.filter((k) => b[k] !== undefined);
  return patch.s || patch.p || patch.d || patch.o ? patch : undefined;
}

/** Whether `b`'s keys are in another order than applying the patch gives: `a`'s kept keys in their places, then the new ones in `b`'s order. */
function moved(a: Obj, b: Obj, keysA: string[], keysB: string[]): boolean {
  let j = 0;
  const next = (): string | undefined => {
    while (j < keysB.length && b[keysB[j]!] === undefined) j++;
    return keysB[j++];
  };
  for (const k of keysA) if (a[k] !== undefined && own(b, k) !== undefined && next() !== k) return true;
  for (let k = next(); k !== undefined; k = next()) if (own(a, k) !== undefined) return true;
  return false;
}

/** `a` with `patch` applied: a new object where anything changed, `a` itself untouched. */
export const applyStatePatch = <T extends object>(a: T, patch: StatePatch): T => applied(a as Obj, patch) as T;

function applied(a: Obj, patch: StatePatch): Obj {
  const out: Record<string, unknown> = { ...a };
  for (const k of patch.d ?? []) delete out[k];
  for (const [k, v] of Object.entries(patch.s ?? {})) define(out, k, v);
  for (const [k, sub] of Object.entries(patch.p ?? {})) {
    const before = own(out, k);
    define(out, k, applied(isObj(before) ? before : {}, sub));
  }
  if (!patch.o) return out;
  const ordered: Record<string, unknown> = {};
  for (const k of patch.o) define(ordered, k, out[k]);
  return ordered;
}
