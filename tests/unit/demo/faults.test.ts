// Fault knobs over real sockets, SSE and WebSocket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../../lib/config/demo-endpoints';
import type { DemoServer } from '../../../demo/server';
import { startDemoServer } from '../../../demo/server';
import { collectWs, ids, range, readSse } from './helpers';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, rate: 200 });
});
afterAll(() => server.close());

const sse = (query: string) => `${server.httpUrl}${DEMO_PATHS.kanbanBoard}&${query}`;
const ws = (query: string, path: string = DEMO_PATHS.notifications) => `${server.wsUrl}${path}?${query}`;
const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('SSE faults', () => {
  it('count=N ends the response after N events', async () => {
    const r = await readSse(sse('count=5'));
    expect(r.ended).toBe('eof');
    expect(ids(r.events)).toEqual(range(1, 5));
    expect(server.stats().streams[DEMO_PATHS.kanbanBoard]?.perConnection.at(-1)?.ended).toBe('count');
  });

  it('dropAfter=N breaks the connection after N events', async () => {
    const r = await readSse(sse('dropAfter=4'));
    expect(r.ended).toBe('error');
    expect(ids(r.events)).toEqual(range(1, 4));
  });

  it('malformedEvery=K breaks the JSON of every K-th event but keeps its id', async () => {
    const r = await readSse(sse('malformedEvery=3&count=9'));
    expect(ids(r.events)).toEqual(range(1, 9));
    expect(r.events.map((e) => isJson(e.data))).toEqual([true, true, false, true, true, false, true, true, false]);
  });

  it('status=500 and status=204 answer that status with a short body', async () => {
    const failed = await fetch(sse('status=500'));
    expect(failed.status).toBe(500);
    expect(await failed.text()).toMatch(/500/);
    const empty = await fetch(sse('status=204'));
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('contentType=text/plain serves the stream with the wrong content type', async () => {
    const r = await readSse(sse('contentType=text/plain&count=2'));
    expect(r.headers.get('content-type')).toBe('text/plain');
    expect(r.body).toMatch(/^retry: 1000\n\nid: 1\nevent: hello\n/);
  });

  it('size=N pads payloads to about N bytes; hugeEvery makes every K-th one huge', async () => {
    const r = await readSse(sse('size=600&hugeEvery=4&hugeBytes=100000&count=8'));
    const sizes = r.events.map((e) => Buffer.byteLength(e.data));
    sizes.forEach((n, i) => {
      if ((i + 1) % 4 === 0) expect(n).toBe(100_000);
      else expect(n === 600 || (i === 1 && n > 600)).toBe(true); // the board snapshot is bigger already
    });
    expect(r.events.every((e) => isJson(e.data))).toBe(true);
  });

  it('stallHeartbeat=1 leaves the heartbeats out (ids stay contiguous)', async () => {
    const r = await readSse(`${server.httpUrl}${DEMO_PATHS.kanbanDashboard}?rate=2000&count=120&stallHeartbeat=1`);
    expect(ids(r.events)).toEqual(range(1, 120));
    expect(r.events.some((e) => e.event === 'heartbeat')).toBe(false);
    const normal = await readSse(`${server.httpUrl}${DEMO_PATHS.kanbanDashboard}?rate=2000&count=120`);
    expect(normal.events.some((e) => e.event === 'heartbeat')).toBe(true);
  });
});

describe('WebSocket', () => {
  it('answers a ping with a pong', async () => {
    const r = await collectWs(ws('rate=1'), { max: 2, onOpen: (s) => s.send('{"type":"ping"}') });
    const frames = r.frames.map((f) => JSON.parse(f) as { type: string; timestamp: string });
    expect(frames[0]?.type).toBe('connection_ack');
    expect(frames[1]?.type).toBe('pong');
    expect(Date.parse(frames[1]?.timestamp ?? '')).not.toBeNaN();
  });

  it('stallHeartbeat=1 sends the ack, then nothing, and ignores pings', async () => {
    const r = await collectWs(ws('stallHeartbeat=1'), { timeoutMs: 400, onOpen: (s) => setTimeout(() => s.send('{"type":"ping"}'), 50) });
    expect(r.frames.map((f) => (JSON.parse(f) as { type: string }).type)).toEqual(['connection_ack']);
    expect(r.closeCode).toBeUndefined();
  });

  it('count=N closes with 1000 after N frames; dropAfter=N drops (1006)', async () => {
    const counted = await collectWs(ws('count=6'));
    expect(counted.frames).toHaveLength(6);
    expect(counted.closeCode).toBe(1000);
    const dropped = await collectWs(ws('dropAfter=3', DEMO_PATHS.officeplaneWs));
    expect(dropped.frames).toHaveLength(3); // all three go out in the first tick, before the drop
    expect(dropped.closeCode).toBe(1006);
  });

  it('malformedEvery and status apply to sockets too', async () => {
    const r = await collectWs(ws('malformedEvery=2&count=4'));
    expect(r.frames.map(isJson)).toEqual([true, false, true, false]);
    const refused = await collectWs(ws('status=500'));
    expect(refused.status).toBe(500);
  });

  it('streams OfficePlane frames as {type, payload}', async () => {
    const r = await collectWs(ws('count=3', DEMO_PATHS.officeplaneWs));
    for (const f of r.frames) expect(JSON.parse(f)).toMatchObject({ type: expect.any(String), payload: expect.any(Object) });
  });
});
