import { describe, expect, it } from 'vitest';
import { utf8Size, type StreamEvent } from '../../../lib/model/event';
import { typeEvent } from '../../../lib/protocols';
import { emptyState, foldEvents } from '../../../lib/state';
import type { PlansState } from '../../../lib/state/plans';
import { allEvents } from '../../../lib/store/reader';
import { openStore } from '../../../lib/store/schema';
import { mayContain, termQuery, type ChunkTerms } from '../../../lib/query/terms';
import { latestReceived, readChunk, readChunkIndex, readCounters, readIndexAfter, readChunkTyping, readChunkTypings, readRawChunks, seqAtTime, stateAt, storedEventsOf } from '../../../lib/store/view';
import { EventWriter } from '../../../lib/store/writer';

let n = 0;
const freshDb = () => openStore(`view-${Date.now()}-${n++}`);

const TIME = '2024-05-01T10:00:00.000Z';
const plan = (endpointId: string, i: number, name: string, payload: unknown, dir: StreamEvent['dir'] = 'in'): Omit<StreamEvent, 'seq'> => {
  const data = JSON.stringify(payload);
  return { endpointId, time: 10_000 + i * 10, dir, transport: 'sse', name, id: dir === 'in' ? String(i) : undefined, data, size: utf8Size(data) };
};

/** Plans events on `p`, markers and junk in between; a small writer batch makes many chunks. */
async function filled() {
  const db = await freshDb();
  const w = new EventWriter(db, {}, { maxBatch: 7 });
  await w.init();
  w.append(plan('p', 0, 'plan.created', { id: 'p-1', title: 'First', state: 'draft', created_at: TIME }));
  for (let i = 1; i < 60; i++) {
    if (i % 13 === 0) w.append(plan('p', i, 'gap', { message: 'Gap: 3 missing' }, 'sys'));
    else if (i % 17 === 0) w.append(plan('p', i, 'plan.created', { id: `p-${i}`, title: 'Bad', state: 'draft', created_at: 'today' }));
    else w.append(plan('p', i, 'plan.log.new', { plan_id: 'p-1', id: `log-${i}`, entry: `Step ${i}`, created_at: TIME }));
    if (i % 5 === 0) w.append(plan('q', i, 'message', { hello: i }));
    if (i % 7 === 0) await w.flush();
  }
  w.append(plan('p', 99, 'plan.state.changed', { plan_id: 'p-1', state: 'approved' }));
  await w.flush();
  return db;
}

async function stored(db: Awaited<ReturnType<typeof freshDb>>, endpointId: string): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const c of allEvents(db, endpointId)) out.push(...c);
  return out;
}

