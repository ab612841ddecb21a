/** A value at a depth the search does not reach is not searched (untrusted payloads can nest without bound). */
const MAX_DEPTH = 64;

export interface JsonEntry {
  key: string | number;
  value: unknown;
  /** The (object) key itself matched: everything below it is shown. */
  keyHit: boolean;
}

export const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** A leaf as the tree shows it: strings quoted, so `"1"` and `1` differ. */
export const leafText = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/**
 * Case-insensitive text filter for a JSON tree: an entry stays when its key or any key or value
 * below it contains the query. Array indices are not searched (every list has an index 3).
 * Results are remembered per object, and states share unchanged subtrees, so searching the
 * state at the next event re-reads only what changed.
 */
export class JsonSearch {
  readonly active: boolean;
  private readonly q: string;
  private readonly memo = new WeakMap<object, boolean>();

  constructor(readonly query: string) {
    this.q = query.trim().toLowerCase();
    this.active = this.q !== '';
  }

  hits(text: string): boolean {
    return this.active && text.toLowerCase().includes(this.q);
  }

  /** Something below `value` (or the leaf itself) matches. */
  contains(value: unknown, depth = 0): boolean {
    if (!isContainer(value)) return this.hits(typeof value === 'string' ? value : String(value));
    const known = this.memo.get(value);
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) return false;
    const found = Array.isArray(value)
      ? value.some((v) => this.contains(v, depth + 1))
      : Object.entries(value).some(([k, v]) => this.hits(k) || this.contains(v, depth + 1));
    this.memo.set(value, found);
    return found;
  }

  /**
   * The entries of a container to list: all of them without a query or below a matched key
   * (`all`). A key holding undefined is absent, as in JSON.
   */
  entries(value: object, all = false): JsonEntry[] {
    const list: JsonEntry[] = Array.isArray(value)
      ? value.map((v: unknown, i) => ({ key: i, value: v, keyHit: false }))
      : Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [{ key: k, value: v, keyHit: this.hits(k) }]));
    return all || !this.active ? list : list.filter((e) => e.keyHit || this.contains(e.value));
  }
}
