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
import { onlyDirection, waitForRows } from './support/panel';
import { poll } from './support/poll';
import { sseOnce } from './support/sse-once';
import { chunkCount, markers, receivedIds, storedEvents, waitForStored, type StoredRow } from './support/store';

const KANBAN = 'demo-kanban';
const inbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'in');
const comparable = (rows: StoredRow[]) => rows.map((r) => ({ time: r.time, dir: r.dir, name: r.name, id: r.id, data: r.data }));
const endpointsOf = async (page: ExtPage) => parseEndpointList(await storedEndpoints(page.raw)).valid;
const imported = (page: ExtPage) => poll(() => page.text(tid('exchange-notice')), (t) => (t ?? '').includes('Imported'), 'the import');

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
    const count = async () => Number(((await panel.text(tid('timeline-count'))) ?? '').replace(/\D/g, '') || 0);
    const all = (await storedEvents(options.raw, 'slow')).length;
    await poll(count, (n) => n === all, `the panel's count at ${all}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count()).toBe((await storedEvents(options.raw, 'slow')).length);
  } finally {
    await stream.close();
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
