import fc from 'fast-check';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import type { ProfileChoice } from '../../../lib/config/endpoint';
import { utf8Size, type StreamEvent } from '../../../lib/model/event';
import type { Family } from '../../../lib/model/typed';
import { typeEvent } from '../../../lib/protocols';
import { emptySlice, emptyState, foldEvents } from '../../../lib/state';
import type { PlansState } from '../../../lib/state/plans';
import { foldChunk, newFolder, type Folder } from '../../../lib/store/derive';
import { SnapshotMemo } from '../../../lib/store/fold-stored';
import { chunkEvents, packState } from '../../../lib/store/packing';
import { allEvents } from '../../../lib/store/reader';
import { applyRetention, clearEvents } from '../../../lib/store/retention';
import { openStore, type DB, type Snapshot } from '../../../lib/store/schema';
import { readChunkIndex, readCounters, stateAt, type EndpointCounters } from '../../../lib/store/view';
import { EventWriter } from '../../../lib/store/writer';
import { abortWrites } from './aborted-writes';
import { eventLists } from '../state/arbitraries';

let n = 0;
const dbName = () => `derived-${Date.now()}-${n++}`;

async function stored(db: DB, endpointId?: string): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const c of allEvents(db, endpointId)) out.push(...c);
  return out;
}

/** The state from zero over `events` (one endpoint's, oldest first). */
const foldFromZero = (events: StreamEvent[], family: Family) =>
  foldEvents(emptyState(), events.map((e) => ({ ...e, typed: typeEvent(e, family) }))).endpoints[events[0]?.endpointId ?? ''] ?? emptySlice(family);

/** Counters recounted from the stored events. */
function recount(events: StreamEvent[], family: Family): EndpointCounters {
  const c: EndpointCounters = { count: 0, bytes: 0, lastSeq: 0, types: {}, gaps: 0, duplicates: 0, malformed: 0, invalid: 0, dirs: { in: 0, out: 0, sys: 0 } };
  const types = new Map<string, number>();
  for (const e of events) {
    const t = typeEvent(e, family);
    c.count++;
    c.bytes += e.size;
    types.set(t.type, (types.get(t.type) ?? 0) + 1);
    c.dirs[e.dir]++;
    if (t.issues.length > 0) c.invalid++;
    if (e.dir === 'sys' && e.name === 'gap') c.gaps++;
    if (e.dir === 'sys' && e.name === 'duplicate') c.duplicates++;
    if (e.dir === 'sys' && e.name === 'malformed') c.malformed++;
  }
  return { ...c, types: Object.fromEntries(types) };
}

/** The counters that a recount can check (times and seqs are not recounted). */
const counted = ({ count, bytes, types, gaps, duplicates, malformed, invalid, dirs }: EndpointCounters) => ({ count, bytes, types, gaps, duplicates, malformed, invalid, dirs });

function expectCounters(got: EndpointCounters | undefined, want: EndpointCounters): void {
  expect(got && counted(got)).toEqual(counted(want));
}

/**
 * Generated events as the wire gives them: SSE events named by their type, markers by kind.
 * At least 60, spread over a few endpoints, so that most runs write snapshots (every 5 events
 * or more of one endpoint) and jumps fold forward from them.
 */
const raw = fc.tuple(eventLists(120, true, 60), fc.array(fc.nat(119), { maxLength: 6 }), fc.constantFrom<ProfileChoice>('auto', 'plans', 'kanban', 'generic')).map(([events, cuts, profile]) => ({
  events: events.map(({ typed, ...e }): Omit<StreamEvent, 'seq'> => {
    const name = e.dir === 'sys' ? (['gap', 'duplicate', 'malformed', 'connected'] as const)[e.data.length % 4] : e.transport === 'sse' ? typed.type : undefined;
    return { ...e, name };
  }),
  cuts: new Set(cuts),
  profile,
}));

/** A writer that flushes only when told (or every 9 events), snapshotting every 5 events or more. */
async function testWriter(db: DB, profile: ProfileChoice): Promise<EventWriter> {
  const w = new EventWriter(db, {}, { maxBatch: 9, maxDelayMs: 10_000, snapshotMin: 5, profileOf: () => profile });
  await w.init();
  return w;
}

