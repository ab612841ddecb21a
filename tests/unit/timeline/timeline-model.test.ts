import { describe, expect, it } from 'vitest';
import { EventHistory } from '../../../lib/panel/history';
import { EventTyping } from '../../../lib/protocols/typing';
import { detectFamily, typeEvent } from '../../../lib/protocols';
import { EMPTY_FILTER, type TimelineFilter } from '../../../lib/timeline/filter';
import { StoreSearch, type WorkerPort } from '../../../lib/timeline/search-client';
import type { SearchReply, SearchRequest } from '../../../lib/timeline/search-protocol';
import { scanChunks } from '../../../lib/timeline/search-scan';
import { compileStoredFilter } from '../../../lib/timeline/stored-filter';
import { TimelineModel } from '../../../lib/timeline/timeline-model';
import { events, FakeStore } from '../panel/fake-store';

/** The search Worker's work, run in this thread over the fake store (only the message hop is left out). */
function inProcessWorker(store: FakeStore): WorkerPort {
  let current = 0;
  const port: WorkerPort = {
    onmessage: null,
    postMessage(m: SearchRequest) {
      if (m.type === 'cancel') return void (current = 0);
      if (m.type === 'more') return;
      current = m.id;
      const id = m.id;
      void scanChunks(m.chunks, compileStoredFilter(m.query), {
        readRaw: (reads) => store.readRawChunks(reads),
        readTyping: (cids) => store.readChunkTypings(cids),
        cancelled: () => id !== current,
        report: (progress) => port.onmessage?.({ data: { type: 'progress', id, progress } satisfies SearchReply } as MessageEvent<SearchReply>),
        reportMs: 0,
      });
    },
  };
  return port;
}

const settle = () => new Promise((r) => setTimeout(r, 10));

async function setup() {
  const store = new FakeStore();
  for (let i = 0; i < 20; i++) store.add(events('a', 1 + i * 500, 500, (seq) => (seq === 7 ? 'first' : seq % 2 ? 'odd' : 'even')));
  const history = new EventHistory(store);
  await history.refresh();
  const typing = new EventTyping(() => 'generic', { typeEvent, detectFamily });
  // Two Workers, as the pool has on a machine with two cores.
  const search = new StoreSearch(() => [inProcessWorker(store), inProcessWorker(store)], (cid) => history.placeOf(cid), () => undefined);
  const model = new TimelineModel(history, typing, search);
  const filter = (f: Partial<TimelineFilter>) => model.setFilter({ ...EMPTY_FILTER, ...f }, { pins: new Set() });
  return { store, history, model, filter };
}

