import { storedEventsOf, type ChunkInfo, type ChunkTyping, type RawChunk, type RawRead } from '../store/view';
import { eventsIn } from './search-protocol';
import type { StoredMatcher } from './stored-filter';

/** Matches found in one chunk: offsets into its events. */
export interface ChunkMatches {
  cid: number;
  offsets: number[];
}

export interface ScanProgress {
  /** Found since the last report, newest chunks first. */
  found: ChunkMatches[];
  /** Events looked at so far (chunks skipped by their summary count as looked at). */
  searched: number;
  /** Events in all the chunks to search. */
  total: number;
  done: boolean;
}

/**
 * How a search reads chunks, several at a time (each batch one transaction, each chunk's read
 * settling on its own): their events' JSON text with their typing, or only their typed types and
 * verdicts (cheaper).
 */
export interface ChunkSource {
  /**
   * Each chunk's text and typing; undefined when it is gone, or when its `keep` rules out its
   * filter (then the chunk is not read), its UTF-8 bytes (then they are never decoded) or its text.
   */
  readRaw(reads: readonly RawRead[]): Promise<RawChunk | undefined>[];
  readTyping(cids: readonly number[]): Promise<ChunkTyping | undefined>[];
}

export interface ScanOptions extends ChunkSource {
  report(p: ScanProgress): void;
  cancelled(): boolean;
  /** Report at least this often (ms) while scanning. */
  reportMs?: number;
  now?: () => number;
}

/**
 * Chunks read ahead of the one being searched: IndexedDB fetches them (in the browser's own
 * threads) while this one is unpacked and searched. One at a time, a search over packed
 * chunks spent as long waiting for reads as working; four in flight hid most of the waits.
 * Reads start in batches, one transaction each, once half of those in flight are searched (so
 * four to eight are in flight): opening a transaction cost a Worker more of its own time than
 * the reads in it.
 */
export const READ_AHEAD = 8;
/**
 * And at most this many bytes of events (at least one chunk): a chunk of huge frames can hold
 * tens of MB, and a Worker holds the chunks it reads ahead until their turn.
 */
export const READ_AHEAD_BYTES = 16 * 2 ** 20;
/**
 * Reads of a chunk's typing alone (a type or invalid-only filter) are small: the wait for
 * each is most of their cost, so more of them are kept in flight.
 */
export const TYPING_READ_AHEAD = 16;

type ByTyping = NonNullable<ReturnType<StoredMatcher['byTyping']>>;

/** A chunk to search, with its read started. */
type Pending = { c: ChunkInfo; byTyping: ByTyping; read: Promise<ChunkTyping | undefined> } | { c: ChunkInfo; byTyping?: undefined; read: Promise<RawChunk | undefined> };

/**
 * How a chunk's text and typing are asked for: not read when its filter says it lacks a word the
 * search needs or a number in the range asked for, nor returned when its bytes or text rule it out
 * (then undefined, as for a chunk that is gone). Most chunks of a text search hold none of its
 * words: they are never read.
 */
function rawRead(c: ChunkInfo, m: StoredMatcher): RawRead {
  const terms = m.terms(c);
  const names = Object.keys(c.types);
  return { cid: c.cid, keep: { ...(terms && { terms }), bytes: (bytes) => m.mayHold(bytes, names), text: (json) => m.mayMatch(json, names) } };
}

/**
 * Starts the reads of `picked` (search order), one batch per kind; their pending reads, in that
 * order. A read ahead that fails is reported when its turn comes, or never if the search stops first.
 */
function start(picked: readonly { c: ChunkInfo; byTyping?: ByTyping }[], m: StoredMatcher, o: ChunkSource): Pending[] {
  const raws = o.readRaw(picked.flatMap((p) => (p.byTyping ? [] : [rawRead(p.c, m)])));
  const typings = o.readTyping(picked.flatMap((p) => (p.byTyping ? [p.c.cid] : [])));
  return picked.map(({ c, byTyping }) => {
    const p: Pending = byTyping ? { c, byTyping, read: typings.shift()! } : { c, read: raws.shift()! };
    p.read.catch(() => undefined);
    return p;
  });
}

