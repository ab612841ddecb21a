import { necessaryTest, queryNumber, type Comparison, type FieldExpr } from './field-query';
import { BACKSLASH, isDigit, QUOTE } from './byte-search';
import { inJsonString } from './values-in-json';

/*
 * Per chunk, the range of the numbers its events' data holds under each key name, found in the
 * chunk's JSON text as it is packed (a zone map, as column stores keep). A field query that
 * compares a field with a number (`n >= 12345`, `n = 7`, `n in (1, 2)`) then reads only the
 * chunks whose range for the field's last name may hold a match, where its words alone (the
 * name) are in every chunk.
 *
 * The data is JSON inside the chunk's JSON, so its quotes are `\"`. A key is a string of the
 * data followed by a colon; only numbers and strings under it can match a comparison with a
 * number (a numeric string compares as its number), so objects, arrays, booleans and null are
 * not kept. A string under a key marks it: the chunk is then read for that name whatever the
 * range. The scan reads no more than what a real key looks like, so text that is not JSON can
 * only add names and widen ranges (the chunk is read), never hide a key JSON.parse would find.
 * Names are kept as 32-bit hashes of their bytes; two names with one hash share a range, which
 * only widens it.
 */

/** A chunk's ranges: for each key name's hash, the least and greatest number under it. */
export interface FieldRanges {
  keys: Int32Array;
  min: Float64Array;
  max: Float64Array;
  /** 1 where a string is under the key: the range does not rule the chunk out for that name. */
  text: Uint8Array;
}

/** Above this many names a chunk keeps no ranges (its data has keys made of values, such as ids). */
const MAX_KEYS = 1024;

const COLON = 58;
const SPACE = 32;
const MINUS = 45;

const latin1 = new TextDecoder('latin1');

/** `n`, `t`, `r`: after a backslash, the data's whitespace (a newline, a tab, a return) as the chunk writes it. */
const isSpaceEscape = (b: number): boolean => b === 110 || b === 116 || b === 114;
/** Bytes of a JSON number literal. */
const isNumberByte = (b: number): boolean => isDigit(b) || b === 46 || b === 101 || b === 69 || b === 43 || b === MINUS;

/** Backslashes in a row just before index `i`. */
function backslashesBefore(b: Uint8Array, i: number): number {
  let k = i - 1;
  while (k >= 0 && b[k] === BACKSLASH) k--;
  return i - 1 - k;
}

/**
 * Whether the `"` at `i` is a quote of the data's JSON, not a character of one of its strings:
 * the chunk writes it `\"` after the data's own backslashes (each as `\\`), which are even for a
 * quote that opens or closes a string.
 */
const isDataQuote = (b: Uint8Array, i: number): boolean => b[i] === QUOTE && backslashesBefore(b, i) % 4 === 1;

/** FNV-1a of bytes `from` to `to`. */
function hashOf(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h | 0;
}

/** Index of the first byte at or after `i` that is not the data's whitespace. */
function skipSpace(b: Uint8Array, i: number): number {
  for (;;) {
    if (b[i] === SPACE) i++;
    else if (b[i] === BACKSLASH && isSpaceEscape(b[i + 1]!)) i += 2;
    else return i;
  }
}

/** The value of the number literal in bytes `from` to `to`: most are short integers, read without making a string. */
function numberAt(b: Uint8Array, from: number, to: number): number {
  const neg = b[from] === MINUS;
  let v = 0;
  let i = neg ? from + 1 : from;
  for (; i < to && isDigit(b[i]!) && i - from < 15; i++) v = v * 10 + b[i]! - 48;
  if (i === to && to > (neg ? from + 1 : from)) return neg ? -v : v;
  return Number(latin1.decode(b.subarray(from, to)));
}

/** The ranges of a chunk's JSON text (UTF-8); undefined when it has more than MAX_KEYS names. */
export function fieldRanges(b: Uint8Array): FieldRanges | undefined {
  const slots = new Map<number, number>();
  const keys: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  const text: number[] = [];
  const slot = (key: number): number | undefined => {
    let s = slots.get(key);
    if (s === undefined) {
      if (keys.length === MAX_KEYS) return undefined;
      s = keys.push(key) - 1;
      slots.set(key, s);
      min.push(Infinity);
      max.push(-Infinity);
      text.push(0);
    }
    return s;
  };
  for (let p = b.indexOf(COLON); p >= 0; p = b.indexOf(COLON, p + 1)) {
    // Back over the data's whitespace to the quote that closes the key.
    let j = p - 1;
    for (;;) {
      if (b[j] === SPACE) j--;
      else if (isSpaceEscape(b[j]!) && b[j - 1] === BACKSLASH) j -= 2;
      else break;
    }
    if (j < 1 || !isDataQuote(b, j)) continue;
    let open = j - 2;
    // (A typed array's lastIndexOf counts a negative start from the end.)
    while (open >= 0 && !isDataQuote(b, open)) open = open > 0 ? b.lastIndexOf(QUOTE, open - 1) : -1;
    if (open < 0) continue;
    const v = skipSpace(b, p + 1);
    const first = b[v]!;
    const isText = first === BACKSLASH && b[v + 1] === QUOTE;
    if (!isText && first !== MINUS && !isDigit(first)) continue;
    // The name's bytes lie between the opening quote and the backslash of the closing `\"`.
    const s = slot(hashOf(b, open + 1, j - 1));
    if (s === undefined) return undefined;
    if (isText) {
      text[s] = 1;
      continue;
    }
    let end = v + 1;
    while (end < b.length && isNumberByte(b[end]!)) end++;
    const n = numberAt(b, v, end);
    if (Number.isNaN(n)) text[s] = 1;
    else {
      if (n < min[s]!) min[s] = n;
      if (n > max[s]!) max[s] = n;
    }
    p = end - 1;
  }
  return { keys: Int32Array.from(keys), min: Float64Array.from(min), max: Float64Array.from(max), text: Uint8Array.from(text) };
}

/** The hash a key name is kept under: of its bytes as the chunk writes them (JSON in JSON). */
const nameHash = (name: string): number => {
  const bytes = new TextEncoder().encode(inJsonString(inJsonString(name)));
  return hashOf(bytes, 0, bytes.length);
};

/** Whether some number in [lo, hi] compares to `n` by `op`. */
function overlaps(op: '=' | '>' | '>=' | '<' | '<=', n: number, lo: number, hi: number): boolean {
  switch (op) {
    case '=':
      return lo <= n && n <= hi;
    case '>':
      return hi > n;
    case '>=':
      return hi >= n;
    case '<':
      return lo < n;
    case '<=':
      return lo <= n;
  }
}

type RangeTest = (r: FieldRanges) => boolean;

/** A test of one comparison with a number: false only when no number or string under its field's name can satisfy it. */
function comparisonTest(e: Comparison): RangeTest | undefined {
  const name = e.path[e.path.length - 1];
  const n = queryNumber(e.value);
  if (typeof name !== 'string' || n === undefined || e.op === '!=' || e.op === '~') return undefined;
  const { op } = e;
  const key = nameHash(name);
  return (r) => {
    for (let s = 0; s < r.keys.length; s++) if (r.keys[s] === key && (r.text[s] === 1 || overlaps(op, n, r.min[s]!, r.max[s]!))) return true;
    return false;
  };
}

/**
 * For a field query, a test on a chunk's ranges that is false only when none of its events can
 * match: some comparison with a number that must hold names a field no number (or string) in the
 * chunk can satisfy. Undefined when the query has no such comparison.
 */
export const rangesTest = (e: FieldExpr): RangeTest | undefined => necessaryTest(e, comparisonTest);
