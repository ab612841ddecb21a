/**
 * The read side of the store for pages: the only module the panel (and its search Worker) calls
 * to read history. Callers never touch object stores or the chunk encoding.
 *
 * Shapes follow the issue #10 contract, with two refinements: ChunkInfo also counts the
 * chunk's `gap` / `duplicate` / `malformed` markers, and cids run in the order of chunks'
 * *last* events (small chunks are merged into one with a new cid).
 *
 * Everything here reads what the background derived as it persisted: the index and the
 * counters are small stores read without touching event payloads, and a state is the nearest
 * snapshot folded forward.
 */
import type { StreamEvent } from '../model/event';
import type { EndpointState } from '../state';
import { foldStored, type SnapshotMemo } from './fold-stored';
import { chunkBytes, chunkEvents, decodeUtf8 } from './packing';
import { endpointRange } from './rebuild';
import type { ChunkInfo, ChunkTyping, DB, EndpointCounters, EndpointMeta } from './schema';
import type { ChunkTerms } from '../query/terms';

export type { ChunkInfo, ChunkTyping, DirCounts, EndpointCounters } from './schema';
export type { ChunkTerms } from '../query/terms';

/** A stored event with its typed `type` (profile type name; marker kind for sys) and schema verdict. */
export type StoredEvent = StreamEvent & { type: string; valid: boolean };

/** One chunk's events as their JSON text, not parsed yet: what a search looks for its words in. */
export interface ChunkText {
  endpointId: string;
  json: string;
}

/** One chunk's events unparsed, with their typing. */
export interface RawChunk extends ChunkText {
  typing: ChunkTyping;
}

/**
 * The events of a raw chunk, with their typed types and schema verdicts. Each event is its parsed
 * row, completed in place: the rows are new objects no one else holds, and a search over every
 * chunk spent a tenth of its time copying each row into another object, and more collecting the
 * rows it copied.
 */
export function storedEventsOf({ endpointId, json, typing }: RawChunk): StoredEvent[] {
  const { names, at, invalid } = typing;
  const bad = new Set(invalid);
  const events = JSON.parse(json) as StoredEvent[];
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    ev.endpointId = endpointId;
    ev.type = names[at[i]!]!;
    ev.valid = !bad.has(i);
  }
  return events;
}

/**
 * What a search asks of a chunk before it parses it: optionally a test on the chunk's word filter
 * (before the chunk is read: most chunks of a search for an id fail here), then a test on its
 * JSON text's UTF-8 bytes (before they are decoded), then on the text.
 */
export interface ChunkTests {
  /** False when the chunk's filter rules it out; a chunk written before filters were kept has none and is read. */
  terms?(t: ChunkTerms): boolean;
  bytes(bytes: Uint8Array): boolean;
  text(json: string): boolean;
}

/** A chunk a search asks for, and what it must pass (see `readRawChunks`). */
export interface RawRead {
  cid: number;
  keep?: ChunkTests;
}

/**
 * Chunks' events unparsed, with their typing, all in one transaction: one promise per read, each
 * settling as soon as its own chunk is read. Undefined for a chunk that is gone and, with `keep`,
 * one its filter, bytes or text rule out: each is read only after the tests before it pass, and
 * the typing is asked for with the chunk (a few KB, needed by every chunk that passes).
 *
 * A transaction per chunk cost more than the reads in it: in the bench's search Workers, opening
 * one took ~0.6 ms of the Worker's own time, a get ~0.15 ms, and a search that reads all 1,000
 * chunks opened one (then two, with the filter) per chunk.
 */
export function readRawChunks(db: DB, reads: readonly RawRead[]): Promise<RawChunk | undefined>[] {
  if (reads.length === 0) return [];
  const tx = db.transaction(['terms', 'chunks', 'typing']);
  return reads.map(async ({ cid, keep }) => {
    if (keep?.terms) {
      const terms = await tx.objectStore('terms').get(cid);
      if (terms && !keep.terms(terms)) return undefined;
    }
    // Asked for at once, so it comes right after the chunk: requests in a transaction are served in order.
    const typing = tx.objectStore('typing').get(cid);
    // Not awaited when the chunk is gone, ruled out or fails to read: a failure then is not unhandled.
    typing.catch(() => undefined);
    const chunk = await tx.objectStore('chunks').get(cid);
    if (!chunk) return undefined;
    // The bytes may be a buffer the next read reuses: looked at and decoded before any other read.
    const bytes = chunkBytes(chunk);
    if (keep && !keep.bytes(bytes)) return undefined;
    const json = decodeUtf8(bytes);
    if (keep && !keep.text(json)) return undefined;
    const t = await typing;
    return t && { endpointId: chunk.endpointId, json, typing: t };
  });
}

/** The whole history's index, oldest chunk first (optionally one endpoint). */
export async function readChunkIndex(db: DB, endpointId?: string): Promise<ChunkInfo[]> {
  if (endpointId === undefined) return db.getAll('index');
  return db.getAllFromIndex('index', 'byEndpoint', endpointRange(endpointId));
}

