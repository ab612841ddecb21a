// One connection at rate=20000&size=500 pushes about 20,000 events of about 500 bytes a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_PATHS } from '../../../lib/config/demo-endpoints';
import type { DemoServer } from '../../../demo/server';
import { startDemoServer } from '../../../demo/server';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(() => server.close());

const WINDOW_MS = 1000;
/**
 * Far above any stream's natural pace (about one event a second per knob unit), far below what
 * the server sends on a quiet machine (20,000+/s): other test files share the two cores, and
 * the throughput figures themselves come from `npm run bench`.
 */
const AT_LEAST = 5_000;

describe('load', () => {
  it('a WebSocket delivers thousands of events/s of ~500 bytes', async () => {
    const ws = new WebSocket(`${server.wsUrl}${DEMO_PATHS.notifications}?rate=20000&size=500`);
    const { count, sizes } = await new Promise<{ count: number; sizes: number[] }>((resolve, reject) => {
      let count = 0;
      let start = 0;
      const sizes: number[] = [];
      ws.on('error', reject);
      ws.on('message', (raw: Buffer) => {
        const now = performance.now();
        // The first frames go out at once; measure the steady stream after them.
        if (start === 0) start = now;
        if (now - start > WINDOW_MS) {
          ws.terminate();
          resolve({ count, sizes });
          return;
        }
        count++;
        if (count % 1000 === 0) sizes.push(raw.length);
      });
    });
    expect(count).toBeGreaterThanOrEqual(AT_LEAST);
    for (const n of sizes) expect(Math.abs(n - 500)).toBeLessThan(50);
    const stream = server.stats().streams[DEMO_PATHS.notifications];
    expect(stream?.duplicates).toBe(0);
  });

  it('an SSE response keeps up with the same load', async () => {
    const abort = new AbortController();
    const res = await fetch(`${server.httpUrl}${DEMO_PATHS.plans}?rate=20000&size=500`, { signal: abort.signal });
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let events = 0;
    const start = performance.now();
    try {
      while (performance.now() - start < WINDOW_MS) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        events += decoder.decode(chunk.value, { stream: true }).split('\n\n').length - 1;
      }
    } finally {
      abort.abort();
    }
    expect(events).toBeGreaterThanOrEqual(AT_LEAST);
  });
});
