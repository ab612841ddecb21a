import type { EntityKind, EntityRef } from '../model/typed';

/** Defensive readers for parsed JSON, which may have any shape when it fails its schema. */

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const isId = (v: unknown): v is string | number =>
  (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));

/** Entity refs for the ids that are present; absent or odd-typed ids are skipped. */
export function refs(...pairs: Array<[EntityKind, unknown]>): EntityRef[] {
  const out: EntityRef[] = [];
  for (const [kind, id] of pairs) if (isId(id)) out.push({ kind, id: String(id) });
  return out;
}

export const noRefs = (): EntityRef[] => [];
