import type { FieldRanges } from './field-ranges';

/*
 * The words of a chunk, as a Bloom filter kept next to it (by cid): a text search asks it first
 * and reads the chunk only when every word the query must contain may be there. A search for an
 * id then reads the one chunk that holds it instead of all of them.
 *
 * A word is a run of ASCII letters and digits in the chunk's JSON text (what a search matches
 * against), lower-cased, since searches ignore case. Of a query, only the words with a non-word
 * character on both sides count: one at either end may be the end of a longer word in the data.
 * The words are looked up in the query's JSON form, as the search matches it, so an escape such
 * as `\n` splits both the same way. A filter never says no to a word that is there (no false
 * negatives); it says yes to an absent one about one time in a hundred.
 *
 * The filter also holds each pair of neighbouring words with what separates them, when that is
 * ASCII (`n\":7` in `{\"n\":7}`): common words make a search read every chunk, while the
 * pairs of a phrase (`"n":7}`, `"status":"failed"`) are in few. A separator beyond ASCII is left
 * out, since a case-blind search makes `é` and `É` equal. Filters written before pairs were kept
 * say so (no `pairs`), and are asked for words only.
 */

/** Filter bits per distinct word (or pair), and bits set per word: ~1% false positives. */
const BITS_PER_WORD = 10;
const HASHES = 7;
/** Above this many distinct words and pairs a chunk gets no filter (it would be large and searched anyway). */
const MAX_WORDS = 100_000;

/**
 * A chunk's filter: `bits` of which each word (and pair, if `pairs`) set `hashes` (stored by the
 * chunk's cid), and the ranges of the numbers under each key of its data (lib/query/field-ranges.ts;
 * absent in filters written before they were kept, or when the data has too many keys).
 */
export interface ChunkTerms {
  bits: Uint8Array;
  hashes: number;
  pairs?: true;
  ranges?: FieldRanges;
}

/** Each byte's word character, lower-cased (ASCII letters and digits), or 0 for a separator. */
const WORD = new Uint8Array(256);
for (let c = 48; c <= 57; c++) WORD[c] = c;
for (let c = 97; c <= 122; c++) WORD[c] = WORD[c - 32] = c;

/**
 * The filter's two hashes of an item are `first(a)` and `second(b)`: the first never 0 and the
 * second odd, since a zero step would probe the same bit for every hash.
 */
const first = (a: number): number => a >>> 0 || 1;
const second = (b: number): number => (b | 1) >>> 0;

