import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { chunkRecords, FINAL_EVENTS, MERGE_FANIN } from '../../../lib/store/compact';
import { weaveEvents } from '../../../lib/model/weave';
import { chunkEvents } from '../../../lib/store/packing';
import { rebuildEndpoint } from '../../../lib/store/rebuild';
import { allEvents } from '../../../lib/store/reader';
import { openStore, type DB } from '../../../lib/store/schema';
import { EventWriter } from '../../../lib/store/writer';

let n = 0;
const freshDb = () => openStore(`compact-${Date.now()}-${n++}`);

const ev = (endpointId: string, i: number): Omit<StreamEvent, 'seq'> => ({
  endpointId,
  time: 1_000 + i,
  dir: 'in',
  transport: 'ws',
  opcode: 1,
  data: JSON.stringify({ type: i % 3 ? 'tick' : 'tock', i }),
  size: 20,
});

/** One flush per event, as a stream of a few events a second is written. */
async function writeOneByOne(w: EventWriter, endpointId: string, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) {
    w.append(ev(endpointId, i));
    await w.flush();
  }
}

async function chunkSizes(db: DB): Promise<string[]> {
  return (await db.getAll('index')).map((c) => `${c.endpointId}${c.count}`);
}

/** Every chunk's index row, typing and word filter agree with its events, and rows add up to the counters. */
async function expectConsistent(db: DB): Promise<void> {
  const cids = await db.getAllKeys('chunks');
  expect(await db.getAllKeys('index')).toEqual(cids);
  expect(await db.getAllKeys('typing')).toEqual(cids);
  expect(await db.getAllKeys('terms')).toEqual(cids);
  for (const cid of cids) {
    const chunk = (await db.get('chunks', cid))!;
    const meta = (await db.get('meta', chunk.endpointId))!;
    const { records } = chunkRecords(chunk.endpointId, chunkEvents(chunk), meta.family, meta.custom);
    const { group, at, ...info } = (await db.get('index', cid))!;
    expect(info).toEqual({ ...records.info, cid });
    expect(at?.length ?? info.count).toBe(info.count);
    expect(group === undefined).toBe(at === undefined);
    expect(await db.get('typing', cid)).toEqual(records.typing);
  }
  for (const meta of await db.getAll('meta')) {
    const rows = (await db.getAll('index')).filter((c) => c.endpointId === meta.endpointId);
    expect(rows.reduce((s, c) => s + c.count, 0)).toBe(meta.count);
  }
}

/** The all-endpoints order as a page shows it: chunks in cid order, a group's chunks woven back together. */
async function timeline(db: DB): Promise<string[]> {
  const rows = await db.getAll('index');
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (rows[i]!.group !== undefined && j < rows.length && rows[j]!.group === rows[i]!.group) j++;
    const members = rows.slice(i, j);
    const events = await Promise.all(members.map(async (r) => chunkEvents((await db.get('chunks', r.cid))!)));
    for (const e of weaveEvents(members, events)) out.push(`${e.endpointId}${e.seq}`);
    i = j;
  }
  return out;
}

/** Events per unit (a chunk, or a group's chunks), oldest first. */
async function units(db: DB): Promise<number[]> {
  const out: number[] = [];
  let group: number | undefined;
  for (const r of await db.getAll('index')) {
    if (r.group !== undefined && r.group === group) out[out.length - 1]! += r.count;
    else out.push(r.count);
    group = r.group;
  }
  return out;
}

async function seqs(db: DB, endpointId?: string): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of allEvents(db, endpointId)) for (const e of chunk) out.push(`${e.endpointId}${e.seq}`);
  return out;
}

