import type { StreamEvent } from '../model/event';
import type { EndpointState } from '../state';
import { request } from './request';
import type { Chunk, ChunkTyping, EndpointMeta, Snapshot } from './schema';
import { emptyCounters } from './derive';
import { packEvents, packState } from './packing';
import { detected, firstReceived, rebuildEndpoint, type WriteTx } from './rebuild';

/** A chunk as versions 1 and 2 stored it: its events as objects, with their typing from v2 on. */
type UnpackedChunk = Omit<Chunk, 'packed' | 'codec' | 'size'> & { events: StreamEvent[]; typing?: ChunkTyping };

/** v2 -> v3: each chunk's events packed in place (./packing.ts), its typing moved to its own store, its word filter written (v5). */
async function packChunks(tx: WriteTx): Promise<void> {
  let cursor = await tx.objectStore('chunks').openCursor();
  while (cursor) {
    const { events, typing, ...chunk } = cursor.value as unknown as UnpackedChunk;
    const { terms, ...packed } = packEvents(events);
    request(cursor.update({ ...chunk, ...packed }));
    if (typing) request(tx.objectStore('typing').put(typing, cursor.primaryKey));
    if (terms) request(tx.objectStore('terms').put(terms, cursor.primaryKey));
    cursor = await cursor.continue();
  }
}

/** A snapshot as versions 2 and 3 stored it: the state object itself. */
type UnpackedSnapshot = Omit<Snapshot, 'packed' | 'size'> & { state: EndpointState };

/** v3 -> v4: each snapshot's state packed in place. */
async function packSnapshots(tx: WriteTx): Promise<void> {
  let cursor = await tx.objectStore('snapshots').openCursor();
  while (cursor) {
    const { state, ...snapshot } = cursor.value as unknown as UnpackedSnapshot;
    request(cursor.update({ ...snapshot, ...packState(state) }));
    cursor = await cursor.continue();
  }
}

/**
 * v1 -> v2: every endpoint's chunks are typed (family detected the way `auto` does; the
 * background retypes an endpoint whose configured profile says otherwise), indexed, counted and
 * folded into snapshots.
 */
async function deriveStored(tx: WriteTx): Promise<void> {
  for (const old of await tx.objectStore('meta').getAll()) {
    const samples = await firstReceived(tx.objectStore('chunks').index('byEndpoint'), old.endpointId);
    const family = detected(samples);
    const meta: EndpointMeta = { ...emptyCounters(), ...old, family, profile: 'auto', detected: samples.length };
    await rebuildEndpoint(tx, meta, family);
  }
}

/**
 * Brings what a database of version `from` stored up to the current version, inside the upgrade
 * transaction: no event is dropped, and any failure aborts the upgrade, which leaves the old
 * database untouched.
 */
export function migrateStored(tx: WriteTx, from: number): void {
  void (async () => {
    // Before v2 derives new (packed) snapshots: v1 had none to pack.
    if (from < 4) await packSnapshots(tx);
    if (from < 3) await packChunks(tx);
    if (from < 2) await deriveStored(tx);
  })().catch(() => tx.abort());
}
