import type { AttemptRow, DB } from '../store/schema';

/** How many attempts the diagnostics show per endpoint. */
export const ATTEMPTS_SHOWN = 50;

/** Reads an endpoint's stored attempts, newest first. */
export type AttemptLoader = (endpointId: string) => Promise<AttemptRow[]>;

/** Newest first: the `byEndpoint` index orders one endpoint's attempts by start time. */
export async function readAttempts(db: DB, endpointId: string, limit = ATTEMPTS_SHOWN): Promise<AttemptRow[]> {
  const range = IDBKeyRange.bound([endpointId, -Infinity], [endpointId, Infinity]);
  const rows: AttemptRow[] = [];
  let cursor = await db.transaction('attempts').store.index('byEndpoint').openCursor(range, 'prev');
  while (cursor && rows.length < limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return rows;
}
