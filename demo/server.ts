import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES, createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { DEMO_SERVER_NAME, demoEndpoints } from '../lib/config/demo-endpoints';
import { CAPTURE_WS_PATH, serveCapturePage, serveCaptureWs } from './capture-page';
import { CORS_HEADERS } from './cors';
import { KNOB_HELP, parseKnobs } from './knobs';
import type { ServeOptions } from './sse';
import { serveSse } from './sse';
import type { DemoStats } from './stats';
import { StatsBook } from './stats';
import { resolveStream } from './streams';
import { serveWs } from './ws';

export interface DemoServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Events per second multiplier for every stream (a connection's `rate=` overrides it). */
  rate?: number;
  /** The second port, for the protocol streams; by default port + 1 (a free one when port is 0). */
  protocolPort?: number;
}

export interface DemoServer {
  port: number;
  /** Serves the same streams; the protocol demo endpoints use it. */
  protocolPort: number;
  httpUrl: string;
  wsUrl: string;
  stats(): DemoStats;
  /** Drops every open connection at once and stops listening. */
  close(): Promise<void>;
}

type Prepared = { ok: true; serve: ServeOptions } | { ok: false; status: number; message: string };

function sendText(res: ServerResponse, status: number, body: string): void {
  const empty = status === 204 || status === 304;
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(empty ? undefined : body);
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body, null, 2));
}

/** Refuses a WebSocket upgrade with a plain HTTP answer. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  );
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const book = new StatsBook();
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true });
  let port = opts.port ?? 0;
  const urlHost = () => `${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;

  /** Resolves the stream and its knobs; a forced `status` is recorded as a connection. */
  const prepare = (url: URL): Prepared => {
    const resolved = resolveStream(url);
    if (!resolved.ok) return resolved;
    const parsed = parseKnobs(url.searchParams);
    if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
    const { route } = resolved;
    const { knobs } = parsed;
    if (knobs.status !== undefined && knobs.status !== 200) {
      book.open(route.key, route.transport, 0).close('status');
      return { ok: false, status: knobs.status, message: `Forced status ${knobs.status} (status knob).` };
    }
    return { ok: true, serve: { route, knobs, seed: knobs.seed ?? opts.seed ?? 1, rate: knobs.rate ?? opts.rate ?? 1, book } };
  };

  const index = () => ({
    name: DEMO_SERVER_NAME,
    endpoints: demoEndpoints(port, protocolPort).map((e) => ({ id: e.id, name: e.name, url: e.url, transport: e.transport, profile: e.profile })),
    knobs: KNOB_HELP,
    resume: 'SSE: Last-Event-ID header or lastEventId query parameter',
    capturePage: 'GET /capture (a page with its own streams, for page capture)',
    stats: 'GET /__stats',
    reset: 'POST /__reset',
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    if (req.method === 'OPTIONS') return sendText(res, 204, '');
    if (route === 'GET /') return sendJson(res, index());
    if (route === 'GET /__stats') return sendJson(res, book.snapshot());
    if (serveCapturePage(req, res, url)) return;
    if (route === 'POST /__reset') {
      book.reset();
      return sendJson(res, { ok: true });
    }
    const prepared = prepare(url);
    if (!prepared.ok) return sendText(res, prepared.status, prepared.message);
    if (prepared.serve.route.transport === 'ws') return sendText(res, 426, `${url.pathname} is a WebSocket endpoint: connect with ws://`);
    if (req.method !== 'GET') return sendText(res, 405, 'Streams are read with GET.');
    serveSse(req, res, url, prepared.serve);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (url.pathname === CAPTURE_WS_PATH) return wss.handleUpgrade(req, socket, head, (ws) => serveCaptureWs(ws, url));
    const prepared = prepare(url);
    if (!prepared.ok) return refuseUpgrade(socket, prepared.status, prepared.message);
    const { serve } = prepared;
    if (serve.route.transport !== 'ws') return refuseUpgrade(socket, 400, `${url.pathname} is an SSE endpoint: fetch it over http://`);
    wss.handleUpgrade(req, socket, head, (ws) => serveWs(ws, socket, serve));
  };
  const newServer = (): Server => {
    const server = createServer(onRequest);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.on('upgrade', onUpgrade);
    return server;
  };
  const listen = (server: Server, at: string, on: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(on, at, () => {
        server.off('error', reject);
        resolve();
      });
    });

  const server = newServer();
  await listen(server, host, port);
  port = (server.address() as AddressInfo).port;
  // The same streams on a second port, where the protocol endpoints live: browsers limit
  // connections per host and port, so they get six of their own (see demoEndpoints).
  const second = newServer();
  await listen(second, host, opts.protocolPort ?? ((opts.port ?? 0) === 0 ? 0 : port + 1));
  const protocolPort = (second.address() as AddressInfo).port;
  const servers = [server, second];
  let closing: Promise<void> | undefined;

  return {
    port,
    protocolPort,
    httpUrl: `http://${urlHost()}`,
    wsUrl: `ws://${urlHost()}`,
    stats: () => book.snapshot(),
    close() {
      closing ??= (async () => {
        book.closingAll();
        for (const ws of wss.clients) ws.terminate();
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await Promise.all(servers.map((sv) => new Promise<void>((resolve, reject) => sv.close((err) => (err ? reject(err) : resolve())))));
      })();
      return closing;
    },
  };
}
