/*
 * Looking for text in a chunk's UTF-8 bytes before they are decoded. Decoding is a large part of
 * what a search pays for a chunk it then rules out (~1.7 ms for 600 KB), and UTF-8 keeps every
 * character's bytes apart from its neighbours', so the bytes hold a text exactly when the decoded
 * string does. A loop over every byte in JS costs about as much as decoding; the typed array's
 * own `indexOf` runs through them several times faster, so each search jumps from one place of
 * the needle's least common byte to the next and compares the rest of the needle around it.
 */

const encoder = new TextEncoder();

const isUpper = (b: number): boolean => b >= 65 && b <= 90;
const isLower = (b: number): boolean => b >= 97 && b <= 122;
const lower = (b: number): number => (isUpper(b) ? b + 32 : b);
export const isDigit = (b: number): boolean => b >= 48 && b <= 57;
export const QUOTE = 34;
export const BACKSLASH = 92;
const DOT = 46;

/**
 * How common a byte is in event JSON as a chunk writes it, roughly: quotes and backslashes (every
 * key and string of the data is `\"…\"`) most, then the separators, lower-case letters, digits,
 * capitals, other punctuation, and least the bytes of characters beyond ASCII.
 */
function commonness(b: number): number {
  if (b === QUOTE || b === BACKSLASH) return 6;
  if (b === 58 || b === 44 || b === 32) return 5; // : , and space
  if (isLower(b)) return 4;
  if (isDigit(b)) return 3;
  if (isUpper(b)) return 2;
  return b < 128 ? 1 : 0;
}

/** A text to look for in bytes (ASCII letters in either case, if it was made so). */
export interface BytesNeedle {
  readonly bytes: Uint8Array;
  /** Whether ASCII letters match in either case: then `bytes` holds them lower-cased. */
  readonly fold: boolean;
  /** Index of the byte whose places in the hay are looked up first. */
  readonly anchor: number;
}

/** The least common byte of `bytes` (a letter counts twice when either case matches). */
function anchorOf(bytes: Uint8Array, fold: boolean): number {
  let best = 0;
  let score = Infinity;
  bytes.forEach((b, i) => {
    const s = commonness(b) * (fold && isLower(b) ? 2 : 1);
    if (s < score) [best, score] = [i, s];
  });
  return best;
}

/**
 * `text` as a needle; undefined when ignoring case and the text is beyond ASCII, since a
 * case-blind regex makes `é` equal to `É`, whose bytes differ in more than a bit. (Without the `u`
 * flag it never makes a character beyond ASCII equal to one within it: folding ASCII is exact.)
 */
export function bytesNeedle(text: string, ignoreCase: boolean): BytesNeedle | undefined {
  // eslint-disable-next-line no-control-regex
  if (ignoreCase && /[^\x00-\x7f]/.test(text)) return undefined;
  const bytes = encoder.encode(ignoreCase ? text.toLowerCase() : text);
  return { bytes, fold: ignoreCase, anchor: anchorOf(bytes, ignoreCase) };
}

/** The next place of byte `b` at or after `from`, or of its other case too when folding (-1 if none). */
function nextOf(hay: Uint8Array, b: number, fold: boolean, from: number): number {
  const at = hay.indexOf(b, from);
  if (!fold || !isLower(b)) return at;
  const upper = hay.indexOf(b - 32, from);
  return at < 0 ? upper : upper < 0 ? at : Math.min(at, upper);
}

/** Whether `hay` holds the needle's text. */
export function holds(hay: Uint8Array, { bytes, fold, anchor }: BytesNeedle): boolean {
  const n = bytes.length;
  if (n === 0) return true;
  const last = hay.length - n;
  for (let p = nextOf(hay, bytes[anchor]!, fold, anchor); p >= 0; p = nextOf(hay, bytes[anchor]!, fold, p + 1)) {
    const start = p - anchor;
    if (start > last) return false;
    let k = 0;
    if (fold) while (k < n && lower(hay[start + k]!) === bytes[k]) k++;
    else while (k < n && hay[start + k] === bytes[k]) k++;
    if (k === n) return true;
  }
  return false;
}

/** Whether the digits before index `k` of `digits` end just before `p`, each pair maybe split by a point. */
function dottedBefore(hay: Uint8Array, digits: Uint8Array, p: number, k: number): boolean {
  for (let j = p - 1; k-- > 0; j--) {
    if (hay[j] === DOT) j--;
    if (hay[j] !== digits[k]) return false;
  }
  return true;
}

/**
 * Whether `hay` holds one of `alternatives` (digits as UTF-8 bytes) with their digits in a row,
 * each pair maybe split by a decimal point: the regex `1\.?2\.?3`, over bytes. Each is looked up
 * by its last digit and compared backwards from there.
 */
export function holdsDotted(hay: Uint8Array, alternatives: readonly Uint8Array[]): boolean {
  return alternatives.some((digits) => {
    const a = digits.length - 1;
    if (a < 0) return true;
    for (let p = hay.indexOf(digits[a]!); p >= 0; p = hay.indexOf(digits[a]!, p + 1)) {
      if (dottedBefore(hay, digits, p, a)) return true;
    }
    return false;
  });
}
