import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { openStore, type DB } from '../../lib/store/schema';
import { EventWriter } from '../../lib/store/writer';
import type { Commands, LayoutResult, LayoutRun } from '../protocol';
import { synthEvent, type SynthEvent } from './synth';

const CHUNKED_DB = 'bench-chunked';
const PER_EVENT_DB = 'bench-per-event';
const ROUNDS = 2;
const ENDPOINT = 'bench-layout';

/** The layout we did not choose: one record per event with the three indexes a timeline needs. */
function openPerEvent(): Promise<IDBPDatabase> {
  return openDB(PER_EVENT_DB, 1, {
    upgrade(db) {
      const store = db.createObjectStore('events', { autoIncrement: true });
      store.createIndex('byEndpoint', ['endpointId', 'seq']);
      store.createIndex('byTime', 'time');
      store.createIndex('byType', 'type');
    },
  });
}

async function writePerEvent(db: IDBPDatabase, events: SynthEvent[], firstSeq: number, batch: number): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    const tx = db.transaction('events', 'readwrite', { durability: 'relaxed' });
    const end = Math.min(events.length, i + batch);
    for (let j = i; j < end; j++) void tx.store.add({ ...events[j]!, seq: firstSeq + j });
    await tx.done;
  }
}

/** Our layout as the background uses it; `flush` after each batch makes one chunk per transaction. */
async function writeChunked(writer: EventWriter, events: SynthEvent[], batch: number): Promise<void> {
  for (let i = 0; i < events.length; i += batch) {
    const end = Math.min(events.length, i + batch);
    for (let j = i; j < end; j++) writer.append(events[j]!);
    await writer.flush();
  }
}

/**
 * Both layouts write the same pre-built events (built before timing) in transactions of `batch`
 * events with relaxed durability, taking turns going first, so neither always meets the other's leftover compaction.
 */
export async function layout({ events: total, batch, size }: Commands['layout']['args']): Promise<LayoutResult> {
  await deleteDB(CHUNKED_DB);
  await deleteDB(PER_EVENT_DB);
  const chunkedDb: DB = await openStore(CHUNKED_DB);
  const writer = new EventWriter(chunkedDb);
  await writer.init();
  const perEventDb = await openPerEvent();
  const per = Math.ceil(total / ROUNDS);
  const runs: LayoutRun[] = [];
  const now = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const events = Array.from({ length: per }, (_, i) => synthEvent(ENDPOINT, round * per + i, now + round * per + i, size));
    const order: LayoutRun['layout'][] = round % 2 === 0 ? ['per-event', 'chunked'] : ['chunked', 'per-event'];
    for (const which of order) {
      const t = performance.now();
      if (which === 'chunked') await writeChunked(writer, events, batch);
      else await writePerEvent(perEventDb, events, round * per + 1, batch);
      runs.push({ layout: which, events: per, ms: performance.now() - t });
    }
  }
  chunkedDb.close();
  perEventDb.close();
  await deleteDB(CHUNKED_DB);
  await deleteDB(PER_EVENT_DB);
  return { runs };
}
