import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OnceStream {
  server: Server;
  url: string;
  /** Ends the stream (it never ends by itself) and stops listening. */
  close(): Promise<void>;
}

/**
 * An SSE stream that sends events 1..`count` (id n, data `data(n)`) once, resuming after
 * `Last-Event-ID`, then stays open and quiet: a history of known size for a test to look at.
 */
export async function sseOnce(count: number, data: (n: number) => string, path = '/events'): Promise<OnceStream> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    const from = Number(req.headers['last-event-id'] ?? 0);
    for (let n = from + 1; n <= count; n++) res.write(`id: ${n}\ndata: ${data(n)}\n\n`);
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
