import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local SSE endpoint for the background's tests: each connection gets `id: n` events from
 * the Last-Event-ID it sent, `perConnection` of them, then stays open. `refuse` makes it answer
 * 204 (an SSE client stops for good); `dropAll` ends every open stream.
 */
export async function sseServer(perConnection = 3) {
  const lastEventIds: (string | undefined)[] = [];
  const open = new Set<ServerResponse>();
  let closed = 0;
  let refuse = false;
  const server = createServer((req, res) => {
    const last = req.headers['last-event-id'];
    lastEventIds.push(typeof last === 'string' ? last : undefined);
    if (refuse) return void res.writeHead(204).end();
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      closed++;
    });
    const from = Number(last ?? 0);
    for (let n = from + 1; n <= from + perConnection; n++) res.write(`id: ${n}\ndata: {"n":${n}}\n\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    /** The Last-Event-ID each connection sent, in order (undefined: none). */
    lastEventIds,
    get openStreams() {
      return open.size;
    },
    get closedStreams() {
      return closed;
    },
    refuseFromNowOn: () => void (refuse = true),
    acceptAgain: () => void (refuse = false),
    dropAll: () => open.forEach((r) => r.destroy()),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
