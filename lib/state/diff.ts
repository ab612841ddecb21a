export interface StateChange {
  op: 'added' | 'removed' | 'changed';
  /** Dotted path from the root, e.g. `endpoints.ep1.plans.p-2.state`. */
  path: string;
  /** The same path as keys (list indices as numbers): unambiguous when an id contains a dot. */
  keys: readonly (string | number)[];
  before?: unknown;
  after?: unknown;
}

/**
 * The changes from state `a` to state `b`. Reference-equal subtrees are skipped unopened, so
 * the cost follows the size of the change, not of the state (states share unchanged parts).
 * A key holding undefined counts as absent.
 */
export function diffStates(a: unknown, b: unknown): StateChange[] {
  const out: StateChange[] = [];
  walk(a, b, [], out);
  return out;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

type Keys = readonly (string | number)[];
const change = (op: StateChange['op'], keys: Keys, before: unknown, after: unknown): StateChange => ({
  op,
  path: keys.join('.'),
  keys,
  before,
  after,
});

function walk(a: unknown, b: unknown, keys: Keys, out: StateChange[]): void {
  if (Object.is(a, b)) return;
  if (a === undefined) out.push(change('added', keys, a, b));
  else if (b === undefined) out.push(change('removed', keys, a, b));
  else if (Array.isArray(a) && Array.isArray(b)) walkArray(a, b, keys, out);
  else if (isObj(a) && isObj(b)) {
    // Checked before recursing so an unchanged entry of a large dictionary costs no allocation.
    for (const k of Object.keys(b)) if (!Object.is(at(a, k), b[k])) walk(at(a, k), b[k], [...keys, k], out);
    for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) walk(a[k], undefined, [...keys, k], out);
  } else out.push(change('changed', keys, a, b));
}

/**
 * Lists grow at one end (logs append, notifications prepend), so growth is reported as the
 * added items. Index by index comparison only makes sense when nothing moved; a shifted or
 * reordered list (a capped log dropping its oldest line) is one change of the whole list.
 */
function walkArray(a: readonly unknown[], b: readonly unknown[], keys: Keys, out: StateChange[]): void {
  const grown = b.length - a.length;
  if (grown > 0 && a.every((x, i) => x === b[i])) {
    for (let i = a.length; i < b.length; i++) out.push(change('added', [...keys, i], undefined, b[i]));
  } else if (grown > 0 && a.every((x, i) => x === b[i + grown])) {
    for (let i = 0; i < grown; i++) out.push(change('added', [...keys, i], undefined, b[i]));
  } else if (grown === 0 && (a[0] === b[0] || !(a.includes(b[0]) || b.includes(a[0])))) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) walk(a[i], b[i], [...keys, i], out);
  } else out.push(change('changed', keys, a, b));
}
