import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../lib/timeline/filter';
import { READ_AHEAD, READ_AHEAD_BYTES, scanChunks, TYPING_READ_AHEAD, type ScanProgress } from '../../../lib/timeline/search-scan';
import { compileStoredFilter } from '../../../lib/timeline/stored-filter';
import { events, FakeStore } from '../panel/fake-store';

/** Ten chunks of 100 events; every event of chunk 3 is `rare`, the others `odd`/`even`. */
function store(): FakeStore {
  const s = new FakeStore();
  for (let i = 0; i < 10; i++) s.add(events('a', 1 + i * 100, 100, i === 3 ? () => 'rare' : undefined));
  return s;
}

async function scan(s: FakeStore, filter: Partial<typeof EMPTY_FILTER>, opts: { cancelAfter?: number; reportMs?: number } = {}) {
  const reports: ScanProgress[] = [];
  let clock = 0;
  await scanChunks(await s.readChunkIndex(), compileStoredFilter({ filter: { ...EMPTY_FILTER, ...filter }, pins: [], families: {} }), {
    readRaw: (reads) => s.readRawChunks(reads),
    readTyping: (cids) => s.readChunkTypings(cids),
    report: (p) => reports.push(p),
    cancelled: () => opts.cancelAfter !== undefined && s.reads.length + s.typingReads.length >= opts.cancelAfter,
    reportMs: opts.reportMs ?? 0,
    now: () => clock++,
  });
  return reports;
}