/**
 * The chunks to read next, from `chunks[from]` down (search order), once half of the reads in
 * `ahead` are done: up to READ_AHEAD chunks and READ_AHEAD_BYTES of events (one chunk at least),
 * and TYPING_READ_AHEAD reads in all, counting those in flight; and where the next batch starts.
 */
function nextBatch(chunks: readonly ChunkInfo[], from: number, ahead: readonly Pending[], m: StoredMatcher): { picked: { c: ChunkInfo; byTyping?: ByTyping }[]; next: number } {
  const raws = ahead.filter((p) => !p.byTyping);
  let raw = raws.length;
  let bytes = raws.reduce((sum, p) => sum + p.c.bytes, 0);
  const picked: { c: ChunkInfo; byTyping?: ByTyping }[] = [];
  if (raw > READ_AHEAD / 2 || bytes > READ_AHEAD_BYTES / 2 || ahead.length > TYPING_READ_AHEAD / 2) return { picked, next: from };
  let next = from;
  while (next >= 0 && ahead.length + picked.length < TYPING_READ_AHEAD && raw < READ_AHEAD) {
    const n = chunks[next]!;
    if (m.chunk(n)) {
      const byTyping = m.byTyping(n);
      if (byTyping) picked.push({ c: n, byTyping });
      else if (raw > 0 && bytes + n.bytes > READ_AHEAD_BYTES) break;
      else {
        picked.push({ c: n });
        raw++;
        bytes += n.bytes;
      }
    }
    next--;
  }
  return { picked, next };
}

/** Offsets of the events of `p.c` that match, from their types alone when the filter allows it. */
async function matchesIn(p: Pending, m: StoredMatcher): Promise<number[]> {
  const offsets: number[] = [];
  if (p.byTyping) {
    const t = await p.read;
    if (!t) return offsets;
    const bad = new Set(t.invalid);
    for (let i = 0; i < t.at.length; i++) if (p.byTyping(t.names[t.at[i]!]!, !bad.has(i))) offsets.push(i);
  } else {
    const raw = await p.read;
    if (!raw) return offsets;
    const events = storedEventsOf(raw);
    for (let i = 0; i < events.length; i++) if (m.event(events[i]!)) offsets.push(i);
  }
  return offsets;
}

/**
 * Runs a filter over chunks, newest first (the rows at the live edge are on screen first),
 * skipping chunks whose summary cannot match and reading the rest ahead (READ_AHEAD chunks and
 * READ_AHEAD_BYTES, TYPING_READ_AHEAD reads in all), in batches once half of them are done.
 * Matches are (cid, offset) references, never copies of events.
 */
export async function scanChunks(chunks: readonly ChunkInfo[], m: StoredMatcher, o: ScanOptions): Promise<void> {
  const now = o.now ?? (() => performance.now());
  const every = o.reportMs ?? 50;
  const total = eventsIn(chunks);
  let searched = 0;
  let found: ChunkMatches[] = [];
  let last = now();
  /** Reads started, in search order, and the next chunk to start one for. */
  const ahead: Pending[] = [];
  let next = chunks.length - 1;
  for (let k = chunks.length - 1; k >= 0; k--) {
    if (o.cancelled()) return;
    const c = chunks[k]!;
    if (m.chunk(c)) {
      next = Math.min(next, k);
      const batch = nextBatch(chunks, next, ahead, m);
      next = batch.next;
      ahead.push(...start(batch.picked, m, o));
      const offsets = await matchesIn(ahead.shift()!, m);
      if (o.cancelled()) return;
      if (offsets.length > 0) found.push({ cid: c.cid, offsets });
    }
    searched += c.count;
    if (now() - last >= every) {
      o.report({ found, searched, total, done: false });
      found = [];
      last = now();
    }
  }
  o.report({ found, searched, total, done: true });
}
