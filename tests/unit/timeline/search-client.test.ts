import { describe, expect, it } from 'vitest';
import type { ChunkInfo } from '../../../lib/panel/store-view';
import { StoreSearch, type WorkerPort } from '../../../lib/timeline/search-client';
import type { SearchReply, SearchRequest } from '../../../lib/timeline/search-protocol';
import { EMPTY_FILTER } from '../../../lib/timeline/filter';
import { events, FakeStore } from '../panel/fake-store';

/** A Worker that records what it is asked and answers only when told to. */
function scriptedWorker() {
  const asked: SearchRequest[] = [];
  const port: WorkerPort = { onmessage: null, postMessage: (m) => void asked.push(m) };
  const reply = (searched: number, total: number, done: boolean) => {
    const data: SearchReply = { type: 'progress', id: 1, progress: { found: [], searched, total, done } };
    port.onmessage?.({ data } as MessageEvent<SearchReply>);
  };
  return { port, asked, reply };
}

describe('StoreSearch progress', () => {
  it('counts a chunk deleted during the search out of its progress, and searches the chunk that merged it once', () => {
    const store = new FakeStore();
    for (let i = 0; i < 10; i++) store.add(events('a', 1 + i * 100, 100));
    const w = scriptedWorker();
    const search = new StoreSearch(() => w.port, () => ({ unit: 0 }), () => undefined);
    const query = { filter: { ...EMPTY_FILTER, text: 'x' }, pins: [], families: {} };
    search.start(query, store.chunks.map((c) => c.info));
    w.reply(300, 1000, false);
    expect(search.progress).toMatchObject({ searched: 300, total: 1000 });
    // The two newest chunks are merged into one under a new cid while the search runs.
    const merged: ChunkInfo = store.mergeNewest(2);
    search.extend(store.chunks.map((c) => c.info));
    expect(w.asked.at(-1)).toEqual({ type: 'more', id: 1, chunks: [merged] });
    expect(search.progress).toMatchObject({ running: true, searched: 300, total: 1000 });
    // The Worker counts what it was given, the deleted chunks too.
    w.reply(1200, 1200, true);
    expect(search.progress).toEqual({ running: false, searched: 1000, total: 1000 });
  });
});