describe('store view', () => {
  it('gives an endpoint’s latest received events, newest first, across as many chunks as hold them', async () => {
    const db = await filled();
    const want = (await stored(db, 'p')).filter((e) => e.dir === 'in').reverse();
    // More than the newest chunk holds (the writer's batch is 7), and markers are skipped.
    expect(await latestReceived(db, 'p', 12)).toEqual(want.slice(0, 12));
    expect(await latestReceived(db, 'p', 1000)).toEqual(want);
    expect(await latestReceived(db, 'nobody', 5)).toEqual([]);
  });

  it('indexes every chunk with counts that match its events', async () => {
    const db = await filled();
    const index = await readChunkIndex(db);
    expect(index.map((c) => c.cid)).toEqual([...index.map((c) => c.cid)].sort((a, b) => a - b));
    let total = 0;
    for (const info of index) {
      const events = await readChunk(db, info.cid);
      total += events.length;
      expect(info.count).toBe(events.length);
      expect(events[0]!.seq).toBe(info.firstSeq);
      expect(events.at(-1)!.seq).toBe(info.lastSeq);
      expect(info.dirs.in + info.dirs.out + info.dirs.sys).toBe(info.count);
      expect(Object.values(info.types).reduce((a, b) => a + b, 0)).toBe(info.count);
      expect(info.invalid).toBe(events.filter((e) => !e.valid).length);
    }
    expect(total).toBe(await countAll(db));
    expect((await readChunkIndex(db, 'q')).every((c) => c.endpointId === 'q')).toBe(true);
    // The rows after a chunk, with counters that count exactly the rows up to the newest.
    const after = await readIndexAfter(db, index[2]!.cid);
    expect(after.rows).toEqual(index.slice(3));
    expect(after.counters).toEqual(await readCounters(db));
    expect([...after.counters.values()].reduce((s, c) => s + c.count, 0)).toBe(total);
    expect((await readIndexAfter(db, index.at(-1)!.cid)).rows).toEqual([]);
  });

  it('types events with the endpoint family: plan types, marker kinds, schema verdicts', async () => {
    const db = await filled();
    const [first] = await readChunkIndex(db, 'p');
    const events = await readChunk(db, first!.cid);
    expect(events[0]).toMatchObject({ seq: 1, type: 'plan.created', valid: true });
    const all = (await readChunkIndex(db, 'p')).flatMap((c) => Object.keys(c.types));
    expect(new Set(all)).toEqual(new Set(['plan.created', 'plan.log.new', 'gap', 'plan.state.changed']));
    expect(await readChunk(db, 123_456)).toEqual([]);
  });

  it('reads chunks for a search in one batch: text and typing when filter, bytes and text pass, nothing when one fails', async () => {
    const db = await filled();
    const [first, second] = await readChunkIndex(db, 'p');
    const asked: string[] = [];
    const keep = (bytes: boolean, text: boolean, terms?: (t: ChunkTerms) => boolean) => ({
      ...(terms && { terms: (t: ChunkTerms) => (asked.push('terms'), terms(t)) }),
      bytes: () => (asked.push('bytes'), bytes),
      text: () => (asked.push('text'), text),
    });
    const read = (cid: number, k: ReturnType<typeof keep>) => readRawChunks(db, [{ cid, keep: k }])[0]!;
    const raw = await read(first!.cid, keep(true, true));
    expect(asked).toEqual(['bytes', 'text']);
    expect(storedEventsOf(raw!)).toEqual(await readChunk(db, first!.cid));
    asked.length = 0;
    expect(await read(first!.cid, keep(false, true))).toBeUndefined();
    // Bytes ruled out are never decoded for the text test.
    expect(asked).toEqual(['bytes']);
    expect(await read(first!.cid, keep(true, false))).toBeUndefined();
    expect(await read(123_456, keep(true, true))).toBeUndefined();
    // The chunk's own word filter: a chunk it rules out is not read.
    const holds = (word: string) => (t: ChunkTerms) => mayContain(t, termQuery(` ${word} `)!);
    asked.length = 0;
    expect(await read(first!.cid, keep(true, true, holds('nowhere')))).toBeUndefined();
    expect(asked).toEqual(['terms']);
    asked.length = 0;
    expect(storedEventsOf((await read(first!.cid, keep(true, true, holds('First'))))!)).toEqual(await readChunk(db, first!.cid));
    expect(asked).toEqual(['terms', 'bytes', 'text']);
    // Several chunks in one transaction, each settling on its own, whatever the others' fate.
    const batch = readRawChunks(db, [
      { cid: second!.cid, keep: keep(true, true, holds('First')) },
      { cid: 123_456 },
      { cid: first!.cid, keep: keep(true, true, holds('First')) },
      { cid: second!.cid },
    ]);
    const [a, gone, b, c] = await Promise.all(batch);
    expect(a).toBeUndefined(); // "First" is the title of the plan in the first chunk only
    expect(gone).toBeUndefined();
    expect(storedEventsOf(b!)).toEqual(await readChunk(db, first!.cid));
    expect(storedEventsOf(c!)).toEqual(await readChunk(db, second!.cid));
    expect(readRawChunks(db, [])).toEqual([]);
  });

  it('reads the typing of several chunks in one batch', async () => {
    const db = await filled();
    const index = await readChunkIndex(db);
    const typings = await Promise.all(readChunkTypings(db, [...index.map((c) => c.cid), 123_456]));
    expect(typings.at(-1)).toBeUndefined();
    for (const [i, c] of index.entries()) expect(typings[i]).toEqual(await readChunkTyping(db, c.cid));
    expect((await readChunk(db, index[0]!.cid)).map((e) => e.type)).toEqual(typings[0]!.at.map((k) => typings[0]!.names[k]));
  });

  it('counts the whole store per endpoint, equal to a recount', async () => {
    const db = await filled();
    const counters = await readCounters(db);
    for (const id of ['p', 'q']) {
      const events = await stored(db, id);
      const c = counters.get(id)!;
      expect(c.count).toBe(events.length);
      expect(c.bytes).toBe(events.reduce((a, e) => a + e.size, 0));
      expect(c.lastSeq).toBe(events.at(-1)!.seq);
      expect(c.gaps).toBe(events.filter((e) => e.dir === 'sys' && e.name === 'gap').length);
      expect(c.dirs.sys).toBe(events.filter((e) => e.dir === 'sys').length);
    }
    expect(counters.get('p')!.invalid).toBe(3); // seqs of the 'Bad' plans: i = 17, 34, 51
    expect(counters.get('p')!.types['plan.state.changed']).toBe(1);
  });

  it('folds the state at any seq the same as a fold from zero', async () => {
    const db = await filled();
    const events = await stored(db, 'p');
    for (const at of [0, 1, 2, 20, 45, events.at(-1)!.seq, undefined]) {
      const upTo = events.filter((e) => at === undefined || e.seq <= at);
      const expected = foldEvents(emptyState(), upTo.map((e) => ({ ...e, typed: typeEvent(e, 'plans') }))).endpoints.p;
      const got = await stateAt(db, 'p', at);
      expect(got.seq).toBe(upTo.at(-1)?.seq ?? 0);
      if (expected) expect(got.state).toEqual(expected);
      else expect(got.state).toEqual({ family: 'plans', plans: {}, list: [] });
    }
    const latest = (await stateAt(db, 'p')).state as PlansState;
    expect(latest.plans['p-1']).toMatchObject({ title: 'First', state: 'approved' });
  });

  it('finds the seq at or just before a time, for one endpoint or all', async () => {
    const db = await filled();
    expect(await seqAtTime(db, 'p', 10_000)).toEqual({ endpointId: 'p', seq: 1 });
    expect(await seqAtTime(db, 'p', 10_015)).toEqual({ endpointId: 'p', seq: 2 });
    expect(await seqAtTime(db, 'p', 9_999)).toBeUndefined();
    expect(await seqAtTime(db, undefined, 10_050)).toEqual({ endpointId: 'q', seq: 1 });
  });
});

async function countAll(db: Awaited<ReturnType<typeof freshDb>>): Promise<number> {
  let total = 0;
  for await (const c of allEvents(db)) total += c.length;
  return total;
}
