import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { createConnection, type Connection, type ConnectionDeps } from '../../../lib/transport/connection';
import { Recorder, sseEndpoint, wsEndpoint } from './fakes';

// Real fetch streaming and a real `ws` client against servers on 127.0.0.1, with real timers.
const deps: ConnectionDeps = {
  fetch: globalThis.fetch,
  WebSocket: NodeWebSocket,
  now: Date.now,
  random: () => 0.5,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
const quick = { preset: 'custom' as const, baseMs: 20, factor: 2, maxMs: 100, maxAttempts: null, jitter: 0 };

const until = async (what: string, ok: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const listen = async (server: Server | WebSocketServer): Promise<number> => {
  if (server instanceof WebSocketServer) {
    await new Promise<void>((r) => server.once('listening', r));
    return (server.address() as AddressInfo).port;
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};

const connect = (cfg: Parameters<typeof createConnection>[0], rec: Recorder): Connection => {
  const conn = createConnection(cfg, deps, rec);
  cleanup.push(() => conn.stop());
  conn.start();
  return conn;
};

describe('against a real SSE server', () => {
  it('resumes with Last-Event-ID after drops and gets every event exactly once', async () => {
    const total = 10;
    const lastIds: (string | undefined)[] = [];
    let connections = 0;
    const server = createServer((req, res) => {
      const from = Number(req.headers['last-event-id'] ?? 0) + 1;
      lastIds.push(req.headers['last-event-id'] as string | undefined);
      const n = ++connections;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      void (async () => {
        for (let id = from; id <= Math.min(from + 2, total); id++) {
          const event = Buffer.from(`id: ${id}\nevent: tick\ndata: {"n":${id},"s":"😀"}\n\n`);
          // Split inside the 4-byte emoji: the client must put the character back together.
          const cut = event.indexOf(0xf0) + 2;
          res.write(event.subarray(0, cut));
          await sleep(5);
          await new Promise((r) => res.write(event.subarray(cut), r));
        }
        if (n === 2) res.end(); // a normal end: SSE still reconnects
        else if (n < 4) req.socket.destroy(); // abrupt: the chunked body never ends
      })();
    });
    const port = await listen(server);
    cleanup.push(() => new Promise((r) => server.close(r)), () => server.closeAllConnections());

    const rec = new Recorder();
    connect(sseEndpoint({ url: `http://127.0.0.1:${port}/events`, reconnect: quick }), rec);
    await until('all events', () => rec.frames.length >= total);
    await sleep(50);

    expect(rec.frames.map((f) => f.id)).toEqual(Array.from({ length: total }, (_, i) => String(i + 1)));
    expect(rec.frames.every((f) => f.name === 'tick' && f.data.endsWith('"s":"😀"}'))).toBe(true);
    expect(lastIds.slice(0, 4)).toEqual([undefined, '3', '6', '9']);
    expect(rec.kinds.filter((k) => k === 'gap' || k === 'duplicate' || k === 'malformed')).toEqual([]);
    expect(rec.kinds.filter((k) => k === 'dropped')).toHaveLength(3);
  });

  it('reports a wrong content type from a real server', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>login</h1>');
    });
    const port = await listen(server);
    cleanup.push(() => new Promise((r) => server.close(r)));
    const rec = new Recorder();
    const conn = connect(sseEndpoint({ url: `http://127.0.0.1:${port}/`, onHttpError: 'stop' }), rec);
    await until('giving up', () => conn.state === 'given_up');
    expect(rec.lastMarker('http_error')).toBe('expected text/event-stream, got text/html');
  });
});

describe('against a real WebSocket server', () => {
  it('keeps binary frames with their size, sends text and sees 1006 when the server vanishes', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (p) => (p.has('v1') ? 'v1' : false) });
    const port = await listen(wss);
    cleanup.push(() => new Promise((r) => wss.close(r)));
    const received: string[] = [];
    wss.on('connection', (socket) => {
      socket.on('message', (data) => received.push(String(data)));
      socket.send(Buffer.from([1, 2, 3, 250]));
      socket.send('{"type":"connection_ack"}');
    });

    const rec = new Recorder();
    const conn = connect(wsEndpoint({ url: `ws://127.0.0.1:${port}/ws`, protocols: ['v1'], reconnect: quick }), rec);
    await until('two frames', () => rec.frames.length >= 2);
    expect(rec.lastMarker('connected')).toBe('Connected: subprotocol v1');
    expect(rec.frames).toEqual([
      { dir: 'in', opcode: 2, data: 'AQID+g==', size: 4 },
      { dir: 'in', opcode: 1, data: '{"type":"connection_ack"}', size: 25 },
    ]);

    expect(conn.send('{"type":"ping"}')).toEqual({ ok: true });
    await until('the server to get it', () => received.length > 0);
    expect(received).toEqual(['{"type":"ping"}']);

    for (const client of wss.clients) client.terminate();
    await until('the drop', () => rec.kinds.includes('dropped'));
    expect(rec.attempts.get(1)).toMatchObject({ closeCode: 1006 });
    expect(rec.lastMarker('dropped')).toMatch(/^Connection dropped: close 1006 \(abnormal: no close frame/);
    await until('the reconnect', () => rec.attempts.size >= 2 && conn.state === 'open');
  });
});
