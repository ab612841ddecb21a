import { olderPage } from '../../lib/store/reader';
import { openStore } from '../../lib/store/schema';
import { readChunkIndex, readCounters, stateAt } from '../../lib/store/view';
import { EventWriter } from '../../lib/store/writer';
import type { Commands } from '../protocol';
import { setEndpoints } from './endpoints';
import { realisticEvent, synthEvent } from './synth';

/** Spread the filled events over the last day, as a long recording would be. */
const SPAN_MS = 86_400_000;

/**
 * Fills the product's own database with the product's writer, one flush per `chunk` events.
 * The endpoint is stored disabled so the panel names it and the background leaves it alone.
 * With `turns`, that many endpoints (`<id>-1`...) take turns, an event each.
 */
export async function fill({ endpoint, events, chunk, kind, turns = 1 }: Commands['fill']['args']): Promise<Commands['fill']['result']> {
  const endpoints = turns > 1 ? Array.from({ length: turns }, (_, k) => ({ ...endpoint, id: `${endpoint.id}-${k + 1}`, name: `${endpoint.name} ${k + 1}` })) : [endpoint];
  await setEndpoints(endpoints);
  const db = await openStore();
  const writer = new EventWriter(db);
  await writer.init();
  const t = performance.now();
  const start = Date.now() - SPAN_MS;
  let bytes = 0;
  for (let i = 0; i < events; i += chunk) {
    const end = Math.min(events, i + chunk);
    for (let j = i; j < end; j++) {
      const time = start + (j * SPAN_MS) / events;
      const id = endpoints[j % endpoints.length]!.id;
      bytes += writer.append(kind === 'realistic' ? realisticEvent(id, j, time) : synthEvent(id, j, time, 500)).size;
    }
    await writer.flush();
  }
  const ms = performance.now() - t;
  const stored = endpoints.reduce((n, e) => n + (writer.meta(e.id)?.count ?? 0), 0);
  db.close();
  return { ms, stored, avgSize: bytes / events };
}

/** Time travel as the panel asks for it, through the store view. */
export async function travel({ endpointId, runs, jumps }: Commands['travel']['args']): Promise<Commands['travel']['result']> {
  const db = await openStore();
  const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const t = performance.now();
    const r = await work();
    return [performance.now() - t, r];
  };
  const openMs: number[] = [];
  let last = 0;
  for (let r = 0; r < runs; r++) {
    const [ms, s] = await time(() => stateAt(db, endpointId));
    openMs.push(ms);
    last = s.seq;
  }
  const jumpMs: number[] = [];
  for (let j = 0; j < jumps; j++) jumpMs.push((await time(() => stateAt(db, endpointId, 1 + Math.floor(Math.random() * last))))[0]);
  const [countersMs] = await time(() => readCounters(db));
  const [indexMs, index] = await time(() => readChunkIndex(db));
  db.close();
  return { openMs, jumpMs, countersMs, indexMs, indexRows: index.length };
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
