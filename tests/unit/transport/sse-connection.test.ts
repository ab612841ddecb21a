import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECONNECT_PRESETS } from '../../../lib/config/reconnect';
import { createConnection, type Connection } from '../../../lib/transport/connection';
import type { EndpointConfig } from '../../../lib/config/endpoint';
import { advance, FakeServer, fakeDeps, flush, Recorder, sseEndpoint, useClock } from './fakes';

let server: FakeServer;
let rec: Recorder;
let conn: Connection;

const open = async (over: Partial<EndpointConfig> = {}, resume?: { lastEventId?: string }): Promise<void> => {
  conn = createConnection(sseEndpoint(over), fakeDeps(server), rec, resume);
  conn.start();
  await flush();
};

beforeEach(() => {
  useClock();
  server = new FakeServer();
  rec = new Recorder();
});
afterEach(() => {
  conn.stop();
  vi.useRealTimers();
});

describe('SSE connection', () => {
  it('connects with the right headers, reads events and tracks the last event id', async () => {
    const s = server.stream();
    await open({ headers: { Authorization: 'Bearer t', 'X-Team': 'a' } });
    const h = server.requests[0]?.headers;
    expect(h?.get('accept')).toBe('text/event-stream');
    expect(h?.get('cache-control')).toBe('no-cache');
    expect(h?.get('authorization')).toBe('Bearer t');
    expect(h?.get('x-team')).toBe('a');
    expect(h?.has('last-event-id')).toBe(false);
    expect(conn.state).toBe('open');

    s.send('retry: 2000\nevent: delta\nid: 1\ndata: {"a":1}\n\ndata: plain\n\n: keep-alive\n\n');
    await flush();
    expect(rec.frames).toEqual([
      { dir: 'in', name: 'delta', id: '1', retry: 2000, data: '{"a":1}', size: 7 },
      // No id field of its own: the last event id still applies to it (spec).
      { dir: 'in', name: undefined, id: '1', retry: undefined, data: 'plain', size: 5 },
    ]);
    expect(conn.lastEventId).toBe('1');
    expect(conn.lastActivityAt).toBe(Date.now());
    expect(rec.kinds).toEqual(['connecting', 'connected']);
  });

  it('reconnects after the stream ends, sending Last-Event-ID, and backs off', async () => {
    const first = server.stream();
    const second = server.stream();
    await open();
    first.send('id: 1\ndata: a\n\nid: 2\ndata: b\n\n');
    first.end();
    await flush();
    expect(conn.state).toBe('backoff');
    expect(rec.lastMarker('dropped')).toBe('Connection dropped: stream ended by the server');
    expect(rec.lastMarker('backoff')).toBe('Reconnecting in 1.0 s (backoff step 1: 1000 ms ±20 %)');
    expect(rec.lastStatus).toMatchObject({ state: 'backoff', attempt: 1, nextRetryAt: Date.now() + 1000, reason: 'stream ended by the server' });
    expect(rec.attempts.get(1)).toMatchObject({ outcome: 'stream ended by the server', httpStatus: 200, delayMs: 1000 });

    await advance(999);
    expect(server.requests).toHaveLength(1);
    await advance(1);
    expect(server.requests).toHaveLength(2);
    expect(server.lastHeader('last-event-id')).toBe('2');
    expect(rec.attempts.get(2)).toMatchObject({ lastEventIdSent: '2', outcome: 'open' });
    expect(rec.lastMarker('connected')).toBe('Connected: HTTP 200, resuming after id 2');
    second.send('id: 3\ndata: c\n\n');
    await flush();
    expect(rec.data).toEqual(['a', 'b', 'c']);
    expect(rec.kinds.filter((k) => k === 'gap' || k === 'duplicate')).toEqual([]);
  });

  it('resumes from a stored id on the first connect', async () => {
    server.stream();
    await open({}, { lastEventId: '41' });
    expect(server.lastHeader('last-event-id')).toBe('41');
    expect(conn.lastEventId).toBe('41');
  });

  it('forgets the last event id when the server sends an empty one', async () => {
    const s = server.stream();
    server.stream();
    await open({}, { lastEventId: '41' });
    s.send('id:\ndata: reset\n\n');
    s.end();
    await flush();
    expect(rec.frames[0]?.id).toBe('');
    expect(conn.lastEventId).toBeUndefined();
    await advance(1000);
    expect(server.requests[1]?.headers.has('last-event-id')).toBe(false);
  });

  it('applies an id sent without data', async () => {
    const s = server.stream();
    await open();
    s.send('id: 1\ndata: a\n\nid: 5\n\n');
    await flush();
    expect(conn.lastEventId).toBe('5');
    expect(rec.frames).toHaveLength(1);
  });

  it('reports gaps and duplicates but keeps every event', async () => {
    const s = server.stream();
    await open();
    s.send('id: 1\ndata: a\n\nid: 4\ndata: b\n\nid: 4\ndata: c\n\n');
    await flush();
    expect(rec.markers.filter((m) => m.kind === 'gap' || m.kind === 'duplicate')).toEqual([
      { kind: 'gap', message: 'Gap: ids 2–3 are missing (1 → 4)', detail: { from: 1, to: 4, missing: 2 } },
      { kind: 'duplicate', message: 'Duplicate: id 4 came twice', detail: { id: '4' } },
    ]);
    expect(rec.data).toEqual(['a', 'b', 'c']);
  });

  it("uses the server's retry as the least delay", async () => {
    const s = server.stream();
    await open();
    s.send('retry: 5000\n\n');
    s.end();
    await flush();
    expect(rec.attempts.get(1)).toMatchObject({ delayMs: 5000, delayWhy: 'server retry 5000 ms' });
    await advance(4999);
    expect(server.requests).toHaveLength(1);
    await advance(1);
    expect(server.requests).toHaveLength(2);
  });

  it('stops for good on 204 No Content', async () => {
    server.respond(204, 'text/plain', null);
    await open();
    const why = 'server answered 204 No Content: stream closed by the server';
    expect(conn.state).toBe('given_up');
    expect(rec.lastStatus?.reason).toBe(why);
    expect(rec.lastMarker('given_up')).toBe(`Gave up: ${why}`);
    await advance(60_000);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up on a 4xx when the endpoint says stop', async () => {
    server.respond(404);
    await open({ onHttpError: 'stop' });
    expect(rec.lastMarker('http_error')).toBe('HTTP 404 Not Found');
    expect(conn.state).toBe('given_up');
    expect(rec.lastStatus?.reason).toBe('HTTP 404 Not Found (this endpoint stops on HTTP errors)');
    expect(rec.attempts.get(1)).toMatchObject({ httpStatus: 404, outcome: 'HTTP 404 Not Found' });
  });

  it('retries a 4xx when the endpoint says retry', async () => {
    server.respond(401);
    server.stream();
    await open({ onHttpError: 'retry' });
    expect(rec.lastMarker('http_error')).toBe('HTTP 401 Unauthorized');
    expect(conn.state).toBe('backoff');
    await advance(1000);
    expect(conn.state).toBe('open');
  });

  it('names a wrong content type and applies the HTTP error policy', async () => {
    server.respond(200, 'text/plain');
    await open({ onHttpError: 'stop' });
    expect(rec.lastStatus).toMatchObject({ state: 'given_up', reason: 'expected text/event-stream, got text/plain (this endpoint stops on HTTP errors)' });
  });

  it('retries a 5xx even when HTTP errors stop the endpoint', async () => {
    server.respond(503);
    server.stream();
    await open({ onHttpError: 'stop' });
    expect(rec.lastStatus).toMatchObject({ state: 'backoff', reason: 'HTTP 503 Service Unavailable' });
    await advance(1000);
    expect(conn.state).toBe('open');
  });

  it('gives up after the allowed retries and starts over on reconnectNow', async () => {
    await open({ reconnect: { ...RECONNECT_PRESETS.opencode, maxAttempts: 2 } });
    expect(rec.lastMarker('dropped')).toBe('Could not connect: network error: fetch failed: connect ECONNREFUSED 127.0.0.1:1');
    await advance(1000);
    await advance(2000);
    expect(server.requests).toHaveLength(3);
    expect(conn.state).toBe('given_up');
    expect(rec.lastStatus?.reason).toBe('3 attempts in a row failed; the last: network error: fetch failed: connect ECONNREFUSED 127.0.0.1:1');
    await advance(60_000);
    expect(server.requests).toHaveLength(3);

    server.stream();
    conn.reconnectNow();
    await flush();
    expect(server.requests).toHaveLength(4);
    expect(rec.lastStatus).toMatchObject({ state: 'open', attempt: 0 });
  });

  it('starts the backoff over after an open that delivered data, so a flapping server still gives up', async () => {
    const policy = { ...RECONNECT_PRESETS.opencode, maxAttempts: 1 };
    const a = server.stream();
    await open({ reconnect: policy });
    a.send('data: x\n\n');
    a.end();
    await flush();
    expect(rec.attempts.get(1)?.delayMs).toBe(1000);
    const b = server.stream();
    await advance(1000);
    b.send(': only a comment\n\n');
    b.end();
    await flush();
    // No data and not open long: this counts as a second failure in a row.
    expect(conn.state).toBe('given_up');
  });

  it('counts a connection that stayed open a while as a success', async () => {
    const a = server.stream();
    await open({ reconnect: { ...RECONNECT_PRESETS.opencode, maxAttempts: 1 } });
    a.end();
    await flush();
    const b = server.stream();
    await advance(1000);
    await advance(5000);
    expect(rec.lastStatus).toMatchObject({ state: 'open', attempt: 0 });
    b.end();
    await flush();
    expect(conn.state).toBe('backoff');
  });

  it('pauses and resumes', async () => {
    const a = server.stream();
    await open();
    conn.pause();
    await flush();
    expect(conn.state).toBe('paused');
    expect(rec.attempts.get(1)?.outcome).toBe('paused');
    a.send('data: late\n\n');
    await advance(60_000);
    expect(server.requests).toHaveLength(1);
    expect(rec.frames).toEqual([]);
    server.stream();
    conn.resume();
    await flush();
    expect(conn.state).toBe('open');
    expect(rec.kinds).toEqual(['connecting', 'connected', 'paused', 'resumed', 'connecting', 'connected']);
  });

  it('stops at once when paused in the middle of a chunk, so resuming misses nothing', async () => {
    const a = server.stream();
    const b = server.stream();
    await open();
    const frame = rec.frame.bind(rec);
    rec.frame = (f) => {
      frame(f);
      if (f.id === '1') conn.pause();
    };
    a.send('id: 1\ndata: a\n\nid: 2\ndata: b\n\n');
    await flush();
    expect(rec.data).toEqual(['a']);
    expect(conn.lastEventId).toBe('1');
    conn.resume();
    await flush();
    expect(server.lastHeader('last-event-id')).toBe('1');
    b.send('id: 2\ndata: b\n\n');
    await flush();
    expect(rec.data).toEqual(['a', 'b']);
  });

  it('waits while offline without spending attempts, and reconnects as soon as it is back', async () => {
    server.stream();
    await open({ reconnect: { ...RECONNECT_PRESETS.opencode, maxAttempts: 1 } });
    conn.setOnline(false);
    expect(rec.lastStatus).toMatchObject({ state: 'backoff', attempt: 0, reason: 'offline: waiting for the network', nextRetryAt: undefined });
    expect(rec.lastMarker('dropped')).toBe('Connection dropped: the network went offline');
    await advance(600_000);
    expect(server.requests).toHaveLength(1);
    server.stream();
    conn.setOnline(true);
    await flush();
    expect(server.requests).toHaveLength(2);
    expect(conn.state).toBe('open');
  });

  it('cuts a running backoff short when the network comes back', async () => {
    await open();
    expect(conn.state).toBe('backoff');
    conn.setOnline(false);
    conn.setOnline(true);
    await flush();
    expect(server.requests).toHaveLength(2);
  });

  it('says nothing more once stopped', async () => {
    const a = server.stream();
    await open();
    const before = rec.markers.length;
    const statuses = rec.statuses.length;
    conn.stop();
    a.send('data: x\n\n');
    await advance(60_000);
    expect(rec.markers).toHaveLength(before);
    expect(rec.statuses).toHaveLength(statuses);
    expect(rec.frames).toEqual([]);
    expect(rec.attempts.get(1)?.outcome).toBe('stopped');
  });

  it('cannot send on an SSE endpoint', async () => {
    server.stream();
    await open();
    expect(conn.send('hi')).toEqual({ ok: false, error: 'SSE is receive-only: nothing can be sent to this endpoint' });
  });
});

describe('SSE connection timeout', () => {
  it('gives up on an attempt the server takes but never answers, and retries', async () => {
    server.hang();
    const s = server.stream();
    await open({ reconnect: { ...RECONNECT_PRESETS.forever, jitter: 0 } });
    expect(conn.state).toBe('connecting');
    await advance(30_000);
    expect(conn.state).toBe('backoff');
    expect(rec.markers.some((m) => m.message.includes('no answer within 30 s'))).toBe(true);
    await advance(1000);
    expect(conn.state).toBe('open');
    s.send('id: 1\ndata: x\n\n');
    await flush();
    expect(server.requests.length).toBe(2);
  });
});
