import type { Retention } from '../config/endpoint';
import type { DB } from './schema';
import type { EventWriter } from './writer';

const DAY_MS = 86_400_000;

/**
 * Chunks of one endpoint that fall outside its retention: the oldest first, while the
 * endpoint holds more than `maxEvents` or the chunk's newest event is older than `maxAgeDays`.
 * Reads the chunk index only, never events.
 */
export async function chunksOverRetention(db: DB, endpointId: string, stored: number, r: Retention, now: number): Promise<number[]> {
  const cutoff = now - r.maxAgeDays * DAY_MS;
  const doomed: number[] = [];
  let excess = stored - r.maxEvents;
  const range = IDBKeyRange.bound([endpointId, 0], [endpointId, Infinity]);
  let cursor = await db.transaction('index').store.index('byEndpoint').openCursor(range);
  while (cursor) {
    const chunk = cursor.value;
    if (excess <= 0 && chunk.t1 >= cutoff) break;
    doomed.push(cursor.primaryKey);
    excess -= chunk.count;
    cursor = await cursor.continue();
  }
  return doomed;
}

/**
 * Applies retention to every endpoint; returns the number of events deleted. What the deleted
 * events built stays in the endpoint's state (a snapshot at the horizon).
 */
export async function applyRetention(db: DB, writer: EventWriter, caps: Map<string, Retention>, now = Date.now()): Promise<number> {
  return writer.exclusive(async () => {
    let deleted = 0;
    for (const meta of writer.allMeta()) {
      const r = caps.get(meta.endpointId);
      if (!r) continue;
      deleted += await writer.deleteChunks(await chunksOverRetention(db, meta.endpointId, meta.count, r, now));
    }
    return deleted;
  });
}

/** Deletes the stored events of one endpoint (or all) and their state; sequence numbers and resume ids stay. */
export async function clearEvents(db: DB, writer: EventWriter, endpointId?: string): Promise<number> {
  return writer.exclusive(async () => {
    const keys =
      endpointId === undefined
        ? await db.getAllKeys('chunks')
        : await db.getAllKeysFromIndex('chunks', 'byEndpoint', IDBKeyRange.bound([endpointId, 0], [endpointId, Infinity]));
    return writer.deleteChunks(keys, { forget: true });
  });
}
