import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { ROOT } from '../../scripts/launch/paths';
import { newEndpoint } from '../../lib/config/endpoint';
import { parseEndpointList } from '../../lib/config/storage';
import { scenario, tid, type ExtPage } from './support/both';
import { storedEndpoints } from './support/capture';
import { setEndpoints } from './support/config';
import { pick, startDemo } from './support/demo';
import { onlyDirection, waitForRows, type RowInfo } from './support/panel';
import { poll } from './support/poll';
import { sseOnce } from './support/sse-once';
import { chunkCount, markers, receivedIds, storedEvents, waitForStored, type StoredRow } from './support/store';

const KANBAN = 'demo-kanban';
const inbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'in');
const comparable = (rows: StoredRow[]) => rows.map((r) => ({ time: r.time, dir: r.dir, name: r.name, id: r.id, data: r.data }));
const endpointsOf = async (page: ExtPage) => parseEndpointList(await storedEndpoints(page.raw)).valid;
const imported = (page: ExtPage) => poll(() => page.text(tid('exchange-notice')), (t) => (t ?? '').includes('Imported'), 'the import');

/** The stored count the timeline shows. */
const count = async (panel: ExtPage) => Number(((await panel.text(tid('timeline-count'))) ?? '').replace(/\D/g, '') || 0);