describe('scanChunks', () => {
  it('searches newest first, reads only chunks whose summary can match, and reports (cid, offset) matches with progress', async () => {
    const s = store();
    const reports = await scan(s, { types: ['rare'] });
    // A type filter is decided by the chunk's typing: its events are never unpacked.
    expect(s.typingReads).toEqual([4]);
    expect(s.reads).toEqual([]);
    const found = reports.flatMap((r) => r.found);
    expect(found).toEqual([{ cid: 4, offsets: Array.from({ length: 100 }, (_, i) => i) }]);
    expect(reports.at(-1)).toMatchObject({ searched: 1000, total: 1000, done: true });
    expect(reports.map((r) => r.searched)).toEqual([...reports.map((r) => r.searched)].sort((a, b) => a - b));
  });

  it('finds text in every chunk, newest chunk first, reading only the chunks whose word filter may hold its words', async () => {
    const s = store();
    const reports = await scan(s, { text: '"n":150}' });
    // "150" lies between ':' and '}': a whole word, in one chunk only.
    expect(s.termReads).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(s.reads).toEqual([2]);
    expect(reports.flatMap((r) => r.found)).toEqual([{ cid: 2, offsets: [49] }]);
    expect(reports.at(-1)).toMatchObject({ searched: 1000, total: 1000, done: true });
  });

  it('reads every chunk when the text has no whole word, or a chunk has no word filter', async () => {
    const s = store();
    s.unfiltered.add(5);
    // "n":15 may continue in the data ("n":150): no word of it is known to be whole.
    const partial = await scan(s, { text: 'n":15' });
    expect(s.termReads).toEqual([]);
    expect(s.reads).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(partial.flatMap((r) => r.found).map((f) => f.cid)).toEqual([2, 1]);
    s.reads = [];
    await scan(s, { text: '"n":150}' });
    expect(s.reads).toEqual([5, 2]);
  });


  it('stops when cancelled, without a final report, having read at most a few chunks ahead', async () => {
    const s = store();
    const reports = await scan(s, { text: 'x' }, { cancelAfter: 2 });
    expect(s.reads.length).toBeLessThanOrEqual(2 + READ_AHEAD);
    expect(s.reads).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1].slice(0, s.reads.length));
    expect(reports.some((r) => r.done)).toBe(false);
  });

  it('starts its reads in batches: the read-ahead at first, then its half each time half of it is searched', async () => {
    const s = new FakeStore();
    for (let i = 0; i < 20; i++) s.add(events('a', 1 + i * 10, 10));
    await scan(s, { text: 'n":15' });
    const newestFirst = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(READ_AHEAD).toBe(8);
    expect(s.batches).toEqual([newestFirst.slice(0, 8), newestFirst.slice(8, 12), newestFirst.slice(12, 16), newestFirst.slice(16)]);
    s.batches = [];
    await scan(s, { types: ['odd'] });
    expect(s.batches).toEqual([newestFirst.slice(0, 16), newestFirst.slice(16)]);
  });

  it('reads fewer chunks ahead when they are big: READ_AHEAD_BYTES of events at most, one chunk at least', async () => {
    const s = new FakeStore();
    // Chunks of 6 MB and one of 40 MB (their events' sizes, as the store counts them).
    for (let i = 0; i < 6; i++) s.add(events('a', 1 + i * 10, 10).map((e) => ({ ...e, size: (i === 4 ? 40 : 6) * 2 ** 20 / 10 })));
    const found = await scan(s, { text: '"n":' });
    expect(READ_AHEAD_BYTES).toBe(16 * 2 ** 20);
    expect(s.batches).toEqual([[6], [5], [4, 3], [2], [1]]);
    expect(found.flatMap((r) => r.found).map((f) => f.cid)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('keeps more reads of typing alone in flight than reads of events', async () => {
    const s = new FakeStore();
    for (let i = 0; i < 40; i++) s.add(events('a', 1 + i * 10, 10));
    await scan(s, { types: ['odd'] }, { cancelAfter: 1 });
    expect(s.reads).toEqual([]);
    expect(s.typingReads).toEqual(Array.from({ length: TYPING_READ_AHEAD }, (_, i) => 40 - i));
    expect(TYPING_READ_AHEAD).toBeGreaterThan(READ_AHEAD);
  });

  it('reads ahead only the chunks whose summary can match, and finds text in them in order', async () => {
    const s = new FakeStore();
    for (let i = 0; i < 12; i++) s.add(events(i % 3 === 0 ? 'a' : 'b', 1 + i * 10, 10));
    const reports = await scan(s, { text: '"n":', endpoints: ['a'] });
    expect(s.reads).toEqual([10, 7, 4, 1]);
    // Text found in every event: each chunk read is parsed, its typing read then.
    expect(s.typingReads).toEqual([10, 7, 4, 1]);
    expect(reports.flatMap((r) => r.found).map((f) => [f.cid, f.offsets.length])).toEqual([
      [10, 10],
      [7, 10],
      [4, 10],
      [1, 10],
    ]);
  });

  it('reads no typing for chunks whose word filter rules them out', async () => {
    const s = store();
    await scan(s, { text: '"n":150}' });
    expect(s.typingReads).toEqual([2]);
  });

  it('finds by typing alone exactly what reading every event finds', async () => {
    // Two endpoints, mixed directions in some chunks, a few events failing their schema.
    const s = new FakeStore({ b: 'plans' });
    for (let i = 0; i < 6; i++) {
      const evs = events(i % 2 ? 'a' : 'b', 1 + i * 20, 20);
      s.add(i === 2 || i === 3 ? evs.map((e, k) => (k % 3 === 0 ? { ...e, dir: 'out' as const } : e)) : evs);
    }
    s.add(events('b', 200, 5, () => 'plan.created'));
    const filters: Partial<typeof EMPTY_FILTER>[] = [
      { types: ['odd'] },
      { types: ['even', 'plan.created'], endpoints: ['b'] },
      { invalidOnly: true },
      { dirs: ['in'], types: ['odd'] },
      { dirs: ['out'] },
      { endpoints: ['a'] },
    ];
    const scanReads = new Set<number>();
    for (const filter of filters) {
      const byTyping = (await scan(s, filter)).flatMap((r) => r.found);
      for (const cid of s.reads) scanReads.add(cid);
      const matcher = compileStoredFilter({ filter: { ...EMPTY_FILTER, ...filter }, pins: [], families: {} });
      const byEvents = [];
      for (const c of [...(await s.readChunkIndex())].reverse()) {
        if (!matcher.chunk(c)) continue;
        const offsets = (await s.readChunk(c.cid)).flatMap((e, i) => (matcher.event(e) ? [i] : []));
        if (offsets.length > 0) byEvents.push({ cid: c.cid, offsets });
      }
      expect(byTyping, JSON.stringify(filter)).toEqual(byEvents);
      s.reads = [];
    }
    // Only the chunks with mixed directions were unpacked, for the direction filters.
    expect(scanReads).toEqual(new Set([3, 4]));
  });
});
