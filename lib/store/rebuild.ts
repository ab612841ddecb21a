import type { IDBPIndex, IDBPTransaction, StoreNames } from 'idb';
import type { StreamEvent } from '../model/event';
import type { CustomProfile } from '../config/custom-profile';
import type { Family } from '../model/typed';
import { detectFamily } from '../protocols';
import { DETECT_SAMPLE, tellsFamily } from '../protocols/typing';
import { emptySlice } from '../state';
import { addSummary, emptyCounters, foldChunk, newFolder, typeChunk, type Folder } from './derive';
import { chunkEvents } from './packing';
import { request } from './request';
import type { ChunkInfo, EndpointCounters, EndpointMeta, StreamscopeDB } from './schema';

type Stores = ArrayLike<StoreNames<StreamscopeDB>>;
/** A transaction over every store this touches, from the writer or from a version upgrade. */
export type WriteTx = IDBPTransaction<StreamscopeDB, Stores, 'readwrite' | 'versionchange'>;
type ChunksByEndpoint = IDBPIndex<StreamscopeDB, Stores, 'chunks', 'byEndpoint', IDBTransactionMode>;

export const endpointRange = (endpointId: string): IDBKeyRange => IDBKeyRange.bound([endpointId, -Infinity], [endpointId, Infinity]);

/** The endpoint's first stored events that tell its family, as many as detection looks at. */
export async function firstReceived(chunks: ChunksByEndpoint, endpointId: string): Promise<StreamEvent[]> {
  const samples: StreamEvent[] = [];
  let cursor = await chunks.openCursor(endpointRange(endpointId));
  while (cursor && samples.length < DETECT_SAMPLE) {
    for (const ev of chunkEvents(cursor.value)) if (tellsFamily(ev) && samples.length < DETECT_SAMPLE) samples.push(ev);
    cursor = await cursor.continue();
  }
  return samples;
}

/** `auto`'s choice from samples: `generic` while it cannot tell. */
export const detected = (samples: StreamEvent[]): Family => (samples.length > 0 ? detectFamily(samples)?.family : undefined) ?? 'generic';

/**
 * Re-derives everything kept about one endpoint's stored events with `family`: chunk typing,
 * index rows, counters and snapshots (the state is refolded from its first stored event, so
 * what deleted events built under another family is not recovered). `custom`: the definition
 * of a `custom` endpoint.
 */
export async function rebuildEndpoint(tx: WriteTx, meta: EndpointMeta, family: Family, snapshotMin?: number, custom?: CustomProfile): Promise<{ meta: EndpointMeta; folder: Folder }> {
  const id = meta.endpointId;
  const index = tx.objectStore('index');
  const snapshots = tx.objectStore('snapshots');
  // A group's place in the all-endpoints order is not the typing's: it is kept as it was.
  const groups = new Map<number, Pick<ChunkInfo, 'group' | 'at'>>();
  for (const row of await index.index('byEndpoint').getAll(endpointRange(id))) {
    if (row.group !== undefined) groups.set(row.cid, { group: row.group, at: row.at });
    request(index.delete(row.cid));
  }
  request(snapshots.delete(endpointRange(id)));
  let counters: EndpointCounters = { ...emptyCounters(), lastSeq: meta.lastSeq, lastTime: meta.lastTime };
  let folder = newFolder(emptySlice(family), 0, snapshotMin);
  let cursor = await tx.objectStore('chunks').index('byEndpoint').openCursor(endpointRange(id));
  while (cursor) {
    const chunk = cursor.value;
    const typed = typeChunk(id, chunkEvents(chunk), family, custom);
    request(tx.objectStore('typing').put(typed.typing, cursor.primaryKey));
    request(index.put({ ...typed.info, cid: chunk.cid!, ...groups.get(chunk.cid!) }));
    counters = addSummary(counters, typed.info, 1);
    counters.firstTime ??= chunk.t0;
    const r = foldChunk(folder, typed.events);
    folder = r.folder;
    if (r.snapshot) request(snapshots.put(r.snapshot));
    cursor = await cursor.continue();
  }
  const next: EndpointMeta = { ...meta, ...counters, family, custom };
  request(tx.objectStore('meta').put(next));
  return { meta: next, folder };
}
