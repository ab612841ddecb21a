import { queryNumber, type FieldExpr } from './field-query';

/** How `s` reads inside a JSON string (event data inside a chunk's JSON text). */
export const inJsonString = (s: string): string => JSON.stringify(s).slice(1, -1);

/**
 * A chunk's JSON text (its events' data written as JSON strings), with what is costly to find in
 * it found once, when first asked.
 */
class ChunkJson {
  private escapes?: boolean;
  constructor(readonly json: string) {}

  /** A backslash in some event's data (`\\` here): a string in it may be written with escapes. */
  get hasEscapes(): boolean {
    return (this.escapes ??= this.json.includes('\\\\'));
  }
}

/**
 * Number literals long enough or scaled far enough to be a value their leading digits do not show:
 * 16 or more digits and dots in a row, or an exponent of three digits (`1e-400` is 0).
 */
const LONG_OR_FAR = /-?(?:[0-9.]{16,}(?:[eE][+-]?\d+)?|\d+(?:\.\d+)?[eE][+-]?\d{3,})/g;

function someLongOrFar(json: string, is: (n: number) => boolean): boolean {
  for (const m of json.matchAll(LONG_OR_FAR)) if (is(Number(m[0]))) return true;
  return false;
}

/** Digits in a row, each pair maybe split by a decimal point. */
const dotted = (digits: string): string => digits.split('').join('\\.?');

const MIN_NORMAL = 2 ** -1022;

/**
 * A test on JSON text that is false only when no number literal in it equals `n`. A literal equal
 * to `n` lies within a unit in the last place of `n`'s shortest digits D (k of them) times a power
 * of ten. For a normal `n` with k <= 15 that is within a quarter unit of the 15th significant digit,
 * so the literal's first 15 significant digits are D and zeros, or D - 1 and 15 - k nines
 * (`12344.99999999999999` is 12345): those, with a point anywhere, are what is looked for.
 * Zero, subnormals, infinities and 16-digit values take a look at each long or far-scaled literal.
 */
function numberTest(n: number): (json: string) => boolean {
  const exact = (json: string): boolean => someLongOrFar(json, (x) => x === n);
  if (!Number.isFinite(n)) return exact;
  const digits = Math.abs(n).toExponential().replace(/e.*$/, '').replace('.', '');
  if (n === 0 || Math.abs(n) < MIN_NORMAL || digits.length > 15) {
    const written = new RegExp(dotted(digits));
    return (json) => written.test(json) || exact(json);
  }
  const below = `${BigInt(digits) - 1n}`.replace(/^0$/, '') + '9'.repeat(15 - digits.length);
  const near = new RegExp(`${dotted(digits)}|${dotted(below)}`);
  return (json) => near.test(json);
}

/**
 * False only when no event in `json` can hold a field equal to `value` (as `matchFieldQuery`
 * compares: as numbers when both are, else as text). Undefined when the text cannot tell: an
 * object or array compares by its JSON, which spacing can change, and a lone surrogate could pair
 * with its neighbour in the data.
 */
function equalTest(value: string): ((t: ChunkJson) => boolean) | undefined {
  if (/^[[{]/.test(value) || /[\ud800-\udfff]/.test(value)) return undefined;
  // A string (or true, false, null) is written as itself unless the data uses escapes.
  const text = inJsonString(value);
  const asText = (t: ChunkJson): boolean => t.json.includes(text) || t.hasEscapes;
  // A number too large for a double reads as JSON's `null` when compared as text.
  if (value === 'null') return (t) => asText(t) || someLongOrFar(t.json, (n) => !Number.isFinite(n));
  const n = queryNumber(value);
  if (n === undefined) return asText;
  const number = numberTest(n);
  return (t) => asText(t) || number(t.json);
}

function test(e: FieldExpr): ((t: ChunkJson) => boolean) | undefined {
  switch (e.kind) {
    case 'and': {
      const all = e.exprs.map(test).filter((x) => x !== undefined);
      return all.length === 0 ? undefined : (t) => all.every((x) => x(t));
    }
    case 'or': {
      const any = e.exprs.map(test);
      return any.every((x) => x !== undefined) ? (t) => any.some((x) => x(t)) : undefined;
    }
    case 'in': {
      const any = e.values.map(equalTest);
      return any.every((x) => x !== undefined) ? (t) => any.some((x) => x(t)) : undefined;
    }
    case 'compare':
      return e.op === '=' ? equalTest(e.value) : undefined;
    case 'not':
    case 'exists':
      return undefined;
  }
}

/**
 * For a field query, a test on a chunk's JSON text that is false only when none of its events can
 * match: the values `=` and `in` ask for must be written somewhere in it. A search then parses
 * only the chunks that may hold a match, as a text search does. Undefined when the query asks for
 * no value the text can rule out (`!=`, `>`, `~`, a field's presence, `not`).
 */
export function valuesInJson(e: FieldExpr): ((json: string) => boolean) | undefined {
  const t = test(e);
  return t && ((json) => t(new ChunkJson(json)));
}
