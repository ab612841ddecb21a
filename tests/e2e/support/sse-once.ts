import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OnceStream {
  server: Server;
  url: string;
  /** Ends the stream (it never ends by itself) and stops listening. */
  close(): Promise<void>;
}

/** An event's data, or a named event (`event:` line) with its data. */
export type OnceEvent = string | { event: string; data: string };

/** Sends `batch` events at a time with `pauseMs` between batches (the writer then stores them in several chunks). */
export interface Pace {
  batch: number;
  pauseMs: number;
}

const frame = (n: number, e: OnceEvent): string =>
  typeof e === 'string' ? `id: ${n}\ndata: ${e}\n\n` : `id: ${n}\nevent: ${e.event}\ndata: ${e.data}\n\n`;

/**
 * An SSE stream that sends events 1..`count` (id n, data `data(n)`) once, resuming after
 * `Last-Event-ID`, then stays open and quiet: a history of known size for a test to look at.
 */
export async function sseOnce(count: number, data: (n: number) => OnceEvent, path = '/events', pace?: Pace): Promise<OnceStream> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    const send = (from: number): void => {
      for (let n = from; n <= count && !res.destroyed; n++) {
        res.write(frame(n, data(n)));
        if (pace && n % pace.batch === 0 && n < count) return void setTimeout(() => send(n + 1), pace.pauseMs);
      }
    };
    send(Number(req.headers['last-event-id'] ?? 0) + 1);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
