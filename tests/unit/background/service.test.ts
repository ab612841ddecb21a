import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackgroundService } from '../../../lib/background/service';
import { newEndpoint, type EndpointConfig } from '../../../lib/config/endpoint';
import { readStored, writeStored } from '../../../lib/config/stored';
import type { StreamEvent } from '../../../lib/model/event';
import { allEvents } from '../../../lib/store/reader';
import { openStore } from '../../../lib/store/schema';
import { fakePort } from './fake-port';
import { sseServer } from './sse-server';

type Server = Awaited<ReturnType<typeof sseServer>>;
/** The fake implements the APIs the service uses, not the type of every API a browser has. */
const browser = fakeBrowser as unknown as WxtBrowser;

/** Retries `read` until `ok` holds for its value (vi.waitFor), and returns that value. */
const until = <T>(read: () => T | Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> =>
  vi.waitFor(
    async () => {
      const v = await read();
      if (!ok(v)) throw new Error(`still waiting for ${what}: ${JSON.stringify(v)}`);
      return v;
    },
    { timeout: 5000, interval: 20 },
  );

async function stored(endpointId: string): Promise<StreamEvent[]> {
  const db = await openStore();
  const out: StreamEvent[] = [];
  for await (const chunk of allEvents(db, endpointId)) out.push(...chunk);
  db.close();
  return out;
}
const received = (evs: StreamEvent[]) => evs.filter((e) => e.dir === 'in').map((e) => e.id);
const markers = (evs: StreamEvent[]) => evs.filter((e) => e.dir === 'sys').map((e) => e.name);

/** A page connected to `service` that has said hello. */
async function page(service: BackgroundService) {
  const p = fakePort();
  service.acceptPort(p.port);
  // A port message is a task of its own: the service has taken the port by then.
  await new Promise((r) => setTimeout(r, 0));
  p.send({ type: 'hello', page: 'panel' });
  return p;
}

const endpoint = (server: Server, patch: Partial<EndpointConfig> = {}): EndpointConfig =>
  newEndpoint({ id: 'feed', name: 'Feed', url: server.url, profile: 'generic', ...patch, reconnect: { ...newEndpoint({ name: '', url: server.url }).reconnect, baseMs: 100, maxMs: 200, jitter: 0 } });

// Each test starts a service on a fresh database and real connections to a local server.
describe('BackgroundService', { timeout: 20_000 }, () => {
  let server: Server;

  beforeEach(async () => {
    fakeBrowser.reset();
    // A database of its own per test: the service opens "streamscope" by name.
    globalThis.indexedDB = new IDBFactory();
    server = await sseServer();
  });
  afterEach(async () => {
    // Ending the streams leaves the services' connections retrying against a 204: they stop.
    server.refuseFromNowOn();
    server.dropAll();
    await server.close();
  });

  it('on a fresh install writes an empty endpoint list and welcomes a page with no status', async () => {
    const service = new BackgroundService(browser);
    await service.start();
    expect(await readStored(fakeBrowser.storage.local, 'endpoints')).toEqual([]);
    const panel = await page(service);
    const [welcome] = await until(() => panel.ofType('welcome'), (w) => w.length === 1, 'the welcome');
    expect(welcome!.status).toEqual([]);
    expect(welcome!.pending).toEqual([]);
  });

  it('streams a stored endpoint to disk and to open pages, and stops it when it is disabled', async () => {
    await writeStored(fakeBrowser.storage.local, 'endpoints', [endpoint(server)]);
    const service = new BackgroundService(browser);
    await service.start();
    const panel = await page(service);

    const live = () => panel.ofType('events').flatMap((m) => m.events);
    await until(live, (evs) => received(evs).length === 3, 'three live events');
    expect(received(live())).toEqual(['1', '2', '3']);
    await until(() => stored('feed'), (evs) => received(evs).length === 3, 'three stored events');
    const [status] = await until(
      () => panel.ofType('status').flatMap((m) => m.status).filter((s) => s.state === 'open'),
      (s) => s.length > 0,
      'an open status',
    );
    expect(status!.endpointId).toBe('feed');

    await writeStored(fakeBrowser.storage.local, 'endpoints', [endpoint(server, { enabled: false })]);
    await until(() => server.closedStreams, (n) => n === 1, 'the stream to be closed');
    const evs = await until(() => stored('feed'), (e) => markers(e).includes('paused'), 'a paused marker');
    expect(received(evs)).toEqual(['1', '2', '3']);
  });

  it('after being stopped, a new start says so and resumes from the last stored event id', async () => {
    await writeStored(fakeBrowser.storage.local, 'endpoints', [endpoint(server)]);
    await new BackgroundService(browser).start();
    await until(() => stored('feed'), (evs) => received(evs).length === 3, 'three stored events');
    // The first instance loses its stream and is refused from then on: it stops for good, as a
    // stopped worker would.
    server.refuseFromNowOn();
    server.dropAll();
    await until(() => stored('feed'), (evs) => markers(evs).includes('given_up'), 'the first instance to give up');
    server.acceptAgain();

    const again = new BackgroundService(browser);
    await again.start();
    const evs = await until(() => stored('feed'), (e) => received(e).length === 6, 'three more events');
    expect(received(evs)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(server.lastEventIds.at(-1)).toBe('3');
    expect(markers(evs)).toEqual(expect.arrayContaining(['worker_stopped', 'worker_started']));
  });

  it('applies a retention as soon as it is saved, and tells open pages to read the store again', async () => {
    const busy = await sseServer(1500);
    try {
      await writeStored(fakeBrowser.storage.local, 'endpoints', [endpoint(busy)]);
      const service = new BackgroundService(browser);
      await service.start();
      const panel = await page(service);
      await until(() => stored('feed'), (evs) => received(evs).length === 1500, 'every event stored');
      // Nothing more to receive after the restart the changed settings cause.
      busy.refuseFromNowOn();
      await writeStored(fakeBrowser.storage.local, 'endpoints', [endpoint(busy, { retention: { maxEvents: 1000, maxAgeDays: 30 } })]);
      await until(() => panel.ofType('trimmed'), (t) => t.length === 1, 'pages told of the cut');
      const left = received(await stored('feed'));
      expect(left.length).toBeLessThanOrEqual(1000);
      expect(left).not.toContain('1');
    } finally {
      busy.dropAll();
      await busy.close();
    }
  });

  it('answers a request for an endpoint it does not run with an error to that page', async () => {
    const service = new BackgroundService(browser);
    await service.start();
    const panel = await page(service);
    panel.send({ type: 'send', endpointId: 'nowhere', data: 'hi' });
    const [error] = await until(() => panel.ofType('error'), (e) => e.length > 0, 'an error');
    expect(error).toEqual({ type: 'error', message: 'Not sent: Endpoint is not connected', endpointId: 'nowhere' });
  });
});
