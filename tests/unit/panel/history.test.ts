import { describe, expect, it, vi } from 'vitest';
import { CACHE_EVENTS, EventHistory } from '../../../lib/panel/history';
import { events, FakeStore } from './fake-store';

/** 60 chunks of 1,000 events of endpoint `a`. */
function bigStore(): FakeStore {
  const store = new FakeStore();
  for (let i = 0; i < 60; i++) store.add(events('a', 1 + i * 1000, 1000));
  return store;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('EventHistory (a view over the store)', { timeout: 30_000 }, () => {
  it('spans every stored event and reads only the chunks asked for', async () => {
    const store = bigStore();
    const h = new EventHistory(store);
    await h.refresh();
    expect(h.total).toBe(60_000);
    expect(store.reads).toEqual([]);
    expect(h.eventAt(0)).toBeUndefined(); // being read
    await settle();
    expect(h.eventAt(0)?.seq).toBe(1);
    expect(h.eventAt(59_999)).toBeUndefined();
    await settle();
    expect(h.eventAt(59_999)?.seq).toBe(60_000);
    expect(store.reads).toEqual([1, 60]);
  });

  it('keeps a bounded number of events in memory however much is read', async () => {
    const h = new EventHistory(bigStore());
    await h.refresh();
    for (let row = 0; row < 60_000; row += 1000) await h.readChunk(h.chunks[row / 1000]!.cid);
    const cached = (h as unknown as { cached: number }).cached;
    expect(cached).toBeLessThanOrEqual(CACHE_EVENTS);
    expect(cached).toBeGreaterThan(0);
  });

  it('puts live events after the stored ones, drops what the index already holds, and lets the index take them over', async () => {
    const store = new FakeStore();
    store.add(events('a', 1, 5));
    const h = new EventHistory(store);
    await h.refresh();
    h.addLive(events('a', 4, 4)); // 4 and 5 are stored already
    expect(h.tail.map((e) => e.seq)).toEqual([6, 7]);
    expect(h.total).toBe(7);
    expect(h.eventAt(6)?.seq).toBe(7);
    store.add(events('a', 6, 2));
    await h.refresh();
    expect(h.tail).toEqual([]);
    expect(h.total).toBe(7);
  });

  it('shows live events the index took over until their chunk is read, without a gap', async () => {
    const store = new FakeStore();
    store.add(events('a', 1, 5));
    const h = new EventHistory(store);
    await h.refresh();
    h.addLive(events('a', 6, 4)); // 6..9 live
    store.add(events('a', 6, 3)); // the background stored 6..8 as a chunk
    await h.refresh();
    expect(h.tail.map((e) => e.seq)).toEqual([9]);
    // Rows 5..7 are the new chunk's: shown from the events the tail held, while it is read.
    expect([5, 6, 7, 8].map((r) => h.eventAt(r)?.seq)).toEqual([6, 7, 8, 9]);
    expect(store.reads).toEqual([2]);
    await settle();
    expect([5, 6, 7].map((r) => h.eventAt(r)?.seq)).toEqual([6, 7, 8]);
    // A chunk the tail held only part of is read like any other.
    h.addLive(events('a', 12, 1));
    store.add(events('a', 10, 3));
    await h.refresh();
    expect(h.eventAt(9)).toBeUndefined();
  });

  it('finds an event on disk or in the tail, with its row, and the row of a time', async () => {
    const h = new EventHistory(bigStore());
    await h.refresh();
    h.addLive(events('a', 60_001, 3));
    expect((await h.find('a#1500'))?.row).toBe(1499);
    expect((await h.find('a#60002'))?.row).toBe(60_001);
    expect(await h.find('a#70000')).toBeUndefined();
    expect(h.rowAtTime(1_000 + 30_001 * 10)).toBe(30_000);
    expect(h.rowAtTime(1_000 + 60_002 * 10)).toBe(60_001);
  });

  it('tells listeners about live events and clears', async () => {
    const h = new EventHistory(new FakeStore());
    await h.refresh();
    const seen: number[] = [];
    const cleared: (string | undefined)[] = [];
    h.onLive((evs) => seen.push(...evs.map((e) => e.seq)));
    h.onClear((id) => cleared.push(id));
    h.addLive(events('a', 1, 2));
    h.addLive(events('a', 2, 2));
    h.clear('a');
    expect(seen).toEqual([1, 2, 3]);
    expect(cleared).toEqual(['a']);
    expect(h.tail).toEqual([]);
  });

  it('following live events reads only the index rows of new chunks, and all of them once something known was deleted', async () => {
    vi.useFakeTimers();
    try {
      const store = bigStore();
      const h = new EventHistory(store);
      await h.refresh();
      // Live events re-read the index a second later: only the rows after the newest known chunk.
      h.addLive(events('a', 60_001, 500));
      store.add(events('a', 60_001, 500));
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.indexReads).toEqual([60]);
      expect(h.chunks.map((c) => c.cid)).toEqual(store.chunks.map((c) => c.info.cid));
      expect(h.total).toBe(60_500);
      expect(h.tail).toEqual([]);
      expect((await h.find('a#60250'))?.row).toBe(60_249);
      // Retention deletes the oldest chunk while more arrive: the counts no longer add up, so
      // the whole index is read again.
      store.chunks.shift();
      h.addLive(events('a', 60_501, 10));
      store.add(events('a', 60_501, 10));
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.indexReads).toEqual([60, 61]);
      expect(h.chunks.map((c) => c.cid)).toEqual(store.chunks.map((c) => c.info.cid));
      expect(h.total).toBe(59_510);
      expect(await h.find('a#500')).toBeUndefined();
      expect((await h.find('a#1500'))?.row).toBe(499);
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the newest small chunks are merged into one, the new row takes their place without a whole re-read', async () => {
    vi.useFakeTimers();
    try {
      const store = new FakeStore();
      store.add(events('b', 1, 100));
      const h = new EventHistory(store);
      await h.refresh();
      const wholeReads = store.wholeReads;
      // A slow stream: a chunk per event, each seen live first.
      for (let seq = 1; seq <= 7; seq++) {
        h.addLive(events('a', seq, 1));
        store.add(events('a', seq, 1));
        await vi.advanceTimersByTimeAsync(1000);
      }
      for (let row = 100; row < 107; row++) await h.readChunk(h.chunks[row - 99]!.cid);
      expect(h.chunks.map((c) => c.count)).toEqual([100, 1, 1, 1, 1, 1, 1, 1]);
      // The eighth arrives and the writer merges the eight into one chunk.
      h.addLive(events('a', 8, 1));
      store.add(events('a', 8, 1));
      const merged = store.mergeNewest(8);
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.wholeReads).toBe(wholeReads);
      expect(h.chunks.map((c) => c.cid)).toEqual(store.chunks.map((c) => c.info.cid));
      expect(h.chunks.at(-1)).toEqual(merged);
      expect(h.total).toBe(108);
      // Its events show at once: those of the replaced rows and the live one it took over.
      expect(Array.from({ length: 8 }, (_, i) => h.eventAt(100 + i)?.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await h.find('a#5'))?.row).toBe(104);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a group of endpoints taking turns in the order they arrived, taking the place of the rows it merged', async () => {
    vi.useFakeTimers();
    try {
      const store = new FakeStore();
      store.add(events('c', 1, 100));
      const h = new EventHistory(store);
      await h.refresh();
      const wholeReads = store.wholeReads;
      // Two endpoints taking turns unevenly, a chunk per event, each seen live first.
      const turns = ['a', 'b', 'b', 'a', 'b', 'a', 'a', 'b'];
      const next = { a: 1, b: 1 } as Record<string, number>;
      const arrived: string[] = [];
      const rowsOf = () => Array.from({ length: arrived.length }, (_, i) => h.eventAt(100 + i)).map((e) => e && `${e.endpointId}#${e.seq}`);
      for (const id of turns) {
        const ev = events(id, next[id]!++, 1);
        arrived.push(`${id}#${ev[0]!.seq}`);
        h.addLive(ev);
        store.add(ev);
        if (arrived.length === turns.length) break;
        await vi.advanceTimersByTimeAsync(1000);
        rowsOf();
        await vi.advanceTimersByTimeAsync(0);
        expect(rowsOf()).toEqual(arrived);
      }
      // The eighth is written and the writer merges the eight chunks into a group.
      const group = store.weaveNewest(8);
      expect(group.map((c) => c.count)).toEqual([4, 4]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(store.wholeReads).toBe(wholeReads);
      expect(h.chunks.map((c) => c.cid)).toEqual(store.chunks.map((c) => c.info.cid));
      expect(h.storedCount).toBe(108);
      // Shown at once from the replaced rows' events, in the order they arrived; then read from disk.
      expect(rowsOf()).toEqual(arrived);
      for (const c of group) await h.readChunk(c.cid);
      expect(rowsOf()).toEqual(arrived);
      for (const [i, key] of arrived.entries()) expect((await h.find(key))?.row).toBe(100 + i);
      expect((await h.readUnit(1)).map((e) => `${e.endpointId}#${e.seq}`)).toEqual(arrived);
      expect(h.rowAtTime(Infinity)).toBe(108);
      // A whole re-read lays them out the same.
      await h.refresh();
      expect(rowsOf()).toEqual(arrived);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a whole re-read asked for while another read runs happens after it', async () => {
    const store = bigStore();
    const h = new EventHistory(store);
    await h.refresh();
    h.addLive(events('a', 60_001, 1));
    const reading = (h as unknown as { reread(): Promise<void> }).reread();
    // A chunk rewritten with the same count: only a whole re-read sees it.
    store.chunks[0]!.info = { ...store.chunks[0]!.info, cid: 1000 };
    await Promise.all([reading, h.refresh()]);
    expect(h.chunks[0]?.cid).toBe(1000);
  });
});
