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

/** Every stored event of one endpoint (or all), oldest first, a chunk at a time. */
export async function* allEvents(db: DB, endpointId?: string): AsyncGenerator<StreamEvent[]> {
  let lastKey: IDBValidKey | undefined;
  for (;;) {
    // A fresh transaction per step: consumers may await other work between chunks.
    const tx = db.transaction('chunks');
    const source = endpointId === undefined ? tx.store : tx.store.index('byEndpoint');
    const lower: IDBValidKey = lastKey ?? (endpointId === undefined ? 0 : [endpointId, 0]);
    const range =
      endpointId === undefined
        ? IDBKeyRange.lowerBound(lower, lastKey !== undefined)
        : IDBKeyRange.bound(lower, [endpointId, Infinity], lastKey !== undefined, false);
    const cursor = await source.openCursor(range);
    if (!cursor) return;
    lastKey = cursor.key;
    yield chunkEvents(cursor.value);
  }
}

export { byTime as compareEvents };
