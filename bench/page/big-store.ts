import { chunkBytes, decodeUtf8, type PackedEvents } from '../../lib/store/packing';
import { olderPage } from '../../lib/store/reader';
import { SnapshotMemo } from '../../lib/store/fold-stored';
import { openStore } from '../../lib/store/schema';
import { readChunkIndex, readCounters, stateAt } from '../../lib/store/view';
import { EventWriter } from '../../lib/store/writer';
import { READ_AHEAD } from '../../lib/timeline/search-scan';
import { NEARBY_EVENTS, type Commands } from '../protocol';
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

/** Time travel as the panel asks for it, through the store view (with a memo of its last snapshot, as the panel's). */
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
  const memo = new SnapshotMemo();
  const jump = async (seq: number) => (await time(() => stateAt(db, endpointId, seq, memo)))[0];
  const jumpMs: number[] = [];
  for (let j = 0; j < jumps; j++) jumpMs.push(await jump(1 + Math.floor(Math.random() * last)));
  const nearMs: number[] = [];
  let seq = 1 + Math.floor(Math.random() * last);
  for (let j = 0; j < jumps; j++) {
    seq = Math.min(last, Math.max(1, seq + Math.round((Math.random() * 2 - 1) * NEARBY_EVENTS)));
    nearMs.push(await jump(seq));
  }
  const [countersMs] = await time(() => readCounters(db));
  const [indexMs, index] = await time(() => readChunkIndex(db));
  db.close();
  return { openMs, jumpMs, nearMs, countersMs, indexMs, indexRows: index.length };
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

/**
 * The floor under a search that reads every chunk: each chunk's record read from IndexedDB with
 * up to READ_AHEAD reads in flight, started in batches as each search Worker starts them (one
 * transaction each, once half of the last are done), and nothing else done; then the
 * same reads with each chunk's text unpacked and decoded, as a search does before its tests.
 */
export async function readAll(): Promise<Commands['readAll']['result']> {
  const db = await openStore();
  const cids = (await readChunkIndex(db)).map((c) => c.cid);
  const pass = async (use: (chunk: PackedEvents) => void): Promise<number> => {
    const t = performance.now();
    const ahead: Promise<PackedEvents | undefined>[] = [];
    let next = 0;
    for (let k = 0; k < cids.length; k++) {
      if (ahead.length <= READ_AHEAD / 2) {
        const store = db.transaction('chunks').store;
        while (next < cids.length && ahead.length < READ_AHEAD) ahead.push(store.get(cids[next++]!));
      }
      const chunk = await ahead.shift()!;
      if (chunk) use(chunk);
    }
    return performance.now() - t;
  };
  let bytes = 0;
  const readMs = await pass((chunk) => (bytes += chunk.packed.byteLength));
  const decodeMs = await pass((chunk) => void decodeUtf8(chunkBytes(chunk)));
  db.close();
  return { chunks: cids.length, mb: bytes / 1e6, readMs, decodeMs };
}