/** The events of one chunk, oldest first; empty when the chunk is gone (retention, clear, merged). */
export async function readChunk(db: DB, cid: number): Promise<StoredEvent[]> {
  const raw = await readRawChunks(db, [{ cid }])[0];
  return raw ? storedEventsOf(raw) : [];
}

/**
 * The endpoint's latest `n` received events, newest first, from as many of its newest chunks as
 * hold them. One transaction: a merge or a retention cut meanwhile cannot leave it empty.
 */
export async function latestReceived(db: DB, endpointId: string, n: number): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  let cursor = await db.transaction('chunks').store.index('byEndpoint').openCursor(endpointRange(endpointId), 'prev');
  while (cursor && out.length < n) {
    const events = chunkEvents(cursor.value);
    for (let i = events.length - 1; i >= 0 && out.length < n; i--) if (events[i]!.dir === 'in') out.push(events[i]!);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * Each event's typed type and schema verdict in one chunk, read without unpacking its events
 * (what a type or invalid-only filter needs); undefined when the chunk is gone.
 */
export async function readChunkTyping(db: DB, cid: number): Promise<ChunkTyping | undefined> {
  return readChunkTypings(db, [cid])[0];
}

/** The typing of several chunks in one transaction (see `readRawChunks`), a promise per chunk. */
export function readChunkTypings(db: DB, cids: readonly number[]): Promise<ChunkTyping | undefined>[] {
  if (cids.length === 0) return [];
  const store = db.transaction('typing').store;
  return cids.map((cid) => store.get(cid));
}

function countersOf(metas: readonly EndpointMeta[]): Map<string, EndpointCounters> {
  const out = new Map<string, EndpointCounters>();
  for (const m of metas) {
    const { count, bytes, firstTime, lastTime, lastSeq, types, gaps, duplicates, malformed, invalid, dirs } = m;
    out.set(m.endpointId, { count, bytes, firstTime, lastTime, lastSeq, types, gaps, duplicates, malformed, invalid, dirs });
  }
  return out;
}

/** Whole-store counters per endpoint, maintained in the same transaction as the events. */
export async function readCounters(db: DB): Promise<Map<string, EndpointCounters>> {
  return countersOf(await db.getAll('meta'));
}

/**
 * The index rows of chunks written after `afterCid` (cids only grow), with the counters read in
 * the same transaction: they count exactly the chunks up to the newest row, so a reader that
 * holds the older rows can tell whether anything it holds was deleted meanwhile.
 */
export async function readIndexAfter(db: DB, afterCid: number): Promise<{ rows: ChunkInfo[]; counters: Map<string, EndpointCounters> }> {
  const tx = db.transaction(['index', 'meta']);
  const [rows, metas] = await Promise.all([tx.objectStore('index').getAll(IDBKeyRange.lowerBound(afterCid, true)), tx.objectStore('meta').getAll()]);
  return { rows, counters: countersOf(metas) };
}

/**
 * The endpoint's state after every stored event with seq <= atSeq (latest when omitted),
 * including what events deleted by retention built (the horizon snapshot), and the seq of the
 * last event folded in (0 when none). Below the horizon, the horizon's state.
 */
export async function stateAt(db: DB, endpointId: string, atSeq?: number, memo?: SnapshotMemo): Promise<{ state: EndpointState; seq: number }> {
  const meta = await db.get('meta', endpointId);
  return foldStored(db, endpointId, meta?.family ?? 'generic', atSeq, meta?.custom, memo);
}

/** The last chunk with t0 <= time (rows sorted by t0, as one endpoint's are). */
function chunkAtTime(rows: ChunkInfo[], time: number): ChunkInfo | undefined {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.t0 <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? rows[lo - 1] : undefined;
}

/** Seq of the endpoint's (or any endpoint's) last event received at or before `time`. */
export async function seqAtTime(db: DB, endpointId: string | undefined, time: number): Promise<{ endpointId: string; seq: number } | undefined> {
  const perEndpoint = new Map<string, ChunkInfo[]>();
  for (const row of await readChunkIndex(db, endpointId)) {
    const rows = perEndpoint.get(row.endpointId);
    if (rows) rows.push(row);
    else perEndpoint.set(row.endpointId, [row]);
  }
  let best: { ev: StreamEvent; cid: number } | undefined;
  for (const rows of perEndpoint.values()) {
    rows.sort((a, b) => a.firstSeq - b.firstSeq);
    const row = chunkAtTime(rows, time);
    if (!row) continue;
    const chunk = await db.get('chunks', row.cid);
    for (const ev of chunk ? chunkEvents(chunk) : []) {
      // Of events at the same time, the one written last.
      if (ev.time <= time && (!best || ev.time > best.ev.time || (ev.time === best.ev.time && row.cid > best.cid))) best = { ev, cid: row.cid };
    }
  }
  return best && { endpointId: best.ev.endpointId, seq: best.ev.seq };
}
