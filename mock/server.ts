import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CORS_HEADERS } from '../demo/cors';
import { DROP_GRACE_MS, dropAfterFlush } from '../demo/drop';
import type { RecordedStream } from '../lib/exchange/recording';
import { startPlayback } from '../lib/mock/playback';
import { matchRoute, mockRoutes, servedUrl, type MockRoute } from '../lib/mock/routes';
import { resumeIndex, sseBlock } from '../lib/mock/sse-wire';

export interface MockServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** 1 keeps the recorded pacing (default), 10 is ten times faster, 0 as fast as possible. */
  speed?: number;
  /** Start over after the last event instead of staying open and quiet. */
  loop?: boolean;
  /**
   * Drop each SSE connection abruptly after this many events (while more remain; a quarter of
   * a second after the last, see DROP_GRACE_MS), so clients must resume with Last-Event-ID.
   * WebSockets have no resume and are never dropped by it.
   */
  dropAfter?: number;
}

export interface ServedEndpoint {
  transport: 'sse' | 'ws';
  recordedUrl: string;
  servedUrl: string;
  events: number;
}

export interface MockServer {
  port: number;
  /** `http://host:port`. */
  origin: string;
  endpoints: ServedEndpoint[];
  routes: MockRoute[];
  /** Drops every open stream at once, as a network failure would; the server keeps listening. */
  disconnect(): void;
  close(): Promise<void>;
}

/** Above this many buffered bytes a WebSocket waits for the socket to drain. */
const WS_HIGH_WATER_BYTES = 4 * 1024 * 1024;

/**
 * Plays a WebSocket route's recorded server frames to `send`: text frames as strings, binary
 * ones as Buffers. Returns stop.
 */
export function playFrames(route: MockRoute, o: { speed: number; loop: boolean }, send: (frame: string | Buffer) => void, congested?: () => boolean): () => void {
  return startPlayback({
    gaps: route.gaps,
    ...o,
    send: (i) => {
      const ev = route.events[i]!;
      send(ev.opcode === 2 ? Buffer.from(ev.data, 'base64') : ev.data);
    },
    congested,
  });
}

function notFound(res: ServerResponse, what: string, routes: readonly MockRoute[]): void {
  const known = routes.map((r) => `  ${r.transport.toUpperCase().padEnd(3)} ${r.pathname}${r.search}`).join('\n');
  res.writeHead(404, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`No recorded ${what} here. This recording serves:\n${known}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`);
}

/**
 * Serves the streams of a recording on one port: each SSE endpoint replays its events (resuming
 * after `Last-Event-ID`), each WebSocket endpoint its received frames, at the recorded pacing
 * scaled by `speed`. After the last event a stream stays open and quiet, unless `loop`.
 */
export async function startMockServer(streams: readonly RecordedStream[], opts: MockServerOptions = {}): Promise<MockServer> {
  const host = opts.host ?? '127.0.0.1';
  const speed = opts.speed ?? 1;
  const loop = opts.loop ?? false;
  const routes = mockRoutes(streams);
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true });

  const serveSse = (req: IncomingMessage, res: ServerResponse, route: MockRoute): void => {
    const lastEventId = req.headers['last-event-id'];
    req.socket.setNoDelay(true);
    res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    // A comment first: Firefox reports a stream open only once some of its body arrives, and a
    // stream resumed after its last event (or a slow recording) has none to send yet.
    res.write(':\n\n');
    let sent = 0;
    const stop = startPlayback({
      gaps: route.gaps,
      from: resumeIndex(route.events, typeof lastEventId === 'string' ? lastEventId : undefined),
      speed,
      loop,
      send: (i) => {
        res.write(sseBlock(route.events[i]!));
        if (++sent !== opts.dropAfter || (!loop && i + 1 >= route.events.length)) return;
        const grace = setTimeout(() => dropAfterFlush(res.socket, () => res.destroy()), DROP_GRACE_MS);
        res.on('close', () => clearTimeout(grace));
        return false;
      },
      congested: () => res.writableNeedDrain,
    });
    res.on('close', stop);
  };

  const serveWs = (ws: WebSocket, route: MockRoute): void => {
    // A Buffer goes out as a binary frame, a string as a text frame.
    const stop = playFrames(route, { speed, loop }, (frame) => ws.send(frame), () => ws.bufferedAmount > WS_HIGH_WATER_BYTES);
    // A protocol error from the client is followed by 'close'; without a listener it would crash the server.
    ws.on('error', () => undefined);
    ws.on('close', stop);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      return res.end();
    }
    const route = matchRoute(routes, 'sse', url.pathname, url.searchParams);
    if (!route) {
      const ws = matchRoute(routes, 'ws', url.pathname, url.searchParams);
      if (ws) {
        res.writeHead(426, { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end(`${url.pathname} is a recorded WebSocket: connect with ws://\n`);
      }
      return notFound(res, 'stream', routes);
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { ...CORS_HEADERS, Allow: 'GET' });
      return res.end();
    }
    serveSse(req, res, route);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const route = matchRoute(routes, 'ws', url.pathname, url.searchParams);
    if (!route) return refuseUpgrade(socket, 404, `No recorded WebSocket at ${url.pathname}${url.search}\n`);
    wss.handleUpgrade(req, socket, head, (ws) => serveWs(ws, route));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;

  const disconnect = (): void => {
    for (const ws of wss.clients) ws.terminate();
    for (const socket of sockets) socket.destroy();
  };
  let closing: Promise<void> | undefined;
  return {
    port,
    origin,
    routes,
    endpoints: routes.map((r) => ({ transport: r.transport, recordedUrl: r.recordedUrl, servedUrl: servedUrl(routes, r, origin), events: r.events.length })),
    disconnect,
    close() {
      closing ??= (async () => {
        disconnect();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      })();
      return closing;
    },
  };
}
