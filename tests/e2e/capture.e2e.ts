import { expect, test } from '@playwright/test';
import { launchChromium } from '../../scripts/launch/chromium';
import { launchFirefox } from '../../scripts/launch/firefox';
import { esEvents, llmEvents, ndjsonLines, wsFrames, xhrEvents } from '../../demo/capture-streams';
import { setEndpoints } from './support/config';
import { startDemo } from './support/demo';
import { demoReceived, sendToBackground, setCaptureOrigins, storedEndpoints, tabIdOf, type AnyPage, type CapturedSourceInfo } from './support/capture';
import { poll } from './support/poll';
import { storedEvents, waitForStored, type StoredRow } from './support/store';

/** What a capture test needs of either browser: extension pages, web pages, close. */
interface Driver {
  open(path: string): Promise<AnyPage>;
  visit(url: string): Promise<AnyPage>;
  close(): Promise<void>;
}

const inbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'in');
const outbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'out').map((r) => r.data);
/** A stored WebSocket frame as the demo page writes what it received. */
const asPageSaw = (r: StoredRow & { opcode?: number }) => (r.opcode === 2 ? `bytes:${[...Buffer.from(r.data, 'base64')].join(',')}` : r.data);

async function source(ext: AnyPage, kind: string, path: string, frame?: string): Promise<CapturedSourceInfo> {
  const list = await poll(
    () => storedEndpoints(ext),
    (l) => l.some((e) => e.captured?.kind === kind && new URL(e.url).pathname === path && (!frame || e.captured.frameUrl.endsWith(frame))),
    `a captured ${kind} source for ${path}`,
  );
  return list.find((e) => e.captured?.kind === kind && new URL(e.url).pathname === path && (!frame || e.captured!.frameUrl.endsWith(frame)))!;
}

async function storedWithOpcode(ext: AnyPage, id: string): Promise<(StoredRow & { opcode?: number })[]> {
  return (ext as import('playwright-core').Page).evaluate(
    (ep) =>
      new Promise<(StoredRow & { opcode?: number })[]>((resolve, reject) => {
        const open = indexedDB.open('streamscope');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('chunks').objectStore('chunks').index('byEndpoint').getAll(IDBKeyRange.bound([ep, 0], [ep, Infinity]));
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { events: (StoredRow & { opcode?: number })[] }[]).flatMap((c) => c.events));
          };
          req.onerror = () => reject(req.error);
        };
      }),
    id,
  );
}

