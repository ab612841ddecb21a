import type { StreamEvent } from '../model/event';
import { chunkEvents } from './packing';
import type { Chunk, DB } from './schema';

export interface Page {
  /** Oldest first. */
  events: StreamEvent[];
  /** Pass as `before` to get the next older page; undefined when there is none. */
  before: number | undefined;
}

const byTime = (a: StreamEvent, b: StreamEvent): number => a.time - b.time || (a.endpointId < b.endpointId ? -1 : a.endpointId > b.endpointId ? 1 : a.seq - b.seq);

/**
 * Newest-first paging over chunks (at least `limit` events unless history runs out), for
 * all endpoints by write order, or for one endpoint by sequence number.
 */
export async function olderPage(db: DB, opts: { limit: number; before?: number; endpointId?: string }): Promise<Page> {
  const chunks: Chunk[] = [];
  let count = 0;
  let before: number | undefined;
  const tx = db.transaction('chunks');
  // Chunks are unpacked once the cursor is done: waiting on anything else would end the transaction.
  if (opts.endpointId === undefined) {
    const range = opts.before === undefined ? null : IDBKeyRange.upperBound(opts.before, true);
    let cursor = await tx.store.openCursor(range, 'prev');
    while (cursor && count < opts.limit) {
      chunks.push(cursor.value);
      count += cursor.value.lastSeq - cursor.value.firstSeq + 1;
      before = cursor.primaryKey;
      cursor = await cursor.continue();
    }
    if (!cursor) before = undefined;
  } else {
    const upper = opts.before ?? Infinity;
    const range = IDBKeyRange.bound([opts.endpointId, 0], [opts.endpointId, upper], false, true);
    let cursor = await tx.store.index('byEndpoint').openCursor(range, 'prev');
    while (cursor && count < opts.limit) {
      chunks.push(cursor.value);
      count += cursor.value.lastSeq - cursor.value.firstSeq + 1;
      before = cursor.value.firstSeq;
      cursor = await cursor.continue();
    }
    if (!cursor) before = undefined;
  }
  const events = chunks.flatMap(chunkEvents);
  return { events: events.sort(byTime), before };
}

/**
 * Every stored event of one endpoint (or all), oldest first, a chunk at a time. A fresh
 * transaction per step (consumers may await other work between chunks), so the writer may merge
 * chunks meanwhile (./compact.ts): the next events are found by seq, not by the last chunk's key,
 * and none is given twice or skipped.
 */
export async function* allEvents(db: DB, endpointId?: string): AsyncGenerator<StreamEvent[]> {
  if (endpointId === undefined) return yield* everyEndpoint(db);
  /** The lowest seq not given yet. */
  let next = 0;
  for (;;) {
    // The chunk's index row (small) says where it is; its events are read once it is found.
    const tx = db.transaction(['index', 'chunks']);
    const rows = tx.objectStore('index').index('byEndpoint');
    // The chunk holding `next` starts before it when a merge put it there; otherwise the next chunk starts at or after it.
    const holding = await rows.openCursor(IDBKeyRange.bound([endpointId, -Infinity], [endpointId, next]), 'prev');
    const row = holding && holding.value.lastSeq >= next ? holding.value : (await rows.openCursor(IDBKeyRange.bound([endpointId, next], [endpointId, Infinity])))?.value;
    const chunk = row && (await tx.objectStore('chunks').get(row.cid));
    if (!chunk) return;
    const events = chunkEvents(chunk).filter((e) => e.seq >= next);
    next = chunk.lastSeq + 1;
    if (events.length > 0) yield events;
  }
}

/** Every endpoint's events in chunk order; a merged chunk comes again under a new key, so what was given is skipped. */
async function* everyEndpoint(db: DB): AsyncGenerator<StreamEvent[]> {
  let lastKey: number | undefined;
  const given = new Map<string, number>();
  for (;;) {
    const cursor = await db.transaction('chunks').store.openCursor(IDBKeyRange.lowerBound(lastKey ?? 0, lastKey !== undefined));
    if (!cursor) return;
    lastKey = cursor.key;
    const events = chunkEvents(cursor.value).filter((e) => e.seq > (given.get(e.endpointId) ?? 0));
    if (events.length === 0) continue;
    given.set(cursor.value.endpointId, events[events.length - 1]!.seq);
    yield events;
  }
}

export { byTime as compareEvents };
