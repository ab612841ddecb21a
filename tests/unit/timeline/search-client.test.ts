import { describe, expect, it } from 'vitest';
import type { ChunkInfo } from '../../../lib/panel/store-view';
import { REDRAW_MS, searchPoolSize, StoreSearch, type WorkerPort } from '../../../lib/timeline/search-client';
import type { SearchReply, SearchRequest } from '../../../lib/timeline/search-protocol';
import type { ChunkMatches } from '../../../lib/timeline/search-scan';
import { EMPTY_FILTER } from '../../../lib/timeline/filter';
import { events, FakeStore } from '../panel/fake-store';

/** A Worker that records what it is asked and answers only when told to. */
function scriptedWorker() {
  const asked: SearchRequest[] = [];
  const port: WorkerPort = { onmessage: null, onerror: null, postMessage: (m) => void asked.push(m) };
  const reply = (searched: number, total: number, done: boolean, found: ChunkMatches[] = []) => {
    const data: SearchReply = { type: 'progress', id: 1, progress: { found, searched, total, done } };
    port.onmessage?.({ data } as MessageEvent<SearchReply>);
  };
  return { port, asked, reply };
}

const cidsOf = (m: SearchRequest | undefined) => (m && m.type !== 'cancel' ? m.chunks.map((c) => c.cid) : []);

describe('StoreSearch progress', () => {
  it('counts a chunk deleted during the search out of its progress, and searches the chunk that merged it once', () => {
    const store = new FakeStore();
    for (let i = 0; i < 10; i++) store.add(events('a', 1 + i * 100, 100));
    const w = scriptedWorker();
    const search = new StoreSearch(() => [w.port], () => ({ unit: 0 }), () => undefined);
    const query = { filter: { ...EMPTY_FILTER, text: 'x' }, pins: [], families: {} };
    search.start(query, store.chunks.map((c) => c.info));
    w.reply(300, 1000, false);
    expect(search.progress).toMatchObject({ searched: 300, total: 1000 });
    // The two newest chunks are merged into one under a new cid while the search runs.
    const merged: ChunkInfo = store.mergeNewest(2);
    search.extend(store.chunks.map((c) => c.info));
    expect(w.asked.at(-1)).toEqual({ type: 'more', id: 1, chunks: [merged] });
    // The 200 deleted events are counted out of what was searched at once (newest first, they
    // were), and the merged chunk's 200 into what is left to search.
    expect(search.progress).toMatchObject({ running: true, searched: 100, total: 1000 });
    // The Worker counts what it was given, the deleted chunks too.
    w.reply(1200, 1200, true);
    expect(search.progress).toEqual({ running: false, searched: 1000, total: 1000 });
  });
});

describe('StoreSearch redraws', () => {
  it('redraws for progress at most every REDRAW_MS, but at once for the first matches and for a Worker finishing', () => {
    const store = new FakeStore();
    for (let i = 0; i < 10; i++) store.add(events('a', 1 + i * 100, 100));
    const [a, b] = store.chunks.map((c) => c.info.cid);
    const w = scriptedWorker();
    let clock = 0;
    let draws = 0;
    const search = new StoreSearch(() => [w.port], () => ({ unit: 0 }), () => void draws++, () => clock);
    search.start({ filter: { ...EMPTY_FILTER, text: 'x' }, pins: [], families: {} }, store.chunks.map((c) => c.info));
    draws = 0;
    const at = (t: number, searched: number, found: ChunkMatches[] = [], done = false) => {
      clock = t;
      w.reply(searched, 1000, done, found);
      return draws;
    };
    expect(at(0, 100)).toBe(1);
    expect(at(50, 200)).toBe(1);
    expect(at(100, 300, [{ cid: b!, offsets: [5] }])).toBe(2);
    expect(at(150, 400, [{ cid: a!, offsets: [7] }])).toBe(2);
    // Not drawn, but the search's state is current for the next draw.
    expect(search.progress).toMatchObject({ searched: 400, running: true });
    expect(search.matches.count).toBe(2);
    expect(at(100 + REDRAW_MS, 500)).toBe(3);
    expect(at(110 + REDRAW_MS, 1000, [], true)).toBe(4);
    expect(search.progress).toEqual({ running: false, searched: 1000, total: 1000 });
  });
});

