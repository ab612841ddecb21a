/**
 * Readers for untrusted payloads: each returns the value only when it has the expected type,
 * so reducers can apply what is usable and skip the rest without throwing.
 */

export type Json = Readonly<Record<string, unknown>>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own field only: payload keys such as `constructor` must not reach the prototype. */
export const field = (v: unknown, key: string): unknown => (isRecord(v) && Object.hasOwn(v, key) ? v[key] : undefined);

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** An entity id: a non-empty string, or a finite number taken as its decimal text. */
export function id(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  return num(v) === undefined ? undefined : String(v);
}

/** The strings of an array (other elements dropped); undefined when it is not an array. */
export const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/** The record elements of an array; undefined when it is not an array. */
export const records = (v: unknown): Json[] | undefined => (Array.isArray(v) ? v.filter(isRecord) : undefined);
