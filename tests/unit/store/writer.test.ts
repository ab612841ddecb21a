import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { FINAL_EVENTS } from '../../../lib/store/compact';
import { allEvents, olderPage } from '../../../lib/store/reader';
import { chunkEvents } from '../../../lib/store/packing';
import { applyRetention, clearEvents } from '../../../lib/store/retention';
import { DB_VERSION, openStore } from '../../../lib/store/schema';
import { EventWriter } from '../../../lib/store/writer';
import { abortWrites } from './aborted-writes';

let n = 0;
const freshDb = () => openStore(`test-${Date.now()}-${n++}`);

const ev = (endpointId: string, i: number, extra: Partial<StreamEvent> = {}): Omit<StreamEvent, 'seq'> => ({
  endpointId,
  time: 1_000 + i,
  dir: 'in',
  transport: 'sse',
  name: 'tick',
  id: String(i),
  data: `{"i":${i}}`,
  size: 8,
  ...extra,
});

async function collect(gen: AsyncGenerator<StreamEvent[]>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const c of gen) out.push(...c);
  return out;
}

describe('EventWriter', () => {
  it('numbers events per endpoint and writes them with their counters and resume id', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    for (let i = 1; i <= 5; i++) w.append(ev('a', i));
    for (let i = 1; i <= 3; i++) w.append(ev('b', i));
    expect(w.pending().map((e) => `${e.endpointId}${e.seq}`)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3']);
    await w.flush();
    expect(w.pending()).toEqual([]);
    const meta = await db.get('meta', 'a');
    expect(meta).toMatchObject({ lastSeq: 5, lastEventId: '5', count: 5, bytes: 40 });
    expect((await db.get('meta', 'b'))?.count).toBe(3);
    expect(await db.count('chunks')).toBe(2); // one chunk per endpoint per flush
  });

  it('counts the batch being written as pending until it is on disk (a page subscribing then misses nothing)', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    w.append(ev('a', 1));
    w.append(ev('a', 2));
    const written = w.flush();
    // The flush has taken the queue: its events are on their way to disk, not on it.
    while (w.queued() > 0) await Promise.resolve();
    w.append(ev('a', 3));
    expect(w.pending().map((e) => e.seq)).toEqual([1, 2, 3]);
    await written;
    expect(w.pending()).toEqual([]);
    expect((await db.get('meta', 'a'))?.count).toBe(3);
  });

  it('continues sequence numbers and the resume id after a restart', async () => {
    const db = await freshDb();
    const w1 = new EventWriter(db);
    await w1.init();
    w1.append(ev('a', 1));
    w1.append(ev('a', 2));
    await w1.flush();
    const w2 = new EventWriter(db);
    await w2.init();
    expect(w2.meta('a')?.lastEventId).toBe('2');
    expect(w2.append(ev('a', 3)).seq).toBe(3);
  });

  it('keeps the previous resume id when a batch has no ids, and ignores ids of sent frames', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    w.append(ev('a', 1));
    await w.flush();
    w.append(ev('a', 2, { id: undefined }));
    w.append(ev('a', 3, { dir: 'out', id: 'x' }));
    await w.flush();
    expect(w.meta('a')?.lastEventId).toBe('1');
  });

  it('when a write fails, its events and those that came meanwhile are written again, in order, nothing lost or twice', async () => {
    const db = await freshDb();
    const errors: string[] = [];
    const w = new EventWriter(db, { error: (m) => errors.push(m) });
    await w.init();
    // The first flush fails.
    abortWrites(db, (k) => k === 0);
    for (let i = 1; i <= 3; i++) w.append(ev('a', i));
    const written = w.flush();
    while (w.queued() > 0) await Promise.resolve();
    for (let i = 4; i <= 5; i++) w.append(ev('a', i));
    await written;
    expect(errors).toHaveLength(1);
    expect(w.pending().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await db.count('chunks')).toBe(0);
    await w.flush();
    expect((await collect(allEvents(db, 'a'))).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(w.meta('a')).toMatchObject({ count: 5, lastSeq: 5, lastEventId: '5' });
    expect(await db.get('meta', 'a')).toMatchObject({ count: 5, lastSeq: 5 });
  });

  it('flushes by itself after a short delay and batches under load', async () => {
    const db = await freshDb();
    const persisted: number[] = [];
    const w = new EventWriter(db, { persisted: (b) => persisted.push(b.length) }, { maxBatch: 100, maxDelayMs: 5 });
    await w.init();
    for (let i = 1; i <= 1000; i++) w.append(ev('a', i));
    await new Promise((r) => setTimeout(r, 100));
    await w.flush();
    expect(persisted.reduce((s, x) => s + x, 0)).toBe(1000);
    expect(persisted.length).toBeLessThan(1000);
    expect((await collect(allEvents(db, 'a'))).map((e) => e.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('reports an endpoint overloaded when its queue passes the bound, and recovered after', async () => {
    const db = await freshDb();
    const changes: string[] = [];
    const w = new EventWriter(db, { overload: (id, on) => changes.push(`${id}:${on}`) }, { overloadAt: 10, maxBatch: 1000, maxDelayMs: 1000 });
    await w.init();
    for (let i = 1; i <= 10; i++) w.append(ev('a', i));
    expect(changes).toEqual([]);
    w.append(ev('a', 11));
    expect(changes).toEqual(['a:true']);
    await w.flush();
    expect(changes).toEqual(['a:true', 'a:false']);
    expect(await db.count('chunks')).toBe(1);
  });

  it('on a full disk evicts the oldest chunks, tells, and keeps every queued event', async () => {
    const db = await freshDb();
    const quota: number[] = [];
    const w = new EventWriter(db, { quota: (n) => quota.push(n) });
    await w.init();
    for (let i = 1; i <= 10; i++) {
      w.append(ev('a', i));
      await w.flush();
    }
    const realTx = db.transaction.bind(db);
    let fail = 1;
    (db as { transaction: unknown }).transaction = ((...args: Parameters<typeof realTx>) => {
      if (args[1] === 'readwrite' && args[2] && fail-- > 0) throw new DOMException('full', 'QuotaExceededError');
      return realTx(...args);
    }) as typeof db.transaction;
    w.append(ev('a', 11));
    await w.flush();
    // The first eight one-event chunks were merged into one (./compact.ts): the oldest tenth of three chunks is that one.
    expect(quota).toEqual([8]);
    const seqs = (await collect(allEvents(db, 'a'))).map((e) => e.seq);
    expect(seqs).toEqual([9, 10, 11]);
    expect(w.meta('a')?.count).toBe(3);
  });
});

describe('reader', () => {
  it('writes a flush of several endpoints as one group, each event at its place in the flush', async () => {
    const db = await freshDb();
    const w = new EventWriter(db, {}, { maxBatch: 4, maxDelayMs: 10_000 });
    await w.init();
    for (const id of ['a', 'b', 'a']) w.append(ev(id, 1));
    await w.flush();
    // One endpoint alone: a chunk of its own.
    w.append(ev('a', 2));
    await w.flush();
    // An endpoint split into two chunks (maxBatch): not woven, each chunk a unit.
    for (const id of ['b', 'a', 'a', 'a', 'a', 'a']) w.append(ev(id, 3));
    await w.flush();
    const rows = await db.getAll('index');
    const first = rows[0]!.cid;
    expect(rows.map((r) => ({ id: r.endpointId, count: r.count, group: r.group, at: r.at && [...r.at] }))).toEqual([
      { id: 'a', count: 2, group: first, at: [0, 2] },
      { id: 'b', count: 1, group: first, at: [1] },
      { id: 'a', count: 1, group: undefined, at: undefined },
      { id: 'b', count: 1, group: undefined, at: undefined },
      { id: 'a', count: 4, group: undefined, at: undefined },
      { id: 'a', count: 1, group: undefined, at: undefined },
    ]);
  });

  it('pages newest first across endpoints and per endpoint, oldest first within a page', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    for (let i = 1; i <= 30; i++) {
      w.append(ev(i % 2 ? 'a' : 'b', i));
      if (i % 5 === 0) await w.flush();
    }
    const p1 = await olderPage(db, { limit: 10 });
    expect(p1.events.map((e) => e.time)).toEqual([...p1.events.map((e) => e.time)].sort((x, y) => x - y));
    expect(p1.events.at(-1)?.time).toBe(1030);
    const p2 = await olderPage(db, { limit: 100, before: p1.before });
    expect(p2.before).toBeUndefined();
    expect(p1.events.length + p2.events.length).toBe(30);
    const a = await olderPage(db, { limit: 4, endpointId: 'a' });
    expect(a.events.every((e) => e.endpointId === 'a')).toBe(true);
    const rest = await olderPage(db, { limit: 100, endpointId: 'a', before: a.before });
    expect([...rest.events, ...a.events].map((e) => e.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });
});

describe('retention and clearing', () => {
  it('drops the oldest chunks over the count cap or the age cap, keeping counters right', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    for (let i = 1; i <= 20; i++) {
      w.append(ev('a', i, { time: i * 1000 }));
      // Another endpoint's large chunk after each of a's keeps a's chunks as they are (only the newest small chunks of the store are merged).
      if (i % 2 === 0) for (let k = 0; k < FINAL_EVENTS; k++) w.append(ev('b', i));
      if (i % 2 === 0) await w.flush();
    }
    // Every chunk is written with its word filter, and loses it with its events.
    expect(await db.getAllKeys('terms')).toEqual(await db.getAllKeys('chunks'));
    const deleted = await applyRetention(db, w, new Map([['a', { maxEvents: 10, maxAgeDays: 365 }]]), 20_000);
    expect(deleted).toBe(10);
    expect(await db.getAllKeys('terms')).toEqual(await db.getAllKeys('chunks'));
    expect(w.meta('a')?.count).toBe(10);
    const aged = await applyRetention(db, w, new Map([['a', { maxEvents: 1000, maxAgeDays: 5000 / 86_400_000 }]]), 20_000);
    expect(aged).toBe(4); // events at 11..14 s are older than 15 s
    expect((await collect(allEvents(db, 'a'))).map((e) => e.seq)).toEqual([15, 16, 17, 18, 19, 20]);
  });

  it('clears one endpoint or all, and sequence numbers carry on', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    w.append(ev('a', 1));
    w.append(ev('b', 1));
    await w.flush();
    expect(await clearEvents(db, w, 'a')).toBe(1);
    expect((await collect(allEvents(db))).map((e) => e.endpointId)).toEqual(['b']);
    expect(w.meta('a')?.count).toBe(0);
    expect(w.append(ev('a', 2)).seq).toBe(2);
    await w.flush();
    expect(await clearEvents(db, w)).toBe(2);
    expect(await db.count('chunks')).toBe(0);
    expect(await db.count('terms')).toBe(0);
  });
});

describe('schema', () => {
  it('creates every store at the current version', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['attempts', 'chunks', 'index', 'kv', 'meta', 'notifications', 'snapshots', 'terms', 'typing']);
  });
});

describe('chunk size', () => {
  it('splits a large flush into chunks of at most maxBatch events, in one transaction', async () => {
    const db = await freshDb();
    const w = new EventWriter(db, {}, { maxBatch: 100, maxDelayMs: 10_000 });
    await w.init();
    // Appended synchronously: the flush the 100th schedules runs after all 250 are queued.
    for (let i = 1; i <= 250; i++) w.append(ev('a', i));
    await w.flush();
    expect(await db.count('chunks')).toBe(3);
    const chunks = await db.getAll('chunks');
    const sizes = chunks.map((c) => chunkEvents(c).length);
    expect(sizes.every((n) => n <= 100)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(250);
    expect(w.meta('a')).toMatchObject({ count: 250, lastSeq: 250, lastEventId: '250' });
  });
});
