import type { CustomProfile } from '../config/custom-profile';
import type { Family, TypedStreamEvent } from '../model/typed';
import { typeForFold } from '../protocols';
import { emptySlice, type EndpointState } from '../state';
import { batcher } from '../state/immutable';
import { foldInto } from './derive';
import { applyStatePatch } from '../state/patch';
import { chunkEvents, unpackPatch, unpackState } from './packing';
import { endpointRange } from './rebuild';
import { request } from './request';
import type { DB, Snapshot } from './schema';

type FoldTx = ReturnType<DB['transaction']>;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The last full snapshot a view unpacked, kept for the next jump: events picked one after another
 * in one stretch of the timeline fold forward from the same snapshot (or from deltas of it, whose
 * small patches are applied anew each time), and unpacking a large state
 * (inflate, JSON.parse of ~800 KB into thousands of objects, then collecting them) is about half
 * of such a jump. It is taken again only when the stored bytes are the same, so a snapshot
 * rewritten under the same key (history cleared, events re-typed) is never mistaken for it.
 * States are never changed in place (lib/state/immutable.ts): one can be handed out many times.
 */
export class SnapshotMemo {
  private kept: { packed: Uint8Array; state: EndpointState } | undefined;

  unpack(snapshot: Snapshot): EndpointState {
    if (this.kept && sameBytes(this.kept.packed, snapshot.packed)) return this.kept.state;
    const state = unpackState(snapshot);
    this.kept = { packed: snapshot.packed, state };
    return state;
  }
}

/**
 * A stored snapshot's state: a full one unpacked, a delta's patch applied to its base. `memo`
 * keeps the full state, which the deltas after it share.
 */
function snapshotState(snapshot: Snapshot, base: Snapshot | undefined, memo?: SnapshotMemo): EndpointState {
  const unpack = (s: Snapshot) => (memo ? memo.unpack(s) : unpackState(s));
  if (snapshot.base === undefined) return unpack(snapshot);
  if (!base) throw new Error(`The state snapshot at event ${snapshot.seq} of ${snapshot.endpointId} has lost the snapshot it completes (event ${snapshot.base}).`);
  return applyStatePatch(unpack(base), unpackPatch(snapshot));
}

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
 *
 * A jump overlaps its reads with its work: the snapshot's key is read first without its value,
 * every read is asked for before anything is unpacked, and each chunk is folded as soon as it
 * arrives while the next ones are still being read, all in one batch (each dictionary of the
 * state is copied once, not once per chunk).
 * `memo` spares a view unpacking the same snapshot for jump after jump.
 */
export async function foldStored(db: DB, endpointId: string, family: Family, atSeq = Infinity, custom?: CustomProfile, memo?: SnapshotMemo): Promise<{ state: EndpointState; seq: number }> {
  const tx = db.transaction(['snapshots', 'index', 'chunks', 'typing']);
  const snapshots = tx.objectStore('snapshots');
  const key = (await snapshots.openKeyCursor(IDBKeyRange.bound([endpointId, -Infinity], [endpointId, atSeq]), 'prev'))?.key;
  const snap = key ? snapshots.get(key) : horizonOf(tx, endpointId);
  // A delta's base is asked for as soon as the delta arrives, ahead of the chunks.
  const base = snap.then((s) => (s?.base === undefined ? undefined : snapshots.get([endpointId, s.base])));
  // Awaited when the state is unpacked; a jump that fails before then leaves no unhandled rejection.
  request(base);
  const from = key?.[1] ?? (await snap)?.seq ?? 0;
  const unpack = async () => {
    const s = await snap;
    return s ? snapshotState(s, await base, memo) : emptySlice(family);
  };
  if (from >= atSeq) return { state: await unpack(), seq: from };
  const index = tx.objectStore('index').index('byEndpoint');
  // The chunk holding seq from + 1 starts at or before it.
  const start = await index.openCursor(IDBKeyRange.bound([endpointId, -Infinity], [endpointId, from + 1]), 'prev');
  const rows = await index.getAll(IDBKeyRange.bound([endpointId, start?.value.firstSeq ?? -Infinity], [endpointId, atSeq]));
  const reads = rows.map((r) => Promise.all([tx.objectStore('chunks').get(r.cid), tx.objectStore('typing').get(r.cid)]));
  let state = await unpack();
  let seq = from;
  const run = batcher();
  for (const read of reads) {
    const [chunk, typing] = await read;
    if (!chunk) continue;
    const stored = chunkEvents(chunk);
    const bad = new Set(typing?.invalid ?? []);
    const events: TypedStreamEvent[] = [];
    for (const [i, e] of stored.entries()) {
      if (e.seq > from && e.seq <= atSeq) events.push({ ...e, typed: typeForFold(e, state.family, !bad.has(i), custom) });
    }
    if (events.length === 0) continue;
    state = foldInto(state, events, run);
    seq = events[events.length - 1]!.seq;
  }
  return { state, seq };
}
