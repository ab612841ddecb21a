import type { IDBPTransaction, StoreNames } from 'idb';
import type { CustomProfile } from '../config/custom-profile';
import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import type { ChunkTerms } from '../query/terms';
import { weaveEvents } from '../model/weave';
import { typeChunk, type TypedChunk } from './derive';
import { chunkEvents, packEvents } from './packing';
import { request } from './request';
import type { Chunk, ChunkInfo, ChunkTyping, DB, StreamscopeDB } from './schema';

/*
 * Why small chunks are merged: the writer flushes 30 ms after an event arrives, so a stream of a
 * few events a second writes a chunk per event. Each chunk costs an index row, a typing row and a
 * word filter, and DEFLATE finds nothing to share in one event: 1,315 B per realistic event on
 * disk instead of 122 B, and a page holds one index row per event.
 *
 * The newest chunks of the store, while they are small, are merged in tiers: eight units of 1-7
 * events make one of 8-63, eight of those one of 64-504, eight units of 64-127 one of 512-1,016;
 * a unit of 128 events or more (or 64 KB) is final. Smaller units just before the eight are
 * taken along (see `mergeable`). A unit is one chunk, or a group: when the
 * merged chunks hold several endpoints' events (endpoints taking turns), each endpoint gets one
 * chunk and every event keeps its place in the order the units showed them (lib/model/weave.ts).
 * A flush of several endpoints' events is written as such a group too (./writer.ts).
 * So each endpoint's chunks stay its own, in seq order, and the all-endpoints timeline's order is
 * kept. Each event is rewritten at most three times. Merged units stay about the size of a bulk
 * chunk (1,000 events), which is also how finely retention cuts, a chunk at a time.
 * Only units at the very end of the store are merged, so merged chunks have the newest cids.
 */

/** Units merged at once. */
export const MERGE_FANIN = 8;
/** A unit with at least this many events, or this many bytes of events, is never merged. */
export const FINAL_EVENTS = 128;
const FINAL_BYTES = 64 * 1024;

/** A unit of the store's order as the merging needs to know it: one chunk, or a group's chunks. */
export interface TailUnit {
  cids: number[];
  count: number;
  bytes: number;
}

export const isFinal = (c: Pick<TailUnit, 'count' | 'bytes'>): boolean => c.count >= FINAL_EVENTS || c.bytes >= FINAL_BYTES;

/** 0 for 1-7 events, 1 for 8-63, 2 for 64-511 (only 64-127 are not final). */
const tier = (count: number): number => Math.floor(Math.log(count) / Math.log(MERGE_FANIN));

/** Events a merged unit holds at most: eight units just short of final. */
const MAX_MERGED = MERGE_FANIN * (FINAL_EVENTS - 1);

/**
 * The units to merge now, or none: the newest units of the newest one's tier or lower, once
 * MERGE_FANIN of them are of that tier. The lower ones among them were left behind when one flush
 * added several units (one per endpoint) and eight merged without them; taking them along means
 * none stays small for ever. At most MAX_MERGED events.
 */
export function mergeable(run: readonly TailUnit[]): TailUnit[] | undefined {
  const newest = run[run.length - 1];
  if (!newest || isFinal(newest)) return undefined;
  const t = tier(newest.count);
  let start = run.length;
  let events = 0;
  let top = 0;
  for (let u = run[start - 1]; u && !isFinal(u) && tier(u.count) <= t && events + u.count <= MAX_MERGED; u = run[start - 1]) {
    events += u.count;
    if (tier(u.count) === t) top++;
    start--;
  }
  return top >= MERGE_FANIN ? run.slice(start) : undefined;
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
  for (const name of CHUNK_STORES) request(tx.objectStore(name).delete(cid));
}

/**
 * Adds chunks' records (the only place they are written): their chunks first, for cids in their
 * order, then their index, typing and word rows. With `woven`, the chunks are one unit, a group
 * named by the first cid, each event at the place its row's `at` gives (lib/model/weave.ts).
 */
