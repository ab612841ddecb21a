import { describe, expect, it } from 'vitest';
import { probeEndpoint, type ProbeDeps } from '../../../lib/options/probe';
import { newEndpoint } from '../../../lib/config/endpoint';

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };

const sseFetch = (body: string, init: ResponseInit): typeof fetch => async () =>
  new Response(
    new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(body));
        // Left open, like a live stream: the probe's timer ends it.
      },
    }),
    init,
  );

const deps = (fetcher: typeof globalThis.fetch): ProbeDeps => ({
  fetch: fetcher,
  WebSocket: class {} as unknown as ProbeDeps['WebSocket'],
  now: () => 1,
  ...timers,
});

const kanban = [
  'event: hello\ndata: {"serverTime":"2024-01-01T00:00:00Z"}\n\n',
  'event: state\ndata: {"board":{"id":"b","name":"B"},"columns":[],"cards":{}}\n\n',
  'event: attempt_started\ndata: {"attemptId":"a","cardId":"c"}\n\n',
  'event: attempt_status\ndata: {"attemptId":"a","cardId":"c","status":"running"}\n\n',
  'event: attempt_log\ndata: {"attemptId":"a","cardId":"c","line":"x"}\n\n',
].join('');

describe('probeEndpoint', () => {
  const cfg = newEndpoint({ id: 'k', name: 'K', url: 'http://127.0.0.1:8787/api/events?boardId=b' });

  it('reports status, content type, events and the detected profile', async () => {
    const r = await probeEndpoint(cfg, deps(sseFetch(kanban, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } })), 100);
    expect(r.ok).toBe(true);
    expect(r.status).toBe('Connected: HTTP 200');
    expect(r.contentType).toBe('text/event-stream; charset=utf-8');
    expect(r.received).toBe(5);
    expect(r.events[0]).toMatchObject({ endpointId: 'k', seq: 1, dir: 'in', transport: 'sse', name: 'hello' });
    expect(r.detected?.family).toBe('kanban');
  });

  it('detects from the response header too, before any frame', async () => {
    const ui = { headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' } };
    const r = await probeEndpoint(newEndpoint({ id: 'c', name: 'C', url: 'http://127.0.0.1:8787/api/chat' }), deps(sseFetch('', ui)), 100);
    expect(r).toMatchObject({ ok: true, received: 0, events: [], detected: { family: 'llm' } });
  });

  it('says why a wrong answer is not a stream', async () => {
    const r = await probeEndpoint(cfg, deps(sseFetch('<html>', { status: 200, headers: { 'content-type': 'text/html' } })), 100);
    expect(r).toMatchObject({ ok: false, status: 'expected text/event-stream, got text/html', contentType: 'text/html', received: 0 });
    const missing = await probeEndpoint(cfg, deps(sseFetch('', { status: 404, headers: {} })), 100);
    expect(missing).toMatchObject({ ok: false, status: 'HTTP 404 Not Found' });
  });

  it('reports a WebSocket that cannot open', async () => {
    const ws = newEndpoint({ id: 'w', name: 'W', url: 'ws://127.0.0.1:1/ws' });
    const Failing = class {
      constructor() {
        throw new Error('blocked');
      }
    } as unknown as ProbeDeps['WebSocket'];
    const r = await probeEndpoint(ws, { ...deps(globalThis.fetch), WebSocket: Failing }, 100);
    expect(r).toMatchObject({ ok: false, status: 'cannot open the WebSocket: blocked' });
  });
});
