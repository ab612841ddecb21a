// The SSE side of the demo server over real sockets: ids, resume, restart, routing, CORS, stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../../lib/config/demo-endpoints';
import type { DemoServer } from '../../../demo/server';
import { startDemoServer } from '../../../demo/server';
import { takeEvents } from '../../../demo/streams';
import { ids, range, readSse, withoutTimes } from './helpers';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, seed: 1 });
});
afterAll(() => server.close());

/** Fast enough to keep tests short, slow enough that a reader never falls behind. */
const FAST = 'rate=200';
const url = (path: string, query = FAST) => `${server.httpUrl}${path}${path.includes('?') ? '&' : '?'}${query}`;
const parsed = (events: { data: string }[]) => events.map((e) => withoutTimes(JSON.parse(e.data)));

describe('SSE streams', () => {
  it('numbers events 1..n, sends retry first, and sends what the generator says', async () => {
    const r = await readSse(url(DEMO_PATHS.kanbanBoard), { max: 25 });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.retry).toBe(1000);
    expect(ids(r.events)).toEqual(range(1, 25));
    const expected = takeEvents(DEMO_PATHS.kanbanBoard, 25, { seed: 1 });
    expect(r.events.map((e) => e.event)).toEqual(expected.map((e) => e.name));
    expect(parsed(r.events)).toEqual(expected.map((e) => withoutTimes(e.data)));
    const hello = JSON.parse(r.events[0]?.data ?? '{}') as { serverTime: string };
    expect(Math.abs(Date.parse(hello.serverTime) - Date.now())).toBeLessThan(5000);
  });

  it('sends OpenCode events unnamed, with the type in the JSON', async () => {
    const r = await readSse(url(DEMO_PATHS.opencode), { max: 3 });
    expect(r.events.map((e) => e.event)).toEqual([undefined, undefined, undefined]);
    expect(JSON.parse(r.events[0]?.data ?? '')).toEqual({ type: 'server.connected' });
  });

  it('resumes after Last-Event-ID (header or query) with identical content', async () => {
    const path = `${DEMO_PATHS.plans}?resume=1`;
    const whole = await readSse(url(path), { max: 30 });
    const first = await readSse(url(path), { max: 12 });
    const byHeader = await readSse(url(path), { max: 18, headers: { 'Last-Event-ID': '12' } });
    expect(ids(byHeader.events)).toEqual(range(13, 30));
    expect(parsed([...first.events, ...byHeader.events])).toEqual(parsed(whole.events));
    const byQuery = await readSse(url(path, `${FAST}&lastEventId=20`), { max: 5 });
    expect(ids(byQuery.events)).toEqual(range(21, 25));
    expect(parsed(byQuery.events)).toEqual(parsed(whole.events.slice(20, 25)));

    const stats = server.stats().streams[path];
    expect(stats?.connections).toBe(4);
    expect(stats?.perConnection.map((c) => c.resumedFrom)).toEqual([0, 0, 12, 20]);
    expect(stats?.ids).toHaveLength(1);
    expect(stats?.ids[0]?.[0]).toBe(1);
    expect(stats?.ids[0]?.[1]).toBeGreaterThanOrEqual(30);
  });

  it('survives a server restart on the same port: the client resumes where it was', async () => {
    const own = await startDemoServer({ port: 0, seed: 3 });
    const { port } = own;
    const path = `${DEMO_PATHS.generate}?${FAST}`;
    const before = await readSse(`${own.httpUrl}${path}&dropAfter=1000`, { max: 8 });
    await own.close();
    const again = await startDemoServer({ port, seed: 3 });
    try {
      const after = await readSse(`${again.httpUrl}${path}`, { max: 7, headers: { 'Last-Event-ID': '8' } });
      expect(ids(after.events)).toEqual(range(9, 15));
      const expected = takeEvents(DEMO_PATHS.generate, 15, { seed: 3 }).map((e) => withoutTimes(e.data));
      expect(parsed([...before.events, ...after.events])).toEqual(expected);
      expect(again.stats().streams[DEMO_PATHS.generate]?.duplicates).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('close() ends open streams at once', async () => {
    const own = await startDemoServer({ port: 0 });
    const reading = readSse(`${own.httpUrl}${DEMO_PATHS.hook}`, { timeoutMs: 3000 });
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await own.close();
    const r = await reading;
    expect(r.ended).toBe('error');
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it('takes the seed from the server options or the query', async () => {
    const seeded = await readSse(url(DEMO_PATHS.team, `${FAST}&seed=42`), { max: 6 });
    expect(parsed(seeded.events)).toEqual(takeEvents(DEMO_PATHS.team, 6, { seed: 42 }).map((e) => withoutTimes(e.data)));
  });
});

describe('routing', () => {
  it('answers 400 with a clear message when boardId is missing', async () => {
    const res = await fetch(`${server.httpUrl}/api/events`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/boardId/);
  });

  it('answers 404 for unknown paths, 426 for a WS path over HTTP, 400 for a bad knob', async () => {
    expect((await fetch(`${server.httpUrl}/nope`)).status).toBe(404);
    expect((await fetch(`${server.httpUrl}/ws`)).status).toBe(426);
    const bad = await fetch(`${server.httpUrl}${DEMO_PATHS.plans}?rate=fast`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/rate=fast/);
  });

  it('answers CORS preflight', async () => {
    const res = await fetch(`${server.httpUrl}${DEMO_PATHS.plans}`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Last-Event-ID/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('lists every endpoint at GET /', async () => {
    const index = (await (await fetch(`${server.httpUrl}/`)).json()) as { endpoints: { url: string }[]; knobs: object };
    const urls = index.endpoints.map((e) => e.url);
    // The protocol streams are on the second port (browsers limit connections per host and port).
    const onEitherPort = (path: string) => urls.some((u) => u.endsWith(`:${server.port}${path}`) || u.endsWith(`:${server.protocolPort}${path}`));
    for (const path of Object.values(DEMO_PATHS)) expect(onEitherPort(path), path).toBe(true);
    expect(Object.keys(index.knobs)).toContain('dropAfter');
  });

  it('serves stats at GET /__stats and clears them with POST /__reset', async () => {
    await readSse(url(DEMO_PATHS.kanbanDashboard, `${FAST}&count=3`));
    const stats = (await (await fetch(`${server.httpUrl}/__stats`)).json()) as { streams: Record<string, { events: number; ids: number[][] }> };
    expect(stats.streams[DEMO_PATHS.kanbanDashboard]?.ids).toEqual([[1, 3]]);
    expect((await fetch(`${server.httpUrl}/__reset`, { method: 'POST' })).status).toBe(200);
    expect(server.stats().streams).toEqual({});
  });
});
