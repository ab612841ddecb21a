import type { TypedStreamEvent } from '../model/typed';
import { appendCapped, copied, define, own, put, sameJson, strict, type Dict } from './immutable';

/** Enough seqs to link an entity to its recent events without growing without bound. */
export const TRACE_CAP = 50;

/**
 * Entities kept per collection (tasks, plans, sessions...). Beyond it the least recently
 * changed are dropped from the state (their events stay in history): a stream that names a new
 * id in every event must not grow the state, its snapshots and the panel without bound.
 */
export const ENTITY_CAP = 2000;
/** Pruning waits for this much slack, so it runs once per ENTITY_CAP / 4 new entities, not on each. */
const PRUNE_AT = ENTITY_CAP + ENTITY_CAP / 4;

/** The events that changed (or were flagged on) an entity, so the UI can link entity -> events. */
export interface Trace {
  endpointId: string;
  seqs: readonly number[];
  /** Seqs of events that failed their schema but were applied in part. */
  invalidSeqs: readonly number[];
}

export interface Traced {
  trace: Trace;
}

export const isInvalid = (ev: TypedStreamEvent): boolean => ev.typed.issues.length > 0;

/** `trace` with `ev` recorded on it (a new trace when undefined). */
export function record(trace: Trace | undefined, ev: TypedStreamEvent): Trace {
  const t = trace ?? { endpointId: ev.endpointId, seqs: [], invalidSeqs: [] };
  return {
    endpointId: t.endpointId,
    seqs: appendCapped(t.seqs, ev.seq, TRACE_CAP),
    invalidSeqs: isInvalid(ev) ? appendCapped(t.invalidSeqs, ev.seq, TRACE_CAP) : t.invalidSeqs,
  };
}

/**
 * The entity after `ev`: `make` builds its fields from the previous version (undefined when new).
 * Returns `prev` itself when the fields are equal, so a repeated event is a no-op; an invalid
 * event is still recorded, which marks the entity.
 */
export function touch<T extends Traced>(prev: T | undefined, ev: TypedStreamEvent, make: (prev: T | undefined) => Omit<T, 'trace'>): T {
  // `make` edits nested dictionaries of the entity: strictly, so `prev` still shows the change.
  const body = strict(() => make(prev));
  if (prev && !isInvalid(ev) && sameJson(prev, body, 'trace')) return prev;
  return { ...body, trace: record(prev?.trace, ev) } as T;
}

/** `touch` on the entry `key` of a dictionary; without a usable key nothing changes. */
export function touchIn<T extends Traced>(
  d: Dict<T>,
  key: string | undefined,
  ev: TypedStreamEvent,
  make: (prev: T | undefined, key: string) => Omit<T, 'trace'>,
): Dict<T> {
  return touchedIn(d, key, ev, make).dict;
}

/**
 * `touchIn` that also says whether the entry changed and whether it is new. Inside a `batch`
 * the dictionary may be edited in place, so comparing it with the old one tells nothing.
 */
export function touchedIn<T extends Traced>(
  d: Dict<T>,
  key: string | undefined,
  ev: TypedStreamEvent,
  make: (prev: T | undefined, key: string) => Omit<T, 'trace'>,
): { dict: Dict<T>; changed: boolean; added: boolean; pruned: boolean } {
  if (key === undefined) return { dict: d, changed: false, added: false, pruned: false };
  const prev = own(d, key);
  const next = touch(prev, ev, (p) => make(p, key));
  if (next === prev) return { dict: d, changed: false, added: false, pruned: false };
  if (prev !== undefined) return { dict: put(d, key, next), changed: true, added: false, pruned: false };
  const size = sizeOf(d) + 1;
  const dict = put(d, key, next);
  if (size <= PRUNE_AT) {
    sizes.set(dict, size);
    return { dict, changed: true, added: true, pruned: false };
  }
  return { dict: newest(dict, ENTITY_CAP), changed: true, added: true, pruned: true };
}

/** Entry counts of dictionaries already counted: counting keys on every event would cost O(n). */
const sizes = new WeakMap<object, number>();

function sizeOf(d: object): number {
  let n = sizes.get(d);
  if (n === undefined) {
    n = Object.keys(d).length;
    sizes.set(d, n);
  }
  return n;
}

const lastSeq = (t: Traced): number => t.trace.seqs[t.trace.seqs.length - 1] ?? 0;

/**
 * The `cap` most recently changed entries, in their original order; of entries changed by the
 * same event (a tie), the first ones. The cut is found on a sorted copy of the numbers alone,
 * not by sorting the entries.
 */
function newest<T extends Traced>(d: Dict<T>, cap: number): Dict<T> {
  const entries = Object.entries(d);
  const seqs = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) seqs[i] = lastSeq(entries[i]![1]);
  const cut = entries.length > cap ? seqs.slice().sort()[entries.length - cap]! : -Infinity;
  let atCut = cap;
  for (const s of seqs) if (s > cut) atCut--;
  const out: Record<string, T> = {};
  let kept = 0;
  for (let i = 0; i < entries.length; i++) {
    const s = seqs[i]!;
    if (s > cut || (s === cut && atCut-- > 0)) {
      const [k, v] = entries[i]!;
      define(out, k, v);
      kept++;
    }
  }
  sizes.set(out, kept);
  return copied(out);
}
