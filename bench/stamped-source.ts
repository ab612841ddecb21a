import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** Shortest timer worth asking Node for. */
const TICK_MS = 2;

/**
 * A WebSocket source for the latency row: every frame carries `sentAt`, Date.now() taken just
 * before `send`. The demo's own time fields are when an event fell due, and its pacer sends
 * up to a 10 ms tick later, which would be counted as latency.
 */
export async function startStampedSource(rate: number, size: number): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws) => {
    const start = Date.now();
    let n = 0;
    const timer = setInterval(() => {
      const due = Math.floor(((Date.now() - start) * rate) / 1000);
      while (n < due) {
        const head = `{"type":"bench","n":${++n},"sentAt":${Date.now()}`;
        ws.send(`${head},"pad":"${'x'.repeat(Math.max(0, size - head.length - 9))}"}`);
      }
    }, Math.max(TICK_MS, Math.floor(1000 / rate)));
    ws.on('close', () => clearInterval(timer));
    ws.on('error', () => undefined);
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
