import { allEvents } from '../../lib/store/reader';
import { openStore } from '../../lib/store/schema';
import type { Commands, IngestResult } from '../protocol';
import { setEndpoints, sleep } from './endpoints';

const SAMPLE_MS = 200;
/** No growth this long after the expected count was reached: the disk has caught up. */
const SETTLED_MS = 2000;
/** No growth this long at all: the rest was lost (or never sent). */
const STALLED_MS = 10_000;

/**
 * Lets the background record one endpoint and watches its `meta` counter, which the writer
 * updates in the same transaction as the events: the counter is what is on disk. Each read is a
 * one-row transaction that only waits for the writer's current one.
 */
export async function ingest({ endpoint, expect, timeoutMs }: Commands['ingest']['args']): Promise<IngestResult> {
  const db = await openStore();
  const count = async () => (await db.get('meta', endpoint.id))?.count ?? 0;
  const base = await count();
  const start = Date.now();
  const samples: [number, number][] = [[start, 0]];
  await setEndpoints([endpoint]);
  let last = base;
  let changedAt = start;
  for (;;) {
    await sleep(SAMPLE_MS);
    const now = Date.now();
    const c = await count();
    samples.push([now, c - base]);
    if (c !== last) [last, changedAt] = [c, now];
    const still = now - changedAt;
    if ((c - base >= expect && still >= SETTLED_MS) || still >= STALLED_MS || now - start > timeoutMs) break;
  }
  await setEndpoints([]);

  const result: IngestResult = { samples, storedIn: 0, markers: {}, chunks: 0, maxChunkEvents: 0 };
  for await (const events of allEvents(db, endpoint.id)) {
    result.chunks++;
    result.maxChunkEvents = Math.max(result.maxChunkEvents, events.length);
    for (const ev of events) {
      if (ev.dir === 'sys') {
        const kind = ev.name ?? '?';
        result.markers[kind] = (result.markers[kind] ?? 0) + 1;
      } else if (ev.dir === 'in') {
        result.storedIn++;
      }
    }
  }
  db.close();
  return result;
}
