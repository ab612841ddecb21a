import type { CustomProfile } from '../config/custom-profile';
import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import type { ChunkTerms } from '../query/terms';
import { typeChunk, type TypedChunk } from './derive';
import { chunkEvents, packEvents } from './packing';
import type { Chunk, ChunkInfo, ChunkTyping, DB } from './schema';

/*
 * Why small chunks are merged: the writer flushes 30 ms after an event arrives, so a stream of a
 * few events a second writes a chunk per event. Each chunk costs an index row, a typing row and a
 * word filter, and DEFLATE finds nothing to share in one event: 1,315 B per realistic event on
 * disk instead of 122 B, and a page holds one index row per event.
 *
 * The newest chunks of the store, when they are one endpoint's and small, are merged into one
 * with a new cid, in tiers: eight chunks of 1-7 events make one of 8-63, eight of those one of
 * 64-504, eight chunks of 64-127 one of 512-1,016; a chunk of 128 events or more (or 64 KB) is
 * final. Each event is rewritten at most three times. Merged chunks stay about the size of a
 * bulk chunk (1,000 events), which is also how finely retention cuts, a chunk at a time.
 * Only chunks at the very end of the store are merged, so a merged chunk has the newest cid and
 * the order of chunks (the order of the all-endpoints timeline) is the order they had.
 */

/** Chunks merged at once. */
export const MERGE_FANIN = 8;
/** A chunk with at least this many events, or this many bytes of events, is never merged. */
export const FINAL_EVENTS = 128;
const FINAL_BYTES = 64 * 1024;

/** A chunk as the merging needs to know it. */
export interface TailChunk {
  cid: number;
  count: number;
  bytes: number;
}

export const isFinal = (c: Pick<TailChunk, 'count' | 'bytes'>): boolean => c.count >= FINAL_EVENTS || c.bytes >= FINAL_BYTES;

/** 0 for 1-7 events, 1 for 8-63, 2 for 64-511 (only 64-127 are not final). */
const tier = (count: number): number => Math.floor(Math.log(count) / Math.log(MERGE_FANIN));

/** The last MERGE_FANIN chunks of `run` when they are all of one tier, else none. */
export function mergeable(run: readonly TailChunk[]): TailChunk[] | undefined {
  if (run.length < MERGE_FANIN) return undefined;
  const last = run.slice(-MERGE_FANIN);
  const t = tier(last[0]!.count);
  return last.every((c) => !isFinal(c) && tier(c.count) === t) ? last : undefined;
}

/** What the stores keep of one endpoint's events: the chunk, its typing and words, its index row. */
export interface ChunkRecords {
  chunk: Chunk;
  typing: ChunkTyping;
  terms?: ChunkTerms;
  info: Omit<ChunkInfo, 'cid'>;
}

/** The stores that keep a chunk's records, by its cid. */
export const CHUNK_STORES = ['chunks', 'typing', 'terms', 'index'] as const;

/** Deletes a chunk and the rows kept with it (in a transaction over CHUNK_STORES). */
export function deleteChunkRecords(tx: { objectStore(name: (typeof CHUNK_STORES)[number]): { delete(key: number): Promise<void> } }, cid: number): void {
  for (const name of CHUNK_STORES) void tx.objectStore(name).delete(cid);
}

/** Types and packs one endpoint's events (oldest first) into the records of one chunk. */
export function chunkRecords(endpointId: string, events: readonly StreamEvent[], family: Family, custom?: CustomProfile): { records: ChunkRecords; typed: TypedChunk } {
  const typed = typeChunk(endpointId, events, family, custom);
  const { info } = typed;
  const { terms, ...packed } = packEvents(events);
  const chunk: Chunk = { endpointId, firstSeq: info.firstSeq, lastSeq: info.lastSeq, t0: info.t0, t1: info.t1, bytes: info.bytes, ...packed };
  return { records: { chunk, typing: typed.typing, terms, info }, typed };
}

/**
 * Merges `cids` (one endpoint's, oldest first) into one chunk in one transaction, if they are
 * still the newest chunks of the store; returns the new chunk, or undefined when something else
 * was written or deleted meanwhile (nothing is changed then).
 */
export async function mergeChunks(db: DB, endpointId: string, cids: readonly number[], family: Family, custom?: CustomProfile): Promise<TailChunk | undefined> {
  const tx = db.transaction(CHUNK_STORES, 'readwrite', { durability: 'relaxed' });
  const index = tx.objectStore('index');
  let cursor = await index.openCursor(null, 'prev');
  const found: number[] = [];
  while (cursor && found.length < cids.length) {
    if (cursor.value.endpointId !== endpointId) break;
    found.unshift(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  if (found.length !== cids.length || found.some((cid, i) => cid !== cids[i])) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const events: StreamEvent[] = [];
  for (const cid of cids) {
    const chunk = await tx.objectStore('chunks').get(cid);
    if (!chunk) throw new Error(`chunk ${cid} has no events`);
    for (const ev of chunkEvents(chunk)) events.push(ev);
  }
  const { records } = chunkRecords(endpointId, events, family, custom);
  for (const cid of cids) deleteChunkRecords(tx, cid);
  const cid = await tx.objectStore('chunks').add(records.chunk);
  void index.put({ ...records.info, cid });
  void tx.objectStore('typing').put(records.typing, cid);
  if (records.terms) void tx.objectStore('terms').put(records.terms, cid);
  await tx.done;
  return { cid, count: records.info.count, bytes: records.info.bytes };
}