describe('merging small chunks', () => {
  it('merges a slow stream’s one-event chunks in tiers of eight, up to a final chunk, losing nothing', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    await writeOneByOne(w, 'a', 1, MERGE_FANIN - 1);
    expect(await chunkSizes(db)).toEqual(Array.from({ length: MERGE_FANIN - 1 }, () => 'a1'));
    await writeOneByOne(w, 'a', MERGE_FANIN, MERGE_FANIN ** 2 + 3);
    expect(await chunkSizes(db)).toEqual(['a64', 'a1', 'a1', 'a1']);
    // Eight chunks of 64 make one of 512, which is final.
    const last = MERGE_FANIN ** 3 + 10;
    await writeOneByOne(w, 'a', MERGE_FANIN ** 2 + 4, last);
    expect(await chunkSizes(db)).toEqual(['a512', 'a8', 'a1', 'a1']);
    expect(await seqs(db)).toEqual(Array.from({ length: last }, (_, i) => `a${i + 1}`));
    await expectConsistent(db);
    expect(w.meta('a')).toMatchObject({ count: last, lastSeq: last });
    await writeOneByOne(w, 'a', last + 1, last + MERGE_FANIN ** 3);
    expect((await chunkSizes(db)).slice(0, 2)).toEqual(['a512', 'a512']);
  });

  it('merges endpoints taking turns into one chunk per endpoint, and the all-endpoints order stays the order of arrival', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    const names = ['a', 'b', 'c'];
    const written: string[] = [];
    // Three endpoints taking turns unevenly, one event per flush: 600 events.
    for (let i = 0; i < 600; i++) {
      const name = names[(i * 7 + (i >> 3)) % 3]!;
      const e = w.append(ev(name, i));
      written.push(`${name}${e.seq}`);
      await w.flush();
    }
    const rows = await db.getAll('index');
    // 600 = 512 + 64 + 3 * 8 (each a group of three chunks): 27 chunks at most, not 600.
    expect(rows.length).toBeLessThanOrEqual(27);
    expect(rows.filter((r) => r.group !== undefined).length).toBeGreaterThan(3);
    expect(await timeline(db)).toEqual(written);
    for (const name of names) expect(await seqs(db, name)).toEqual(written.filter((k) => k[0] === name));
    await expectConsistent(db);
    expect(w.meta('a')!.count + w.meta('b')!.count + w.meta('c')!.count).toBe(600);
  });

  it('leaves no small unit behind when a flush adds several at once, whatever the turns', async () => {
    for (const seed of [1, 7, 42]) {
      const db = await freshDb();
      const w = new EventWriter(db);
      await w.init();
      const random = fc.sample(fc.constantFrom(['a'], ['b'], ['a', 'b'], ['b', 'a', 'b'], ['c', 'a', 'b']), { numRuns: 200, seed });
      // A flush writes a chunk per endpoint, woven into one group: its events show in arrival order.
      const written: string[] = [];
      for (const [i, batch] of random.entries()) {
        written.push(...batch.map((id) => `${id}${w.append(ev(id, i)).seq}`));
        await w.flush();
      }
      expect(await timeline(db)).toEqual(written);
      // Oldest first, units only ever get smaller (by tier): none is stuck between larger ones.
      const tiers = (await units(db)).map((n) => Math.floor(Math.log(n) / Math.log(MERGE_FANIN)));
      expect(tiers).toEqual([...tiers].sort((x, y) => y - x));
      await expectConsistent(db);
    }
  });

  it('keeps the order of a group when retention deletes one of its chunks, or a profile change retypes one', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    const written: string[] = [];
    for (let i = 0; i < MERGE_FANIN * 2; i++) {
      const name = i % 3 === 0 ? 'b' : 'a';
      written.push(`${name}${w.append(ev(name, i)).seq}`);
      await w.flush();
    }
    const rows = await db.getAll('index');
    expect(rows.map((r) => `${r.endpointId}${r.count}`)).toEqual(['b3', 'a5', 'a5', 'b3']);
    const group = rows.filter((r) => r.group === rows[0]!.cid);
    expect(group.length).toBe(2);
    const meta = w.meta('a')!;
    const tx = db.transaction(['chunks', 'typing', 'index', 'snapshots', 'meta'], 'readwrite');
    await rebuildEndpoint(tx, meta, 'generic');
    await tx.done;
    expect(await timeline(db)).toEqual(written);
    // Retention takes b's oldest chunk, a member of the first group.
    await w.deleteChunks([group[0]!.cid]);
    expect(await timeline(db)).toEqual(written.filter((k) => !['b1', 'b2', 'b3'].includes(k)));
    await expectConsistent(db);
  });

  it('leaves the chunks as they are when another writer added one meanwhile (an import in a page)', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    await writeOneByOne(w, 'a', 1, MERGE_FANIN - 1);
    const other = new EventWriter(db);
    await other.init();
    other.append(ev('imported', 1));
    await other.flush();
    await writeOneByOne(w, 'a', MERGE_FANIN, MERGE_FANIN);
    expect(await chunkSizes(db)).toEqual([...Array.from({ length: MERGE_FANIN - 1 }, () => 'a1'), 'imported1', 'a1']);
    await expectConsistent(db);
    // Merging starts again from the next chunks.
    await writeOneByOne(w, 'a', MERGE_FANIN + 1, 2 * MERGE_FANIN);
    expect(await chunkSizes(db)).toEqual([...Array.from({ length: MERGE_FANIN - 1 }, () => 'a1'), 'imported1', 'a1', 'a8']);
    expect(await seqs(db, 'a')).toEqual(Array.from({ length: 2 * MERGE_FANIN }, (_, i) => `a${i + 1}`));
    await expectConsistent(db);
  });

  it('a read chunk by chunk (an export) while chunks are merged gives every event once, one endpoint or all', async () => {
    for (const endpointId of ['a', undefined]) {
      const db = await freshDb();
      const w = new EventWriter(db);
      await w.init();
      await writeOneByOne(w, 'a', 1, 5);
      const reading = allEvents(db, endpointId);
      const got: number[] = [];
      for (let k = 0; k < 3; k++) got.push(...((await reading.next()).value as StreamEvent[]).map((e) => e.seq));
      // The next events merge the chunks read and not yet read into one.
      await writeOneByOne(w, 'a', 6, MERGE_FANIN);
      expect(await chunkSizes(db)).toEqual([`a${MERGE_FANIN}`]);
      for await (const chunk of reading) got.push(...chunk.map((e) => e.seq));
      expect(got).toEqual(Array.from({ length: MERGE_FANIN }, (_, i) => i + 1));
    }
  });

  it('never merges chunks that are large already', async () => {
    const db = await freshDb();
    const w = new EventWriter(db);
    await w.init();
    for (let k = 0; k < MERGE_FANIN; k++) {
      for (let i = 1; i <= FINAL_EVENTS; i++) w.append(ev('a', k * FINAL_EVENTS + i));
      await w.flush();
    }
    expect(await chunkSizes(db)).toEqual(Array.from({ length: MERGE_FANIN }, () => `a${FINAL_EVENTS}`));
  });
});