describe('StoreSearch over a pool of Workers', () => {
  const query = { filter: { ...EMPTY_FILTER, text: 'x' }, pins: [], families: {} };
  const setup = (n: number, chunks: number) => {
    const store = new FakeStore();
    for (let i = 0; i < chunks; i++) store.add(events('a', 1 + i * 100, 100));
    const ws = Array.from({ length: n }, scriptedWorker);
    const search = new StoreSearch(() => ws.map((w) => w.port), (cid) => ({ unit: cid }), () => undefined);
    search.start(query, store.chunks.map((c) => c.info));
    return { store, ws, search };
  };

  it('deals the chunks in turns from the newest, so every Worker starts at the live edge', () => {
    const { store, ws } = setup(2, 5);
    const cids = store.chunks.map((c) => c.info.cid);
    expect(cidsOf(ws[0]!.asked[0])).toEqual([cids[0], cids[2], cids[4]]);
    expect(cidsOf(ws[1]!.asked[0])).toEqual([cids[1], cids[3]]);
  });

  it('sums the progress of every Worker and is done when the last one is', () => {
    const { ws, search } = setup(2, 5);
    ws[0]!.reply(300, 300, true);
    expect(search.progress).toEqual({ running: true, searched: 300, total: 500 });
    ws[1]!.reply(100, 200, false);
    expect(search.progress).toEqual({ running: true, searched: 400, total: 500 });
    ws[1]!.reply(200, 200, true);
    expect(search.progress).toEqual({ running: false, searched: 500, total: 500 });
  });

  it('keeps every Worker\'s matches in the history\'s order', () => {
    const { store, ws, search } = setup(2, 4);
    const cids = store.chunks.map((c) => c.info.cid);
    ws[1]!.reply(100, 200, false, [{ cid: cids[3]!, offsets: [5] }]);
    ws[0]!.reply(200, 200, true, [{ cid: cids[2]!, offsets: [1, 2] }, { cid: cids[0]!, offsets: [9] }]);
    ws[1]!.reply(200, 200, true, [{ cid: cids[1]!, offsets: [0] }]);
    const rows = Array.from({ length: search.matches.count }, (_, i) => search.matches.locate(i));
    expect(rows).toEqual([
      { cid: cids[0], offset: 9 },
      { cid: cids[1], offset: 0 },
      { cid: cids[2], offset: 1 },
      { cid: cids[2], offset: 2 },
      { cid: cids[3], offset: 5 },
    ]);
  });

  it('counts a Worker given no chunk as done, and wakes it with chunks written later', () => {
    const { store, ws, search } = setup(3, 2);
    expect(ws.map((w) => cidsOf(w.asked[0]).length)).toEqual([1, 1, 0]);
    ws[0]!.reply(100, 100, true);
    ws[1]!.reply(100, 100, true);
    expect(search.progress).toEqual({ running: false, searched: 200, total: 200 });
    // Chunks written meanwhile go on in turns: the third Worker's turn comes first.
    for (let i = 2; i < 4; i++) store.add(events('a', 1 + i * 100, 100));
    search.extend(store.chunks.map((c) => c.info));
    const cids = store.chunks.map((c) => c.info.cid);
    expect(ws[2]!.asked.at(-1)).toEqual({ type: 'more', id: 1, chunks: [store.chunks[3]!.info] });
    expect(cidsOf(ws[0]!.asked.at(-1))).toEqual([cids[2]]);
    expect(ws[1]!.asked).toHaveLength(1);
    expect(search.progress).toEqual({ running: true, searched: 200, total: 400 });
    ws[2]!.reply(100, 100, true);
    ws[0]!.reply(200, 200, true);
    expect(search.progress).toEqual({ running: false, searched: 400, total: 400 });
  });

  it('is done at once over an empty store (no Worker has a chunk to report on)', () => {
    const { search } = setup(2, 0);
    expect(search.progress).toEqual({ running: false, searched: 0, total: 0 });
  });

  it('fails the search when any Worker fails, and cancels every Worker', () => {
    const { ws, search } = setup(2, 4);
    ws[1]!.port.onerror?.({ message: 'could not load' } as ErrorEvent);
    expect(search.progress).toMatchObject({ running: false, error: 'could not load' });
    const again = setup(2, 4);
    again.search.cancel();
    expect(again.ws.map((w) => w.asked.at(-1))).toEqual([
      { type: 'cancel', id: 1 },
      { type: 'cancel', id: 1 },
    ]);
    // A late reply of a cancelled search changes nothing.
    again.ws[0]!.reply(200, 200, true, [{ cid: 1, offsets: [0] }]);
    expect(again.search.matches.count).toBe(0);
  });

  it('starts one Worker per core, at most four', () => {
    expect([undefined, 1, 2, 3, 8].map(searchPoolSize)).toEqual([1, 1, 2, 3, 4]);
  });
});