async function captureEveryStream(launch: () => Promise<Driver>): Promise<void> {
  const { server } = await startDemo();
  const ext = await launch();
  const origin = server.httpUrl;
  const pageUrl = `${origin}/capture`;
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup, []);
    await setCaptureOrigins(setup, []);

    // Off: the page runs its streams, nothing is recorded.
    const off = await ext.visit(pageUrl);
    const seenOff = await demoReceived(off);
    await off.close();
    expect((await storedEndpoints(setup)).filter((e) => e.captured)).toEqual([]);

    // On: the same page, every stream captured.
    await setCaptureOrigins(setup, [origin]);
    await new Promise((r) => setTimeout(r, 500)); // registration is asynchronous
    const on = await ext.visit(pageUrl);
    const seenOn = await demoReceived(on);

    // The page cannot tell: it received the same data (socket echoes may interleave differently).
    expect({ ...seenOn, ws: [...seenOn.ws].sort() }).toEqual({ ...seenOff, ws: [...seenOff.ws].sort() });
    const ticks = (l: string[]) => l.filter((d) => !d.includes('"echo"'));
    expect(ticks(seenOn.ws)).toEqual(wsFrames('page').map((f) => f.text ?? `bytes:${f.bytes!.join(',')}`));

    // WebSocket: every frame the page got, in its order; both frames it sent.
    const ws = await source(setup, 'ws', '/capture/ws', '/capture');
    await waitForStored(setup, ws.id, (r) => inbound(r).length >= seenOn.ws.length, 'the page WebSocket frames');
    const wsRows = await storedWithOpcode(setup, ws.id);
    expect(inbound(wsRows).map(asPageSaw)).toEqual(seenOn.ws);
    expect(outbound(wsRows)).toEqual(['hello', 'halfway']);

    // The iframe's own WebSocket is a source of its own.
    const frameWs = await source(setup, 'ws', '/capture/ws', '/capture/frame');
    const frameRows = await waitForStored(setup, frameWs.id, (r) => inbound(r).length >= 10, 'the iframe WebSocket frames');
    expect(inbound(frameRows).map((r) => r.data)).toEqual(seenOn.frameWs);

    // EventSource: named and unnamed events with ids, across the server's drop and the reconnect.
    const es = await source(setup, 'es', '/capture/es');
    const esRows = await waitForStored(setup, es.id, (r) => inbound(r).length >= esEvents().length, 'the EventSource events');
    expect(inbound(esRows).map((r) => `${r.id} ${r.name ?? 'message'} ${r.data}`)).toEqual(seenOn.es);
    expect(inbound(esRows).map((r) => r.id)).toEqual(esEvents().map((e) => e.id));
    expect(esRows.some((r) => r.dir === 'sys' && r.data.includes('Last-Event-ID 6'))).toBe(true);

    // fetch POST answered with an LLM event stream, decoded event by event.
    const llm = await source(setup, 'fetch', '/capture/llm');
    expect(llm.captured?.method).toBe('POST');
    const llmRows = await waitForStored(setup, llm.id, (r) => inbound(r).length >= llmEvents().length, 'the LLM stream events');
    expect(inbound(llmRows).map((r) => r.data)).toEqual(llmEvents());

    const nd = await source(setup, 'fetch', '/capture/ndjson');
    const ndRows = await waitForStored(setup, nd.id, (r) => inbound(r).length >= ndjsonLines().length, 'the NDJSON lines');
    expect(inbound(ndRows).map((r) => r.data)).toEqual(ndjsonLines());

    const xhr = await source(setup, 'xhr', '/capture/xhr');
    const xhrRows = await waitForStored(setup, xhr.id, (r) => inbound(r).length >= xhrEvents().length, 'the XHR events');
    expect(inbound(xhrRows).map((r) => [r.id, r.name, r.data])).toEqual(xhrEvents().map((e) => [e.id, e.name, e.data]));

    // Send as the page, and deliver a made-up message to the page.
    await sendToBackground(setup, { type: 'capture-act', endpointId: ws.id, op: 'send', data: 'from the panel' });
    await waitForStored(setup, ws.id, (r) => outbound(r).includes('from the panel'), 'the frame sent from the panel');
    await poll(() => demoReceived(on), (d) => d.ws.some((m) => m.includes('from the panel')), 'the echo of the panel frame');
    await sendToBackground(setup, { type: 'capture-act', endpointId: ws.id, op: 'inject', data: '{"type":"made-up"}' });
    await poll(() => demoReceived(on), (d) => d.ws.includes('{"type":"made-up"}'), 'the made-up message on the page');
    const injected = await waitForStored(setup, ws.id, (r) => inbound(r).some((e) => e.data === '{"type":"made-up"}'), 'the made-up message stored');
    expect(injected.some((r) => r.dir === 'sys' && r.name === 'injected')).toBe(true);

    // Off stops at once: what the page sends next is not recorded.
    await setCaptureOrigins(setup, []);
    await new Promise((r) => setTimeout(r, 500));
    await (on as import('playwright-core').Page).evaluate(() => (window as unknown as { demoSocket: WebSocket }).demoSocket.send('after off'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(outbound(await storedEvents(setup, ws.id))).not.toContain('after off');
    expect(await tabIdOf(setup, pageUrl)).toBeGreaterThan(0);
  } finally {
    await ext.close();
    await server.close();
  }
}

test('chromium: every stream of the demo page is captured, complete and in order; the page cannot tell', async () => {
  await captureEveryStream(async () => {
    const ext = await launchChromium();
    return {
      open: (p) => ext.open(p),
      visit: async (url) => {
        const page = await ext.ctx.newPage();
        await page.goto(url);
        return page;
      },
      close: ext.close,
    };
  });
});

test('firefox: every stream of the demo page is captured, complete and in order; the page cannot tell', async () => {
  await captureEveryStream(async () => {
    const ext = await launchFirefox();
    return {
      open: (p) => ext.open(p),
      visit: async (url) => {
        const page = await ext.browser.newPage();
        await page.goto(url);
        return page;
      },
      close: ext.close,
    };
  });
});