/** Scrolls the timeline to its oldest row and returns the rows shown there, top first. */
const topRows = (panel: ExtPage): Promise<RowInfo[]> =>
  panel.evaluate(() => {
    const list = document.querySelector<HTMLElement>('.tl-list');
    if (!list) return [];
    list.scrollTop = 0;
    list.dispatchEvent(new Event('scroll'));
    return [...document.querySelectorAll<HTMLElement>('.tl-list [data-testid="event-row"]')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((r) => ({ endpointId: r.dataset.endpointId ?? '', seq: Number(r.dataset.seq), dir: r.dataset.dir ?? '', type: r.dataset.type ?? '' }));
  });

const SLOW = 200;

scenario('a slow stream is kept in a few merged chunks, every event once and in order, in the store and in the open panel', async (ext) => {
  // An event every 40 ms: the writer flushes each on its own (30 ms after it arrives), then merges the chunks.
  const stream = await sseOnce(SLOW, (n) => JSON.stringify({ n }), '/slow', { batch: 1, pauseMs: 40 });
  try {
    const options = await ext.open('options.html');
    const panel = await ext.open('devtools-panel.html');
    await setEndpoints(options.raw, [newEndpoint({ id: 'slow', name: 'Slow', url: stream.url })]);
    const rows = await waitForStored(options.raw, 'slow', (r) => inbound(r).length >= SLOW, `${SLOW} events`);
    expect(receivedIds(rows)).toEqual(Array.from({ length: SLOW }, (_, i) => String(i + 1)));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    // One chunk per event without merging; eight make one, and eight of those one more.
    expect(await chunkCount(options.raw, 'slow')).toBeLessThan(SLOW / 8);
    // The panel followed them live while rows were merged under it: it counts each event once.
    const all = (await storedEvents(options.raw, 'slow')).length;
    await poll(() => count(panel), (n) => n === all, `the panel's count at ${all}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count(panel)).toBe((await storedEvents(options.raw, 'slow')).length);
  } finally {
    await stream.close();
  }
});

const TURNS = 120;

scenario('endpoints taking turns are merged into a few chunks each, and the panel still shows them in the order they arrived', async (ext) => {
  // Two endpoints, an event each every 80 ms: the writer flushes each event on its own, taking turns.
  const streams = await Promise.all(['/a', '/b'].map((p) => sseOnce(TURNS, (n) => JSON.stringify({ n }), p, { batch: 1, pauseMs: 80 })));
  try {
    const options = await ext.open('options.html');
    const panel = await ext.open('devtools-panel.html', { width: 1400, height: 1200 });
    await setEndpoints(options.raw, [newEndpoint({ id: 'ta', name: 'A', url: streams[0]!.url }), newEndpoint({ id: 'tb', name: 'B', url: streams[1]!.url })]);
    const stored: Record<string, StoredRow[]> = {};
    for (const id of ['ta', 'tb']) {
      stored[id] = await waitForStored(options.raw, id, (r) => inbound(r).length >= TURNS, `${TURNS} events of ${id}`);
      expect(receivedIds(stored[id])).toEqual(Array.from({ length: TURNS }, (_, i) => String(i + 1)));
      expect(stored[id].map((r) => r.seq)).toEqual(stored[id].map((_, i) => i + 1));
    }
    // A chunk per event each without merging (240). Merged, a group has a chunk per endpoint, and up
    // to seven units of each tier wait for an eighth: at most 3 * 7 * 2 = 42 chunks.
    const chunks = (await chunkCount(options.raw, 'ta')) + (await chunkCount(options.raw, 'tb'));
    expect(chunks).toBeLessThanOrEqual(42);
    const all = stored.ta!.length + stored.tb!.length;
    await poll(() => count(panel), (n) => n === all, `the panel's count at ${all}`);
    // The oldest rows (a group of 64 or more events) show both endpoints in the order they arrived,
    // not one endpoint's block of 32 or more (2.5 s) after the other's. One flush's events are
    // shown endpoint by endpoint, and a flush waiting for the one before may span a few hundred ms.
    const time = (r: RowInfo) => stored[r.endpointId]!.find((e) => e.seq === r.seq)!.time;
    const top = await poll(
      () => topRows(panel),
      (rs) => rs.length >= 30 && rs.every((r) => r.endpointId === 'ta' || r.endpointId === 'tb'),
      'the oldest rows on screen',
    );
    expect(new Set(top.slice(0, 8).map((r) => r.endpointId)).size).toBe(2);
    for (let i = 1; i < top.length; i++) expect(time(top[i]!)).toBeGreaterThanOrEqual(time(top[i - 1]!) - 1000);
  } finally {
    await Promise.all(streams.map((s) => s.close()));
  }
});

scenario('history survives a browser restart, and replays with the server stopped', async (ext) => {
  const { server, endpoints } = await startDemo({ rate: 8 });
  try {
    await setEndpoints((await ext.open('options.html')).raw, pick(endpoints, [KANBAN]));
    const before = await waitForStored((await ext.open('options.html')).raw, KANBAN, (r) => inbound(r).length >= 12, '12 events');
    await server.close();
    await ext.restart();

    const panel = await ext.open('devtools-panel.html');
    await onlyDirection(panel.raw, 'in');
    const want = inbound(before).map((r) => r.seq);
    await waitForRows(panel.raw, (rs) => want.slice(-10).every((s) => rs.some((r) => r.endpointId === KANBAN && r.seq === s)), 'the stored events after the restart');

    // Offline replay: the server is gone, the events are played from disk.
    await panel.click(tid('tab-exchange'));
    await panel.select(tid('replay-endpoint'), KANBAN);
    await panel.select(tid('replay-speed'), 'max');
    await panel.click(tid('replay-play'));
    await poll(() => panel.text(tid('replay-counter')), (t) => /^(\d+) \/ \1$/.test(t ?? ''), 'the replay to reach its end');
    expect(await panel.count(`${tid('replay-events')} li`)).toBeGreaterThan(0);
    await panel.click(tid('replay-step-back'));
    const [pos, total] = ((await panel.text(tid('replay-counter'))) ?? '').split(' / ').map(Number);
    expect(pos).toBe(total! - 1);
  } finally {
    await server.close();
  }
});

scenario('an NDJSON export re-imports to an identical timeline; a Chrome HAR with WebSocket frames imports', async (ext) => {
  const { server, endpoints } = await startDemo({ rate: 8 });
  try {
    const options = await ext.open('options.html');
    await setEndpoints(options.raw, pick(endpoints, [KANBAN]));
    await waitForStored(options.raw, KANBAN, (r) => inbound(r).length >= 10, '10 events');
    await setEndpoints(options.raw, pick(endpoints, [KANBAN], { enabled: false })); // freeze it
    await server.close();
    const original = await waitForStored(options.raw, KANBAN, (r) => markers(r, 'paused').length === 1, 'the endpoint to stop');

    const panel = await ext.open('devtools-panel.html');
    await panel.click(tid('tab-exchange'));
    await panel.select(tid('export-endpoint-select'), KANBAN);
    const file = await panel.download(tid('export-endpoint'));
    expect(file.name).toMatch(/\.ndjson$/);

    await panel.upload(tid('import-file'), file.name, file.text);
    await imported(panel);
    const recording = (await endpointsOf(options)).find((e) => e.recording && e.transport === 'sse');
    expect(recording?.name).toContain('Kanban board-1');
    const copy = await storedEvents(options.raw, recording!.id);
    expect(comparable(copy)).toEqual(comparable(original));

    const har = 'chrome-websocket.har';
    await panel.upload(tid('import-file'), har, readFileSync(path.join(ROOT, 'tests/fixtures/exchange', har), 'utf8'));
    await poll(async () => (await endpointsOf(options)).some((e) => e.recording && e.transport === 'ws'), Boolean, 'the HAR recording');
    const ws = (await endpointsOf(options)).find((e) => e.recording && e.transport === 'ws')!;
    await waitForStored(options.raw, ws.id, (r) => r.some((e) => e.dir === 'in') && r.some((e) => e.dir === 'out'), 'frames in both directions');
  } finally {
    await server.close();
  }
});