async function write(events: Omit<StreamEvent, 'seq'>[], cuts: Set<number>, profile: ProfileChoice) {
  const db = await openStore(dbName());
  const w = await testWriter(db, profile);
  for (const [i, e] of events.entries()) {
    w.append(e);
    if (cuts.has(i)) await w.flush();
  }
  await w.flush();
  return { db, w };
}

/**
 * The same, but events keep arriving while a write commits (flushes are not awaited), and the
 * first writes whose `fails` is true are aborted, so their events are written again later, with
 * those that came meanwhile.
 */
async function writeWhileCommitting(events: Omit<StreamEvent, 'seq'>[], cuts: Set<number>, profile: ProfileChoice, fails: boolean[]) {
  const db = await openStore(dbName());
  abortWrites(db, (k) => fails[k] === true);
  const w = await testWriter(db, profile);
  for (const [i, e] of events.entries()) {
    w.append(e);
    if (cuts.has(i)) void w.flush();
    if (i % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  while (w.pending().length > 0) await w.flush();
  return db;
}

/** Checks every endpoint's counters against a recount and its state at some seqs against the fold from zero. */
async function expectDerived(db: DB, profile: ProfileChoice): Promise<void> {
  const counters = await readCounters(db);
  // One memo for every jump of every endpoint, as a view keeps it.
  const memo = new SnapshotMemo();
  for (const meta of await db.getAll('meta')) {
    const mine = await stored(db, meta.endpointId);
    if (profile !== 'auto') expect(meta.family).toBe(profile);
    expectCounters(counters.get(meta.endpointId), recount(mine, meta.family));
    const last = mine.at(-1)!.seq;
    for (const at of new Set([0, 1, Math.floor(last / 3), Math.floor(last / 2) + 1, last - 1, last])) {
      const expected = foldFromZero(mine.filter((e) => e.seq <= at), meta.family);
      for (const got of [await stateAt(db, meta.endpointId, at), await stateAt(db, meta.endpointId, at, memo)]) {
        expect(got.seq).toBe(Math.min(at, last));
        expect(got.state).toEqual(expected);
      }
    }
  }
}

describe('derived data', () => {
  it('state at any seq (snapshot + fold forward) equals the fold from zero; counters equal a recount', async () => {
    await fc.assert(
      fc.asyncProperty(raw, async ({ events, cuts, profile }) => {
        const { db } = await write(events, cuts, profile);
        await expectDerived(db, profile);
        db.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('the same when events arrive while writes commit and some of those commits fail; no event lost or stored twice', async () => {
    await fc.assert(
      fc.asyncProperty(raw, fc.array(fc.boolean(), { maxLength: 8 }), async ({ events, cuts, profile }, fails) => {
        const db = await writeWhileCommitting(events, cuts, profile, fails);
        await expectDerived(db, profile);
        const ids = [...new Set(events.map((e) => e.endpointId))];
        for (const id of ids) {
          const all = events.filter((e) => e.endpointId === id);
          expect((await stored(db, id)).map((e) => [e.seq, e.data])).toEqual(all.map((e, i) => [i + 1, e.data]));
        }
        db.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('retention keeps what deleted events built, and the counters of what is left', async () => {
    await fc.assert(
      fc.asyncProperty(raw, fc.nat(60), async ({ events, cuts, profile }, keep) => {
        const { db, w } = await write(events, cuts, profile);
        const before = new Map<string, { all: StreamEvent[]; family: Family }>();
        for (const m of await db.getAll('meta')) before.set(m.endpointId, { all: await stored(db, m.endpointId), family: m.family });
        // A memo that has unpacked snapshots from before the cut, which rewrites the horizon's.
        const memo = new SnapshotMemo();
        for (const [id, { all }] of before) for (const e of all) await stateAt(db, id, e.seq, memo);
        // maxEvents below the 1,000 the settings allow, to cut small histories.
        await applyRetention(db, w, new Map([...before.keys()].map((id) => [id, { maxEvents: keep, maxAgeDays: 36_500 }])), 2e12);
        const counters = await readCounters(db);
        for (const [id, { all, family }] of before) {
          const left = await stored(db, id);
          expect(left.length).toBeLessThanOrEqual(Math.max(keep, 0) + 9);
          expectCounters(counters.get(id), recount(left, family));
          expect((await stateAt(db, id)).state).toEqual(foldFromZero(all, family));
          const deleted = all.length - left.length;
          if (deleted > 0) {
            // Below the horizon, the horizon's state: what the deleted events built.
            for (const horizon of [await stateAt(db, id, 1), await stateAt(db, id, 1, memo)]) {
              expect(horizon.seq).toBe(all[deleted - 1]!.seq);
              expect(horizon.state).toEqual(foldFromZero(all.slice(0, deleted), family));
            }
          }
          for (const e of left) expect((await stateAt(db, id, e.seq, memo)).state).toEqual(foldFromZero(all.filter((x) => x.seq <= e.seq), family));
          expect((await readChunkIndex(db, id)).reduce((s, c) => s + c.count, 0)).toBe(left.length);
        }
        db.close();
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});

const TIME = '2024-05-01T10:00:00.000Z';
const sse = (name: string, payload: unknown, i: number): Omit<StreamEvent, 'seq'> => {
  const data = JSON.stringify(payload);
  return { endpointId: 'p', time: 10_000 + i, dir: 'in', transport: 'sse', name, id: String(i), data, size: utf8Size(data) };
};
const log = (i: number) => sse('plan.log.new', { plan_id: 'p-2', id: `log-${i}`, entry: `Step ${i}`, created_at: TIME }, i);
const created = sse('plan.created', { id: 'p-1', title: 'First', state: 'draft', created_at: TIME }, 0);

/** A writer of endpoint `p` whose first event, stored, tells no family: it is typed generic. */
async function storedAsGeneric() {
  const db = await openStore(dbName());
  const w = new EventWriter(db, {}, { snapshotMin: 5 });
  await w.init();
  w.append({ ...sse('message', {}, 0), name: undefined });
  await w.flush();
  return { db, w };
}

describe('auto detection and clear', () => {
  it('events stored before detection could tell are retyped and folded once it can', async () => {
    const { db, w } = await storedAsGeneric();
    expect((await db.get('meta', 'p'))?.family).toBe('generic');
    w.append(created);
    for (let i = 1; i < 40; i++) {
      w.append(log(i));
      if (i % 3 === 0) await w.flush();
    }
    await w.flush();
    expect((await db.get('meta', 'p'))?.family).toBe('plans');
    const latest = (await stateAt(db, 'p')).state as PlansState;
    expect(latest.plans['p-1']?.title).toBe('First');
    expect((await readCounters(db)).get('p')?.types).toEqual({ message: 1, 'plan.created': 1, 'plan.log.new': 39 });
    expect((await readChunkIndex(db, 'p'))[0]?.types).toEqual({ message: 1 });
  });

  it('a write that fails right after a retype is written again onto the retyped state', async () => {
    const { db, w } = await storedAsGeneric();
    // The next flush retypes what is stored as plans, then fails; the one after writes its events.
    abortWrites(db, (k) => k === 0);
    w.append(created);
    for (let i = 1; i < 12; i++) w.append(log(i));
    await w.flush();
    expect(await db.count('chunks')).toBe(1);
    await w.flush();
    expect((await db.get('meta', 'p'))?.family).toBe('plans');
    const all = await stored(db, 'p');
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect((await stateAt(db, 'p')).state).toEqual(foldFromZero(all, 'plans'));
  });

  it('clear forgets the state and the counters; sequence numbers carry on', async () => {
    const db = await openStore(dbName());
    const w = new EventWriter(db, {}, { snapshotMin: 5, profileOf: () => 'plans' });
    await w.init();
    w.append(created);
    for (let i = 1; i < 20; i++) w.append(log(i));
    await w.flush();
    await clearEvents(db, w, 'p');
    expect((await readCounters(db)).get('p')).toMatchObject({ count: 0, bytes: 0, types: {}, lastSeq: 20 });
    expect(await stateAt(db, 'p')).toEqual({ state: emptySlice('plans'), seq: 0 });
    w.append(log(30));
    await w.flush();
    const after = await stateAt(db, 'p');
    expect(after.seq).toBe(21);
    expect((after.state as PlansState).plans['p-1']).toBeUndefined();
  });
});

/** Plan `p-k` changing state: a small change to a state of many plans. */
const changed = (k: number, i: number) => sse('plan.state.changed', { plan_id: `p-${k}`, state: i % 2 ? 'running' : 'draft' }, i);
const plan = (k: number) => sse('plan.created', { id: `p-${k}`, title: `Plan ${k}`, state: 'draft', created_at: TIME }, k);

/** Every delta snapshot's base is a full snapshot that is stored. */
async function expectBases(db: DB): Promise<Snapshot[]> {
  const all = await db.getAll('snapshots');
  const full = new Set(all.filter((s) => s.base === undefined).map((s) => s.seq));
  for (const s of all) if (s.base !== undefined) expect(full.has(s.base)).toBe(true);
  return all;
}

describe('delta snapshots', () => {
  it('store what changed since a full one; states at every seq, before and after a cut between the two, equal the fold from zero', async () => {
    const db = await openStore(dbName());
    const w = new EventWriter(db, {}, { maxBatch: 5, snapshotMin: 5, profileOf: () => 'plans' });
    await w.init();
    const events = [...Array.from({ length: 60 }, (_, k) => plan(k)), ...Array.from({ length: 100 }, (_, i) => changed(i % 3, 60 + i))];
    for (const [i, e] of events.entries()) {
      w.append(e);
      if (i % 5 === 4) await w.flush();
    }
    const snapshots = await expectBases(db);
    // The changes are small: each full snapshot gets as many deltas as it may, and no more.
    const perBase = new Map<number, number>();
    for (const s of snapshots) if (s.base !== undefined) perBase.set(s.base, (perBase.get(s.base) ?? 0) + 1);
    expect(Math.max(...perBase.values())).toBe(3);
    const chunks = await readChunkIndex(db, 'p');
    // A delta with the end of a chunk between its base and it, where a cut can fall.
    const end = snapshots.flatMap((s) => chunks.filter((c) => s.base !== undefined && c.lastSeq > s.base && c.lastSeq < s.seq).map((c) => c.lastSeq))[0];
    expect(end).toBeDefined();
    const all = await stored(db, 'p');
    const memo = new SnapshotMemo();
    for (const e of all) expect((await stateAt(db, 'p', e.seq, memo)).state).toEqual(foldFromZero(all.filter((x) => x.seq <= e.seq), 'plans'));

    // A cut after the delta's base and before it: the deltas left are stored in full.
    await w.exclusive(() => w.deleteChunks(chunks.filter((c) => c.lastSeq <= end!).map((c) => c.cid)));
    const horizon = (await stateAt(db, 'p', 1)).seq;
    expect(horizon).toBe(end);
    expect((await expectBases(db)).every((s) => s.seq >= horizon && (s.base === undefined || s.base >= horizon))).toBe(true);
    for (const e of await stored(db, 'p')) expect((await stateAt(db, 'p', e.seq, memo)).state).toEqual(foldFromZero(all.filter((x) => x.seq <= e.seq), 'plans'));

    // The writer's next snapshots do not build on the deleted one.
    for (let i = 0; i < 40; i++) w.append(changed(i % 3, 200 + i));
    await w.flush();
    await expectBases(db);
    expect((await stateAt(db, 'p')).state).toEqual(foldFromZero([...all, ...(await stored(db, 'p')).filter((e) => e.seq > all.at(-1)!.seq)], 'plans'));
  });
});

describe('v1 -> v2 migration', () => {
  it('keeps every event and derives index, counters and state in place', async () => {
    const name = dbName();
    const v1 = (await openStore(name, 1)) as unknown as IDBPDatabase;
    const events: StreamEvent[] = [created, ...Array.from({ length: 30 }, (_, i) => log(i + 1))].map((e, i) => ({ ...e, seq: i + 1 }));
    for (let i = 0; i < events.length; i += 8) {
      const part = events.slice(i, i + 8);
      await v1.add('chunks', { endpointId: 'p', firstSeq: part[0]!.seq, lastSeq: part.at(-1)!.seq, t0: part[0]!.time, t1: part.at(-1)!.time, bytes: part.reduce((s, e) => s + e.size, 0), events: part });
    }
    await v1.put('meta', { endpointId: 'p', lastSeq: 31, lastEventId: '30', count: 31, bytes: events.reduce((s, e) => s + e.size, 0), firstTime: 10_000, lastTime: 10_030 });
    await v1.put('kv', 7, 'unread');
    v1.close();

    const db = await openStore(name);
    expect(await stored(db, 'p')).toEqual(events);
    expect(await db.get('kv', 'unread')).toBe(7);
    const meta = await db.get('meta', 'p');
    expect(meta).toMatchObject({ family: 'plans', lastEventId: '30', lastSeq: 31, count: 31 });
    expectCounters((await readCounters(db)).get('p'), recount(events, 'plans'));
    expect((await readChunkIndex(db, 'p')).map((c) => c.count)).toEqual([8, 8, 8, 7]);
    expect((await stateAt(db, 'p')).state).toEqual(foldFromZero(events, 'plans'));
    // The writer carries on where v1 left off.
    const w = new EventWriter(db);
    await w.init();
    expect(w.append(log(40)).seq).toBe(32);
    await w.flush();
    expect((await readCounters(db)).get('p')?.count).toBe(32);
  });
});

describe('snapshot memo', () => {
  it('unpacks a snapshot once, and never takes other bytes under the same key for it', () => {
    const first = foldFromZero([{ ...created, seq: 1 }], 'plans');
    const other = foldFromZero([{ ...created, seq: 1 }, { ...log(1), seq: 2 }], 'plans');
    const memo = new SnapshotMemo();
    const snap = { endpointId: 'p', seq: 1, ...packState(first) };
    const unpacked = memo.unpack(snap);
    expect(unpacked).toEqual(first);
    // The same snapshot read again: new bytes of the same value.
    expect(memo.unpack({ ...snap, packed: snap.packed.slice() })).toBe(unpacked);
    // Rewritten under the same key (cleared and written again, or re-typed).
    const rewritten = memo.unpack({ endpointId: 'p', seq: 1, ...packState(other) });
    expect(rewritten).toEqual(other);
    expect(rewritten).not.toEqual(unpacked);
  });
});

describe('snapshot spacing', () => {
  /** Seqs after which a folder due every `every` events (at least `min`) snapshots, fed chunks of `size`. */
  function snapshotSeqs(min: number, every: number, size: number, chunks: number): number[] {
    let folder: Folder = { ...newFolder(emptySlice('generic'), 0, min), every };
    const at: number[] = [];
    for (let c = 0; c < chunks; c++) {
      const events = Array.from({ length: size }, (_, i) => {
        const e: StreamEvent = { endpointId: 'g', seq: c * size + i + 1, time: 0, dir: 'in', transport: 'ws', data: '{}', size: 2 };
        return { ...e, typed: typeEvent(e, 'generic') };
      });
      // A clock that never moves: only the spacing decides, not the fold time.
      const r = foldChunk(folder, events, () => 0);
      // The next spacing is worked out from the snapshot's size: keep the one under test.
      folder = { ...r.folder, every };
      if (r.snapshot) at.push(r.snapshot.seq);
    }
    return at;
  }

  it('snapshots when the due count is nearer now than after another chunk, never under the minimum', () => {
    // Due at 1,016 with chunks of 1,000: at 1,000 (16 short), not at 2,000 (984 over).
    expect(snapshotSeqs(1000, 1016, 1000, 4)).toEqual([1000, 2000, 3000, 4000]);
    // Due at 1,600: 1,000 is 600 short, 2,000 only 400 over.
    expect(snapshotSeqs(1000, 1600, 1000, 4)).toEqual([2000, 4000]);
    // Chunks of 700 are nearer 1,000 than 1,400 is, but 700 is under the minimum.
    expect(snapshotSeqs(1000, 1000, 700, 4)).toEqual([1400, 2800]);
  });
});

/** What the current writer stores for a plans stream of 31 events, to write in an older form. */
async function reference() {
  const events: StreamEvent[] = [created, ...Array.from({ length: 30 }, (_, i) => log(i + 1))].map((e, i) => ({ ...e, seq: i + 1 }));
  const ref = await openStore(dbName());
  const w = new EventWriter(ref, {}, { maxBatch: 8, snapshotMin: 5 });
  await w.init();
  for (const e of events) w.append(e);
  await w.flush();
  return { events, ref };
}

/** Snapshots as versions 2 and 3 stored them: the whole state object itself. */
const unpackedSnapshots = async (ref: DB) => Promise.all((await ref.getAll('snapshots')).map(async ({ packed: _p, size: _s, base: _b, ...s }) => ({ ...s, state: (await stateAt(ref, s.endpointId, s.seq)).state })));

/** The upgraded store has what the current writer stores. */
async function expectUpgraded(db: DB, ref: DB, events: StreamEvent[]): Promise<void> {
  expect((await db.getAll('chunks')).every((c) => c.packed instanceof Uint8Array && !('events' in c) && !('typing' in c))).toBe(true);
  // Packed as the current writer packs: same codec, same size.
  expect((await db.getAll('chunks')).map(({ codec, size }) => ({ codec, size }))).toEqual((await ref.getAll('chunks')).map(({ codec, size }) => ({ codec, size })));
  expect(await stored(db, 'p')).toEqual(events);
  expect(await db.getAll('typing')).toEqual(await ref.getAll('typing'));
  expect(await readChunkIndex(db, 'p')).toEqual(await readChunkIndex(ref, 'p'));
  expect(await readCounters(db)).toEqual(await readCounters(ref));
  const snapshots = await db.getAll('snapshots');
  expect(snapshots.length).toBeGreaterThan(1);
  expect(snapshots.every((s) => s.packed instanceof Uint8Array && !('state' in s))).toBe(true);
  expect(await unpackedSnapshots(db)).toEqual(await unpackedSnapshots(ref));
  expect((await stateAt(db, 'p')).state).toEqual(foldFromZero(events, 'plans'));
  expect((await stateAt(db, 'p', 12)).state).toEqual(foldFromZero(events.slice(0, 12), 'plans'));
}

describe('v2 -> v5 migration', () => {
  it('packs every chunk and snapshot in place, moves typing to its own store, writes word filters, and keeps events, index, counters and state', async () => {
    const { events, ref } = await reference();
    // ...written in v2's form: each chunk with its events as objects and its typing.
    const v2 = (await openStore(dbName(), 2)) as unknown as IDBPDatabase;
    const name = v2.name;
    for (const c of await ref.getAll('chunks')) {
      const { packed: _, codec: _c, size: _s, ...rest } = c;
      await v2.put('chunks', { ...rest, events: chunkEvents(c), typing: await ref.get('typing', c.cid!) });
    }
    for (const store of ['index', 'meta'] as const) for (const row of await ref.getAll(store)) await v2.put(store, row);
    for (const row of await unpackedSnapshots(ref)) await v2.put('snapshots', row);
    v2.close();
    const db = await openStore(name);
    await expectUpgraded(db, ref, events);
    expect(await db.getAll('terms')).toEqual(await ref.getAll('terms'));
  });
});

describe('v3 -> v5 migration', () => {
  it('packs every snapshot in place and keeps everything else', async () => {
    const { events, ref } = await reference();
    const v3 = (await openStore(dbName(), 3)) as unknown as IDBPDatabase;
    const name = v3.name;
    for (const store of ['chunks', 'typing', 'index', 'meta'] as const) {
      const keys = await ref.getAllKeys(store);
      for (const [i, row] of (await ref.getAll(store)).entries()) await v3.put(store, row, store === 'typing' ? keys[i] : undefined);
    }
    for (const row of await unpackedSnapshots(ref)) await v3.put('snapshots', row);
    v3.close();
    await expectUpgraded(await openStore(name), ref, events);
  });
});

describe('v4 -> v5 migration', () => {
  it('adds the word filters’ store and keeps everything; chunks written before have no filter', async () => {
    const { events, ref } = await reference();
    const v4 = (await openStore(dbName(), 4)) as unknown as IDBPDatabase;
    const name = v4.name;
    expect([...v4.objectStoreNames]).not.toContain('terms');
    for (const store of ['chunks', 'typing', 'index', 'meta', 'snapshots'] as const) {
      const keys = await ref.getAllKeys(store);
      for (const [i, row] of (await ref.getAll(store)).entries()) await v4.put(store, row, store === 'typing' ? keys[i] : undefined);
    }
    v4.close();
    const db = await openStore(name);
    await expectUpgraded(db, ref, events);
    expect(await db.count('terms')).toBe(0);
  });
});
