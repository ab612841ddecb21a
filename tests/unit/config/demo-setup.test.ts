import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../demo/server';
import { demoEndpoints, isDemoEndpoint } from '../../../lib/config/demo-endpoints';
import { DEMO_NOT_RUNNING, countDemoEndpoints, demoServerAnswers, loadDemo, removeDemo, withDemoEndpoints, withoutDemoEndpoints } from '../../../lib/config/demo-setup';
import { newEndpoint } from '../../../lib/config/endpoint';

const mine = newEndpoint({ id: 'ep-mine', name: 'Mine', url: 'https://example.com/events' });
const broken = { id: 'ep-broken', name: 'Broken' };

function memory(initial: unknown) {
  const box = { list: initial, writes: 0 };
  return {
    box,
    storage: {
      read: async () => box.list,
      write: async (l: unknown[]) => {
        box.list = l;
        box.writes += 1;
      },
    },
  };
}

describe('demo endpoints in a stored list', () => {
  it('are added once, after the user own entries, and removed together, leaving the rest untouched', () => {
    const withDemo = withDemoEndpoints([mine, broken], 9000);
    expect(withDemo.slice(0, 2)).toEqual([mine, broken]);
    expect(countDemoEndpoints(withDemo)).toBe(demoEndpoints().length);
    expect((withDemo[2] as { url: string }).url).toContain(':9000');
    expect(withDemoEndpoints(withDemo, 9000)).toEqual(withDemo);
    expect(withoutDemoEndpoints(withDemo)).toEqual([mine, broken]);
    expect(demoEndpoints().every(isDemoEndpoint)).toBe(true);
    expect(isDemoEndpoint(mine)).toBe(false);
  });
});

describe('the demo server probe', () => {
  let demo: DemoServer;
  let other: ReturnType<typeof createServer>;
  let otherPort: number;
  beforeAll(async () => {
    demo = await startDemoServer({ port: 0 });
    other = createServer((_, res) => res.end('{"name":"something else"}'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    otherPort = (other.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await demo.close();
    await new Promise((r) => other.close(r));
  });

  it('answers yes for the demo server, no for another server or a closed port', async () => {
    expect(await demoServerAnswers(fetch, demo.port)).toBe(true);
    expect(await demoServerAnswers(fetch, otherPort)).toBe(false);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await demoServerAnswers(fetch, closedPort)).toBe(false);
  });

  it('loads the demo only when the server answers, and removes it in one step', async () => {
    const m = memory([mine]);
    expect(await loadDemo(m.storage, fetch, otherPort)).toBe(DEMO_NOT_RUNNING);
    expect(m.box).toEqual({ list: [mine], writes: 0 });
    expect(await loadDemo(m.storage, fetch, demo.port)).toBeUndefined();
    expect(countDemoEndpoints(m.box.list as unknown[])).toBe(demoEndpoints().length);
    await removeDemo(m.storage);
    expect(m.box.list).toEqual([mine]);
  });

  it('starts from an empty list when nothing is stored yet', async () => {
    const m = memory(undefined);
    expect(await loadDemo(m.storage, fetch, demo.port)).toBeUndefined();
    expect(m.box.list).toHaveLength(demoEndpoints().length);
  });
});