describe('TimelineModel over the store', { timeout: 30_000 }, () => {
  it('spans the whole store unfiltered and reads rows as they are asked for', async () => {
    const { model, store } = await setup();
    model.sync();
    expect(model.count).toBe(10_000);
    expect(model.eventAt(5_000)).toBeUndefined();
    await settle();
    expect(model.eventAt(5_000)?.seq).toBe(5_001);
    expect(store.reads).toEqual([11]);
  });

  it('filters over every stored event through the search, as references, with progress', async () => {
    const { model, filter, store } = await setup();
    filter({ types: ['first'] });
    expect(model.filtered).toBe(true);
    await settle();
    expect(model.search.progress).toMatchObject({ running: false, searched: 10_000, total: 10_000 });
    expect(model.count).toBe(1);
    // The other chunks' summaries have no `first`; that chunk's typing alone decides.
    expect(store.typingReads).toEqual([1]);
    expect(store.reads).toEqual([]);
    expect(model.eventAt(0)).toBeUndefined(); // the row's chunk is being read
    await settle();
    expect(store.reads).toEqual([1]);
    expect(model.eventAt(0)?.seq).toBe(7);
    expect(model.rowOf('a#7')).toBe(0);
  });

  it('tests live events on arrival, and the type counts are whole-store counts', async () => {
    const { model, filter, history } = await setup();
    filter({ text: '"n":10002' });
    await settle();
    expect(model.count).toBe(0);
    history.addLive(events('a', 10_001, 5));
    model.sync();
    expect(model.count).toBe(1);
    expect(model.eventAt(0)?.seq).toBe(10_002);
    expect(model.typeCounts().get('first')).toBe(1);
    expect((model.typeCounts().get('odd') ?? 0) + (model.typeCounts().get('even') ?? 0)).toBe(9_999);
  });

  it('says the search failed when its Worker cannot run, instead of searching forever', async () => {
    const broken: WorkerPort = {
      onmessage: null,
      onerror: null,
      postMessage: () => setTimeout(() => broken.onerror?.({ message: 'could not load' } as ErrorEvent), 0),
    };
    const store = new FakeStore();
    store.add(events('a', 1, 10));
    const search = new StoreSearch(() => [broken], () => ({ unit: 0 }), () => undefined);
    search.start({ filter: { ...EMPTY_FILTER, text: 'x' }, pins: [], families: {} }, [store.chunks[0]!.info]);
    expect(search.progress.running).toBe(true);
    await settle();
    expect(search.progress).toMatchObject({ running: false, error: 'could not load' });
  });

  it('holds the row count while paused', async () => {
    const { model, history } = await setup();
    model.sync();
    model.setPaused(true);
    history.addLive(events('a', 10_001, 3));
    model.sync();
    expect([model.count, model.waiting]).toEqual([10_000, 3]);
    model.setPaused(false);
    expect(model.count).toBe(10_003);
  });

  it('shows the matches of a group of endpoints taking turns in the order they arrived, filtered or not', async () => {
    const store = new FakeStore();
    store.add(events('c', 1, 50));
    const turns = ['a', 'b', 'b', 'a', 'b', 'a', 'a', 'b', 'b', 'a'];
    const next: Record<string, number> = { a: 1, b: 1 };
    const arrived: string[] = [];
    for (const id of turns) {
      const ev = events(id, next[id]!++, 1);
      arrived.push(`${id}#${ev[0]!.seq}`);
      store.add(ev);
    }
    store.weaveNewest(turns.length);
    const history = new EventHistory(store);
    await history.refresh();
    const typing = new EventTyping(() => 'generic', { typeEvent, detectFamily });
    // Four Workers for three chunks: one of them is given none.
    const search = new StoreSearch(() => [1, 2, 3, 4].map(() => inProcessWorker(store)), (cid) => history.placeOf(cid), () => undefined);
    const model = new TimelineModel(history, typing, search);
    const key = (e: { endpointId: string; seq: number } | undefined) => e && `${e.endpointId}#${e.seq}`;
    const rows = async (): Promise<(string | undefined)[]> => {
      for (let i = 0; i < model.count; i++) model.eventAt(i);
      await settle();
      return Array.from({ length: model.count }, (_, i) => key(model.eventAt(i)));
    };
    model.sync();
    expect((await rows()).slice(50)).toEqual(arrived);
    expect((await model.collect()).slice(50).map(key)).toEqual(arrived);
    // Odd seqs only (c's too): matches in both chunks of the group, merged in arrival order.
    model.setFilter({ ...EMPTY_FILTER, types: ['odd'] }, { pins: new Set() });
    await settle();
    const odd = arrived.filter((k) => Number(k.split('#')[1]) % 2 === 1);
    expect((await rows()).slice(25)).toEqual(odd);
    expect((await model.collect()).slice(25).map(key)).toEqual(odd);
    for (const [i, k] of odd.entries()) expect(model.rowOf(k)).toBe(25 + i);
    expect(model.rowAtTime(0)).toBe(0);
    expect(model.rowAtTime(Infinity)).toBe(model.count);
  });

  it('finds the row of a time', async () => {
    const { model } = await setup();
    model.sync();
    expect(model.rowAtTime(1_000 + 2_501 * 10)).toBe(2_500);
    expect(model.rowAtTime(0)).toBe(0);
  });
});
