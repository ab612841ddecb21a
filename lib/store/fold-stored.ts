import type { CustomProfile } from '../config/custom-profile';
import type { Family } from '../model/typed';
import { typeForFold } from '../protocols';
import { emptySlice, type EndpointState } from '../state';
import { foldInto } from './derive';
import { chunkEvents, unpackState } from './packing';
import { endpointRange } from './rebuild';
import type { DB, Snapshot } from './schema';

type FoldTx = ReturnType<DB['transaction']>;

/**
 * The oldest snapshot when it is the retention horizon (the events it folded are deleted), so it
 * stands for everything below it; a snapshot whose events are still stored does not.
 */
async function horizonOf(tx: FoldTx, endpointId: string): Promise<Snapshot | undefined> {
  const oldest = (await tx.objectStore('snapshots').openCursor(endpointRange(endpointId)))?.value;
  if (!oldest) return undefined;
  const firstChunk = (await tx.objectStore('index').index('byEndpoint').openCursor(endpointRange(endpointId)))?.value;
  return !firstChunk || firstChunk.firstSeq > oldest.seq ? oldest : undefined;
}

/**
 * The endpoint's state after its stored events with seq <= atSeq: the nearest snapshot at or
 * before atSeq, then the events after it folded forward. Below the oldest snapshot (the
 * retention horizon) nothing older is left: that snapshot is the answer. `custom` is the
 * definition a `custom` endpoint's events were typed with.
 */
export async function foldStored(db: DB, endpointId: string, family: Family, atSeq = Infinity, custom?: CustomProfile): Promise<{ state: EndpointState; seq: number }> {
  const tx = db.transaction(['snapshots', 'index', 'chunks', 'typing']);
  const snapshots = tx.objectStore('snapshots');
  const before = await snapshots.openCursor(IDBKeyRange.bound([endpointId, -Infinity], [endpointId, atSeq]), 'prev');
  const snap = before?.value ?? (await horizonOf(tx, endpointId));
  const from = snap?.seq ?? 0;
  const unpack = () => (snap ? unpackState(snap) : emptySlice(family));
  if (from >= atSeq) return { state: unpack(), seq: from };
  // The chunk holding seq from + 1 starts at or before it.
  const start = await tx.objectStore('index').index('byEndpoint').openCursor(IDBKeyRange.bound([endpointId, -Infinity], [endpointId, from + 1]), 'prev');
  // The reads are asked for before the snapshot is unpacked, so the database works on them meanwhile.
  const read = tx
    .objectStore('chunks')
    .index('byEndpoint')
    .getAll(IDBKeyRange.bound([endpointId, start?.value.firstSeq ?? -Infinity], [endpointId, atSeq]))
    .then(async (chunks) => ({ chunks, typings: await Promise.all(chunks.map((c) => tx.objectStore('typing').get(c.cid!))) }));
  let state = unpack();
  const { chunks, typings } = await read;
  let seq = from;
  for (const [k, chunk] of chunks.entries()) {
    const stored = chunkEvents(chunk);
    const bad = new Set((typings[k]?.invalid ?? []).map((i) => stored[i]!.seq));
    const events = stored.filter((e) => e.seq > from && e.seq <= atSeq).map((e) => ({ ...e, typed: typeForFold(e, state.family, !bad.has(e.seq), custom) }));
    if (events.length === 0) continue;
    state = foldInto(state, events);
    seq = events[events.length - 1]!.seq;
  }
  return { state, seq };
}
