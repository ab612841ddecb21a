import { expect } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import { stopServiceWorker } from '../../scripts/launch/chromium';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { demoEndpoints, DEMO_PATHS } from '../../lib/config/demo-endpoints';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { scenario, type Ext, type ExtPage } from './support/both';
import { setEndpoints } from './support/config';
import { markers, receivedIds, storedEvents, waitForStored } from './support/store';

const KANBAN = 'demo-kanban';
const KANBAN_KEY = DEMO_PATHS.kanbanBoard;

/** Distinct SSE ids a demo server reports having sent on a stream. */
function sentIds(server: DemoServer, key: string): Set<number> {
  const out = new Set<number>();
  for (const [lo, hi] of server.stats().streams[key]?.ids ?? []) for (let i = lo; i <= hi; i++) out.add(i);
  return out;
}

/** What was stored is exactly what was sent (up to the last stored id): nothing lost, nothing twice. */
function expectStoredAsSent(stored: string[], ...servers: DemoServer[]): void {
  const sent = new Set<number>();
  for (const s of servers) for (const id of sentIds(s, KANBAN_KEY)) sent.add(id);
  const last = Math.max(...stored.map(Number));
  expect(stored.map(Number)).toEqual([...sent].filter((i) => i <= last).sort((a, b) => a - b));
}

/** Every id exactly once and in order: 1..n with no gap and no duplicate. */
function expectExactlyOnce(ids: string[]): void {
  const nums = ids.map(Number);
  expect(nums).toEqual(Array.from({ length: nums.length }, (_, i) => i + 1));
}

const kanbanOnly = (port: number, patch: Partial<EndpointConfig> = {}): EndpointConfig[] =>
  demoEndpoints(port)
    .filter((e) => e.id === KANBAN)
    .map((e) => ({ ...e, reconnect: { ...e.reconnect, baseMs: 300, maxMs: 1000, maxAttempts: null }, ...patch }));

/**
 * Kills the demo server mid-stream and starts it again on the same port: the endpoint
 * reconnects, resumes with Last-Event-ID, and every id the servers sent is stored once.
 */
scenario('server killed and restarted → reconnects, resumes, every event stored exactly once', async (ext) => {
  const first = await startDemoServer({ port: 0, seed: 3, rate: 8 });
  let server = first;
  try {
    const page = (await ext.open('options.html')).raw;
    await setEndpoints(page, kanbanOnly(first.port));
    await waitForStored(page, KANBAN, (r) => receivedIds(r).length >= 10, '10 events');
    await server.close();
    await waitForStored(page, KANBAN, (r) => markers(r, 'dropped').length + markers(r, 'backoff').length > 0, 'the drop to be noticed');
    await new Promise((r) => setTimeout(r, 1500));
    server = await startDemoServer({ port: first.port, seed: 3, rate: 8 });
    const before = receivedIds(await storedEvents(page, KANBAN)).length;
    const rows = await waitForStored(page, KANBAN, (r) => receivedIds(r).length >= before + 10, '10 more events after the restart');
    expectExactlyOnce(receivedIds(rows));
    expectStoredAsSent(receivedIds(rows), first, server);
    expect(markers(rows, 'connected').length).toBeGreaterThanOrEqual(2);
  } finally {
    await server.close();
  }
});

/**
 * Stops the background the way each browser does: Chromium stops the MV3 service worker (it does
 * so on its own when idle); Firefox's MV2 background page is reloaded (as an extension reload or
 * a crashed background page does), which tears down its connections and state the same way.
 */
async function stopBackground(ext: Ext, page: ExtPage): Promise<void> {
  if (ext.chromium) return stopServiceWorker(ext.chromium, page.raw as PwPage);
  await page.evaluate(async () => {
    type Api = { runtime: { getBackgroundPage(): Promise<Window> } };
    (await (globalThis as unknown as { browser: Api }).browser.runtime.getBackgroundPage()).location.reload();
  });
}

scenario('background stopped mid-stream → restarts and resumes with no gap or duplicate', async (ext) => {
  const server = await startDemoServer({ port: 0, seed: 4, rate: 8 });
  try {
    const options = await ext.open('options.html');
    const page = options.raw;
    await setEndpoints(page, kanbanOnly(server.port));
    await waitForStored(page, KANBAN, (r) => receivedIds(r).length >= 10, '10 events');
    await stopBackground(ext, options);
    // Nothing wakes a stopped worker but the watchdog alarm or a page; the panel's port does.
    const panel = await ext.open('devtools-panel.html');
    const before = receivedIds(await storedEvents(page, KANBAN)).length;
    const rows = await waitForStored(page, KANBAN, (r) => receivedIds(r).length >= before + 10, '10 more events after the restart');
    expectExactlyOnce(receivedIds(rows));
    expectStoredAsSent(receivedIds(rows), server);
    expect(markers(rows, 'worker_started').length).toBeGreaterThanOrEqual(1);
    await panel.close();
  } finally {
    await server.close();
  }
});

scenario('malformed frames are kept and flagged, the stream goes on; 204 stops for good', async (ext) => {
  const server = await startDemoServer({ port: 0, seed: 5, rate: 8 });
  try {
    const page = (await ext.open('options.html')).raw;
    const [kanban] = kanbanOnly(server.port);
    const malformed = { ...kanban!, url: `${kanban!.url}&malformedEvery=3` };
    const done = { ...kanban!, id: 'gone', name: 'No content', url: `http://127.0.0.1:${server.port}${DEMO_PATHS.plans}?status=204` };
    await setEndpoints(page, [malformed, done]);
    const rows = await waitForStored(page, KANBAN, (r) => receivedIds(r).length >= 12, '12 events');
    expect(rows.filter((r) => r.dir === 'in' && !isJson(r.data)).length).toBeGreaterThanOrEqual(3);
    expectExactlyOnce(receivedIds(rows));
    const gone = await waitForStored(page, 'gone', (r) => markers(r, 'given_up').length === 1, 'the 204 to stop the endpoint');
    await new Promise((r) => setTimeout(r, 3000));
    const after = await storedEvents(page, 'gone');
    expect(markers(after, 'connecting').length).toBe(markers(gone, 'connecting').length);
  } finally {
    await server.close();
  }
});

scenario('a silent WebSocket (no pong) is marked stale and reconnected', async (ext) => {
  const server = await startDemoServer({ port: 0, seed: 6, rate: 4 });
  try {
    const page = (await ext.open('options.html')).raw;
    const ws = demoEndpoints(server.port).find((e) => e.id === 'demo-notifications')!;
    await setEndpoints(page, [
      {
        ...ws,
        url: `${ws.url}?stallHeartbeat=1`,
        heartbeat: { message: '{"type":"ping"}', intervalSec: 1, timeoutSec: 1, replyContains: 'pong' },
        reconnect: { ...ws.reconnect, baseMs: 300, maxMs: 1000, maxAttempts: null },
      },
    ]);
    const rows = await waitForStored(page, ws.id, (r) => markers(r, 'stale').length >= 1 && markers(r, 'connected').length >= 2, 'stale then reconnected');
    expect(rows.some((r) => r.dir === 'out' && r.data.includes('ping'))).toBe(true);
  } finally {
    await server.close();
  }
});

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
