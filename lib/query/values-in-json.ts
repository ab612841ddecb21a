import { bytesNeedle, holds, holdsDotted } from './byte-search';
import { necessaryTest, queryNumber, type FieldExpr } from './field-query';

/** How `s` reads inside a JSON string (event data inside a chunk's JSON text). */
export const inJsonString = (s: string): string => JSON.stringify(s).slice(1, -1);

/** A number test's targets: digit runs (each pair maybe split by a point), and maybe an exact value. */
interface NumberLook {
  /** The runs as a regex over text, and as UTF-8 bytes. */
  readonly written: RegExp;
  readonly digits: readonly Uint8Array[];
  /** Also true for a long or far-scaled literal equal to this (see `numberLook`). */
  readonly exact?: number;
}

/**
 * A chunk's JSON text (its events' data written as JSON strings) as a value test reads it: the
 * decoded string, or its UTF-8 bytes before decoding (which cannot tell some things: true then).
 */
interface JsonText {
  /** Holds `text` as written (JSON-escaped already). */
  has(text: string): boolean;
  /** A backslash in some event's data (`\\` here): a string in it may be written with escapes. */
  readonly hasEscapes: boolean;
  /** Holds a number literal the look may stand for. */
  hasNumber(look: NumberLook): boolean;
  /** Holds a long or far-scaled number literal that is not finite. */
  readonly hasInfinite: boolean;
}

const ESCAPED_BACKSLASH = inJsonString('\\');

/**
 * Number literals long enough or scaled far enough to be a value their leading digits do not show:
 * 16 or more digits and dots in a row, or an exponent of three digits (`1e-400` is 0).
 */
const LONG_OR_FAR = /-?(?:[0-9.]{16,}(?:[eE][+-]?\d+)?|\d+(?:\.\d+)?[eE][+-]?\d{3,})/g;

function someLongOrFar(json: string, is: (n: number) => boolean): boolean {
  for (const m of json.matchAll(LONG_OR_FAR)) if (is(Number(m[0]))) return true;
  return false;
}

/** The decoded text, with what is costly to find in it found once, when first asked. */
class StringText implements JsonText {
  private escapes?: boolean;
  constructor(private readonly json: string) {}
  has(text: string): boolean {
    return this.json.includes(text);
  }
  get hasEscapes(): boolean {
    return (this.escapes ??= this.json.includes(ESCAPED_BACKSLASH));
  }
  hasNumber({ written, exact }: NumberLook): boolean {
    return written.test(this.json) || (exact !== undefined && someLongOrFar(this.json, (x) => x === exact));
  }
  get hasInfinite(): boolean {
    return someLongOrFar(this.json, (n) => !Number.isFinite(n));
  }
}

/** The bytes: exact for text and digit runs; long and far-scaled literals are not looked for. */
class BytesText implements JsonText {
  private escapes?: boolean;
  constructor(private readonly bytes: Uint8Array) {}
  has(text: string): boolean {
    return holds(this.bytes, bytesNeedle(text, false)!);
  }
  get hasEscapes(): boolean {
    return (this.escapes ??= this.has(ESCAPED_BACKSLASH));
  }
  hasNumber({ digits, exact }: NumberLook): boolean {
    return exact !== undefined || holdsDotted(this.bytes, digits);
  }
  readonly hasInfinite = true;
}

/** Digits in a row, each pair maybe split by a decimal point. */
const dotted = (digits: string): string => digits.split('').join('\\.?');

const MIN_NORMAL = 2 ** -1022;

/**
 * What a number literal equal to `n` may look like. Such a literal lies within a unit in the
 * last place of `n`'s shortest digits D (k of them) times a power of ten. For a normal `n` with
 * k <= 15 that is within a quarter unit of the 15th significant digit, so the literal's first 15
 * significant digits are D and zeros, or D - 1 and 15 - k nines (`12344.99999999999999` is
 * 12345): those, with a point anywhere. Zero, subnormals, infinities and 16-digit values also
 * take a look at each long or far-scaled literal.
 */
function numberLook(n: number): NumberLook {
  const look = (runs: string[], exact?: number): NumberLook => ({
    written: new RegExp(runs.map(dotted).join('|')),
    digits: runs.map((r) => new TextEncoder().encode(r)),
    ...(exact === undefined ? {} : { exact }),
  });
  if (!Number.isFinite(n)) return { written: /(?!)/, digits: [], exact: n };
  const digits = Math.abs(n).toExponential().replace(/e.*$/, '').replace('.', '');
  if (n === 0 || Math.abs(n) < MIN_NORMAL || digits.length > 15) return look([digits], n);
  const below = `${BigInt(digits) - 1n}`.replace(/^0$/, '') + '9'.repeat(15 - digits.length);
  return look([digits, below]);
}

/**
 * False only when no event in the text can hold a field equal to `value` (as `matchFieldQuery`
 * compares: as numbers when both are, else as text). Undefined when the text cannot tell: an
 * object or array compares by its JSON, which spacing can change, and a lone surrogate could pair
 * with its neighbour in the data.
 */
function equalTest(value: string): ((t: JsonText) => boolean) | undefined {
  if (/^[[{]/.test(value) || /[\ud800-\udfff]/.test(value)) return undefined;
  // A string (or true, false, null) is written as itself unless the data uses escapes.
  const text = inJsonString(value);
  const asText = (t: JsonText): boolean => t.has(text) || t.hasEscapes;
  // A number too large for a double reads as JSON's `null` when compared as text.
  if (value === 'null') return (t) => asText(t) || t.hasInfinite;
  const n = queryNumber(value);
  if (n === undefined) return asText;
  const look = numberLook(n);
  return (t) => asText(t) || t.hasNumber(look);
}

/** A test on a chunk's JSON text, as the decoded string or as its UTF-8 bytes. */
export interface JsonTest {
  text(json: string): boolean;
  bytes(bytes: Uint8Array): boolean;
}

/**
 * For a field query, a test on a chunk's JSON text that is false only when none of its events can
 * match: the values `=` and `in` ask for must be written somewhere in it. A search then parses
 * only the chunks that may hold a match, as a text search does, and decodes only those whose
 * bytes may. Undefined when the query asks for no value the text can rule out (`!=`, `>`, `~`, a
 * field's presence, `not`).
 */
export function valuesInJson(e: FieldExpr): JsonTest | undefined {
  const t = necessaryTest<JsonText>(e, (c) => (c.op === '=' ? equalTest(c.value) : undefined));
  return t && { text: (json) => t(new StringText(json)), bytes: (bytes) => t(new BytesText(bytes)) };
}