export async function addChunkRecords<S extends StoreNames<StreamscopeDB>>(tx: IDBPTransaction<StreamscopeDB, (S | (typeof CHUNK_STORES)[number])[], 'readwrite'>, records: readonly ChunkRecords[], woven: boolean): Promise<number[]> {
  const added: number[] = [];
  for (const r of records) added.push(await tx.objectStore('chunks').add(r.chunk));
  records.forEach((r, k) => {
    const cid = added[k]!;
    request(tx.objectStore('index').put({ ...r.info, cid, ...(woven ? { group: added[0] } : {}) }));
    request(tx.objectStore('typing').put(r.typing, cid));
    if (r.terms) request(tx.objectStore('terms').put(r.terms, cid));
  });
  return added;
}

/** Types and packs one endpoint's events (oldest first) into the records of one chunk. */
export function chunkRecords(endpointId: string, events: readonly StreamEvent[], family: Family, custom?: CustomProfile): { records: ChunkRecords; typed: TypedChunk } {
  const typed = typeChunk(endpointId, events, family, custom);
  const { info } = typed;
  const { terms, ...packed } = packEvents(events);
  const chunk: Chunk = { endpointId, firstSeq: info.firstSeq, lastSeq: info.lastSeq, t0: info.t0, t1: info.t1, bytes: info.bytes, ...packed };
  return { records: { chunk, typing: typed.typing, terms, info }, typed };
}

/** How an endpoint's events are typed: its family, and its definition when `custom`. */
export type TypingOf = (endpointId: string) => { family: Family; custom?: CustomProfile } | undefined;

/** The events of consecutive index rows (one unit) in the order the unit shows them. */
function unitEvents(rows: readonly ChunkInfo[], events: readonly StreamEvent[][]): StreamEvent[] {
  return rows.length === 1 ? events[0]! : weaveEvents(rows, events);
}

/**
 * Merges `units` (oldest first) into one unit in one transaction, if their chunks are still the
 * newest of the store; returns it, or undefined when something else was written or deleted
 * meanwhile, or an endpoint's typing is unknown (nothing is changed then).
 */
export async function mergeUnits(db: DB, units: readonly TailUnit[], typingOf: TypingOf): Promise<TailUnit | undefined> {
  const cids = units.flatMap((u) => u.cids);
  const tx = db.transaction(CHUNK_STORES, 'readwrite', { durability: 'relaxed' });
  const index = tx.objectStore('index');
  const rows: ChunkInfo[] = [];
  let cursor = await index.openCursor(null, 'prev');
  while (cursor && rows.length < cids.length) {
    rows.unshift(cursor.value);
    cursor = await cursor.continue();
  }
  if (rows.length !== cids.length || rows.some((r, i) => r.cid !== cids[i] || !typingOf(r.endpointId))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const events: StreamEvent[][] = [];
  for (const cid of cids) {
    const chunk = await tx.objectStore('chunks').get(cid);
    if (!chunk) throw new Error(`chunk ${cid} has no events`);
    events.push(chunkEvents(chunk));
  }
  // Each endpoint's events, with their places in the order the units showed them.
  const parts = new Map<string, { events: StreamEvent[]; at: number[] }>();
  let place = 0;
  for (let i = 0, u = 0; u < units.length; i += units[u]!.cids.length, u++) {
    const n = units[u]!.cids.length;
    for (const ev of unitEvents(rows.slice(i, i + n), events.slice(i, i + n))) {
      const part = parts.get(ev.endpointId) ?? parts.set(ev.endpointId, { events: [], at: [] }).get(ev.endpointId)!;
      part.events.push(ev);
      part.at.push(place++);
    }
  }
  const woven = parts.size > 1;
  const records = [...parts].map(([endpointId, part]) => {
    const { family, custom } = typingOf(endpointId)!;
    const { records } = chunkRecords(endpointId, part.events, family, custom);
    return woven ? { ...records, info: { ...records.info, at: Uint16Array.from(part.at) } } : records;
  });
  for (const cid of cids) deleteChunkRecords(tx, cid);
  const added = await addChunkRecords(tx, records, woven);
  await tx.done;
  return { cids: added, count: place, bytes: records.reduce((n, r) => n + r.info.bytes, 0) };
}