/** One 32-bit hash of `x` then `y` (a murmur3 step and its finalizer). */
function combine(x: number, y: number): number {
  let h = Math.imul(x ^ Math.imul(y, 0xcc9e2d51), 0x1b873593);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Calls `onWord` with two 32-bit hashes of each word of `utf8` (FNV-1a and a multiplicative one)
 * and where the word starts and ends; and `onPair` with two of each word and the word before
 * it, with what separates them, when that is ASCII.
 */
function eachWord(utf8: Uint8Array, onWord: (h1: number, h2: number, start: number, end: number) => void, onPair?: (h1: number, h2: number, start: number, end: number) => void): void {
  let a = 0;
  let b = 0;
  let start = -1;
  /** The word before (its hashes and start; -1: none), and a hash of the bytes since it, and whether they are ASCII. */
  let prevA = 0;
  let prevB = 0;
  let prevStart = -1;
  let sep = 0;
  let ascii = false;
  const n = utf8.length;
  for (let i = 0; i <= n; i++) {
    const byte = i < n ? utf8[i]! : 0;
    const c = i < n ? WORD[byte]! : 0;
    if (c !== 0) {
      if (start < 0) {
        start = i;
        a = 0x811c9dc5;
        b = 0x9747b28c;
      }
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
      continue;
    }
    if (start >= 0) {
      onWord(first(a), second(b), start, i);
      if (onPair && prevStart >= 0 && ascii) onPair(first(combine(combine(prevA, sep), a)), second(combine(combine(prevB, sep ^ 0x5bd1e995), b)), prevStart, i);
      prevA = a;
      prevB = b;
      prevStart = start;
      start = -1;
      sep = 0x2f5a1e33;
      ascii = true;
    }
    sep = Math.imul(sep ^ byte, 0x01000193);
    ascii &&= byte < 128;
  }
}

/**
 * The distinct words of a chunk, as an open-addressing table of their hashes (0: empty). Reused
 * from chunk to chunk: a Set of them took most of the filter's time.
 */
let h1s = new Int32Array(1 << 16);
let h2s = new Int32Array(1 << 16);

/** The filter of a chunk's JSON text (its UTF-8); undefined when it holds too many words to be worth one. */
export function chunkTerms(utf8: Uint8Array): ChunkTerms | undefined {
  h1s.fill(0);
  let mask = h1s.length - 1;
  let distinct = 0;
  const insert = (h1: number, h2: number): void => {
    let i = h1 & mask;
    // Both hashes tell items apart: a second item with the same h1 would otherwise set no bits.
    while (h1s[i] !== 0 && (h1s[i] !== (h1 | 0) || h2s[i] !== (h2 | 0))) i = (i + 1) & mask;
    if (h1s[i] !== 0) return;
    h1s[i] = h1;
    h2s[i] = h2;
    distinct++;
  };
  const add = (h1: number, h2: number): void => {
    if (distinct > MAX_WORDS) return;
    insert(h1, h2);
    if (distinct * 2 <= h1s.length) return;
    // Over half full: twice the size, the words put in again.
    const [old1, old2] = [h1s, h2s];
    h1s = new Int32Array(old1.length * 2);
    h2s = new Int32Array(old1.length * 2);
    mask = h1s.length - 1;
    distinct = 0;
    for (let i = 0; i < old1.length; i++) if (old1[i] !== 0) insert(old1[i]! >>> 0, old2[i]! >>> 0);
  };
  eachWord(utf8, add, add);
  if (distinct > MAX_WORDS) return undefined;
  const nbits = Math.max(64, Math.ceil((distinct * BITS_PER_WORD) / 8) * 8);
  const bits = new Uint8Array(nbits / 8);
  for (let i = 0; i < h1s.length; i++) {
    if (h1s[i] === 0) continue;
    const h1 = h1s[i]! >>> 0;
    const h2 = h2s[i]! >>> 0;
    for (let k = 0; k < HASHES; k++) {
      const bit = ((h1 + Math.imul(k, h2)) >>> 0) % nbits;
      bits[bit >> 3]! |= 1 << (bit & 7);
    }
  }
  return { bits, hashes: HASHES, pairs: true };
}

/** The words (and pairs) of a query a matching chunk's text must hold, hashed once for every chunk asked. */
export interface TermQuery {
  h1: number[];
  h2: number[];
  p1: number[];
  p2: number[];
}

/**
 * The words of `text` (a query in its JSON form) with a non-word character on both sides, and
 * the pairs of them that are neighbours in it (unless `pairs` is false: words joined by a space
 * of the caller's, not the data's); undefined when there are none.
 */
export function termQuery(text: string, pairs = true): TermQuery | undefined {
  const utf8 = new TextEncoder().encode(text);
  const q: TermQuery = { h1: [], h2: [], p1: [], p2: [] };
  const inner = (start: number, end: number) => start !== 0 && end !== utf8.length;
  eachWord(
    utf8,
    (h1, h2, start, end) => {
      if (!inner(start, end)) return;
      q.h1.push(h1);
      q.h2.push(h2);
    },
    (h1, h2, start, end) => {
      if (!pairs || !inner(start, end)) return;
      q.p1.push(h1);
      q.p2.push(h2);
    },
  );
  return q.h1.length > 0 ? q : undefined;
}

/** Whether the filter may hold the item hashed `h1`, `h2`. */
function mayHold(terms: ChunkTerms, h1: number, h2: number): boolean {
  const nbits = terms.bits.length * 8;
  for (let k = 0; k < terms.hashes; k++) {
    const bit = ((h1 + Math.imul(k, h2)) >>> 0) % nbits;
    if ((terms.bits[bit >> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** False when the chunk's text cannot hold every word of the query (and every pair, if its filter keeps them). */
export function mayContain(terms: ChunkTerms, q: TermQuery): boolean {
  return q.h1.every((h1, w) => mayHold(terms, h1, q.h2[w]!)) && (!terms.pairs || q.p1.every((p1, w) => mayHold(terms, p1, q.p2[w]!)));
}
