import { olderPage } from '../../lib/store/reader';
import { openStore } from '../../lib/store/schema';
import { EventWriter } from '../../lib/store/writer';
import type { Commands } from '../protocol';
import { setEndpoints } from './endpoints';
import { synthEvent } from './synth';

/** Spread the filled events over the last day, as a long recording would be. */
const SPAN_MS = 86_400_000;

/**
 * Fills the product's own database with the product's writer, one chunk per `chunk` events.
 * The endpoint is stored disabled so the panel names it and the background leaves it alone.
 */
export async function fill({ endpoint, events, chunk }: Commands['fill']['args']): Promise<Commands['fill']['result']> {
  await setEndpoints([endpoint]);
  const db = await openStore();
  const writer = new EventWriter(db);
  await writer.init();
  const t = performance.now();
  const start = Date.now() - SPAN_MS;
  for (let i = 0; i < events; i += chunk) {
    const end = Math.min(events, i + chunk);
    for (let j = i; j < end; j++) writer.append(synthEvent(endpoint.id, j, start + (j * SPAN_MS) / events, 500));
    await writer.flush();
  }
  const ms = performance.now() - t;
  const stored = writer.meta(endpoint.id)?.count ?? 0;
  db.close();
  return { ms, stored };
}

/** The read the panel does first: the newest `limit` events across endpoints. */
export async function read({ runs, limit }: Commands['read']['args']): Promise<Commands['read']['result']> {
  const db = await openStore();
  const ms: number[] = [];
  let events = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    events = (await olderPage(db, { limit })).events.length;
    ms.push(performance.now() - t);
  }
  db.close();
  return { ms, events };
}
