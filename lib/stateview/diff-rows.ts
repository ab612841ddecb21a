import { quote } from '../protocols/format';
import type { StateChange } from '../state/diff';
import { formatPath, type PathSegment } from '../query/path';

export interface DiffRow {
  op: StateChange['op'];
  /** Path below `base`; `(all)` when the change is `base` itself. */
  path: string;
  /** One-line texts of the values; empty when absent. */
  before: string;
  after: string;
}

export interface DiffList {
  rows: DiffRow[];
  /** Rows beyond the limit. */
  more: number;
  /** Appends to entities' event lists: every change makes one, so they are noise here. */
  traced: number;
}

const VALUE_CHARS = 80;

export const shortValue = (v: unknown): string => (v === undefined ? '' : quote(v, VALUE_CHARS));

const under = (keys: readonly PathSegment[], base: readonly PathSegment[]): boolean => base.every((k, i) => keys[i] === k);

/** `…trace.seqs…`: where an entity records the events that touched it. */
const isTraceSeqs = (keys: readonly PathSegment[]): boolean => keys.some((k, i) => k === 'trace' && keys[i + 1] === 'seqs');

/**
 * The changes one event made, as short text rows. Paths are shown relative to `base` (the
 * event's endpoint slice, `['endpoints', id]`) when they lie under it.
 */
export function diffRows(changes: readonly StateChange[], base: readonly PathSegment[] = [], limit = 200): DiffList {
  const rows: DiffRow[] = [];
  let more = 0;
  let traced = 0;
  for (const c of changes) {
    if (isTraceSeqs(c.keys)) traced++;
    else if (rows.length >= limit) more++;
    else {
      const rel = under(c.keys, base) ? c.keys.slice(base.length) : c.keys;
      rows.push({ op: c.op, path: rel.length === 0 ? '(all)' : formatPath(rel), before: shortValue(c.before), after: shortValue(c.after) });
    }
  }
  return { rows, more, traced };
}
