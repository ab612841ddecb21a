/**
 * Copy-on-write helpers. Each returns its input unchanged when nothing changes, so states
 * share every untouched subtree and unchanged parts stay reference-equal (cheap checkpoints,
 * cheap diffs).
 */

export type Dict<T> = Readonly<Record<string, T>>;

/**
 * Dictionaries copied inside the running `batch`: nobody outside it has seen them yet, so
 * `put` and `without` may change them in place instead of copying them again. Without this,
 * folding n events into a state with m entities copies an m-key object n times.
 */
let fresh: WeakSet<object> | undefined;

/**
 * Runs `work` (a fold of many events) with copy-on-write relaxed for what it creates: the first
 * change to a dictionary copies it as usual, later changes in the same batch edit that copy.
 * Inputs are never changed; the states in between are not meant to be kept, only the result.
 */
export const batch = <T>(work: () => T): T => batcher()(work);

/**
 * A batch that can be resumed: each call runs `work` in the same batch, so a fold split over
 * several tasks (chunks folded as they are read) copies each dictionary once, not once per part.
 * What a call returns is only for the next call until the last one.
 */
export function batcher(): <T>(work: () => T) => T {
  const mine = new WeakSet<object>();
  return (work) => {
    const outer = fresh;
    fresh = mine;
    try {
      return work();
    } finally {
      fresh = outer;
    }
  };
}

/**
 * Runs `work` with copy-on-write strict again, inside a batch: for code that compares a value
 * before and after a change (an entity with its next version), which in-place edits would hide.
 */
export function strict<T>(work: () => T): T {
  const outer = fresh;
  fresh = undefined;
  try {
    return work();
  } finally {
    fresh = outer;
  }
}

/**
 * Sets an own, enumerable property even for keys such as `__proto__`. Plain assignment does the
 * same for every other key (Object.prototype's other properties are writable data properties,
 * which an assignment shadows) and is several times cheaper than `defineProperty`.
 */
export const define = (d: object, key: string, value: unknown): void => {
  if (key === '__proto__') Object.defineProperty(d, key, { value, writable: true, enumerable: true, configurable: true });
  else (d as Record<string, unknown>)[key] = value;
};

/** `d`, made inside the running batch (if any): later changes in the batch may edit it in place. */
export const copied = <T extends object>(d: T): T => {
  fresh?.add(d);
  return d;
};

/** Own entries only: ids from events such as `constructor` must not read the prototype. */
export const own = <T>(d: Dict<T>, key: string): T | undefined => (Object.hasOwn(d, key) ? d[key] : undefined);

export function put<T>(d: Dict<T>, key: string, value: T): Dict<T> {
  if (Object.hasOwn(d, key) && d[key] === value) return d;
  if (fresh?.has(d)) {
    define(d, key, value);
    return d;
  }
  return copied({ ...d, [key]: value });
}

export function without<T>(d: Dict<T>, key: string): Dict<T> {
  if (!Object.hasOwn(d, key)) return d;
  if (fresh?.has(d)) {
    delete (d as Record<string, T>)[key];
    return d;
  }
  const { [key]: _gone, ...rest } = d;
  return copied(rest);
}

/** Appends, dropping the oldest items beyond `cap`. */
export function appendCapped<T>(list: readonly T[], item: T, cap: number): readonly T[] {
  return list.length < cap ? [...list, item] : [...list.slice(list.length - cap + 1), item];
}

/** Prepends, dropping the oldest (last) items beyond `cap`. */
export function prependCapped<T>(list: readonly T[], item: T, cap: number): readonly T[] {
  return [item, ...list.slice(0, cap - 1)];
}

/** `next` with each item equal to the one at the same index of `prev` replaced by that one; `prev` if all are. */
export function keepEqual<T>(prev: readonly T[], next: readonly T[]): readonly T[] {
  const kept = next.map((x, i) => (i < prev.length && sameJson(x, prev[i]) ? (prev[i] as T) : x));
  return kept.length === prev.length && kept.every((x, i) => x === prev[i]) ? prev : kept;
}

/** `base` with the defined values of `changes` laid over it. */
export function merge<T extends object>(base: T, changes: Partial<T>): T {
  const out = { ...base };
  for (const k of Object.keys(changes)) {
    const v = (changes as Record<string, unknown>)[k];
    if (v !== undefined) define(out, k, v);
  }
  return out;
}

/**
 * Deep equality of JSON-like values; a missing key equals an undefined one. Shared subtrees
 * compare by reference first, so comparing an updated entity with its predecessor is cheap.
 * `skip` names a top-level key to leave out.
 */
export function sameJson(a: unknown, b: unknown, skip?: string): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of Object.keys(ra)) if (k !== skip && !sameJson(ra[k], Object.hasOwn(rb, k) ? rb[k] : undefined)) return false;
  for (const k of Object.keys(rb)) if (k !== skip && !Object.hasOwn(ra, k) && rb[k] !== undefined) return false;
  return true;
}
