import { expect, test } from '@playwright/test';
import { esEvents, llmEvents, ndjsonLines, wsFrames, xhrEvents } from '../../demo/capture-streams';
import { scenario, type Ext, type ExtPage } from './support/both';
import { captureScriptsFor, demoReceived, onTheCapturePage, sendToBackground, setCaptureOrigins, storedEndpoints, tabIdOf, type AnyPage, type CapturedSourceInfo } from './support/capture';
import { poll } from './support/poll';
import { storedEvents, waitForStored, type StoredRow } from './support/store';

// Each test is a whole scenario (two page loads, six streams, a browser start): give it room.
test.describe.configure({ timeout: 180_000 });

const inbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'in');
const outbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'out').map((r) => r.data);
/** A stored WebSocket frame as the demo page writes what it received. */
const asPageSaw = (r: StoredRow) => (r.opcode === 2 ? `bytes:${[...Buffer.from(r.data, 'base64')].join(',')}` : r.data);

async function source(ext: AnyPage, kind: string, path: string, frame?: string): Promise<CapturedSourceInfo> {
  const list = await poll(
    () => storedEndpoints(ext),
    (l) => l.some((e) => e.captured?.kind === kind && new URL(e.url).pathname === path && (!frame || e.captured.frameUrl.endsWith(frame))),
    `a captured ${kind} source for ${path}`,
  );
  return list.find((e) => e.captured?.kind === kind && new URL(e.url).pathname === path && (!frame || e.captured!.frameUrl.endsWith(frame)))!;
}

function captureEveryStream(ext: Ext): Promise<void> {
  return onTheCapturePage(ext, async ({ origin, pageUrl, setup }) => {

    // Off: the page runs its streams, nothing is recorded.
    const off = await ext.visit(pageUrl);
    const seenOff = await demoReceived(off.raw);
    await off.close();
    expect((await storedEndpoints(setup)).filter((e) => e.captured)).toEqual([]);

    // On: the same page, every stream captured.
    await setCaptureOrigins(setup, [origin]);
    await captureScriptsFor(setup, origin);
    const on = await ext.visit(pageUrl);
    const seenOn = await demoReceived(on.raw);

    // The page cannot tell: it received the same data (socket echoes may interleave differently).
    expect({ ...seenOn, ws: [...seenOn.ws].sort() }).toEqual({ ...seenOff, ws: [...seenOff.ws].sort() });
    const ticks = (l: string[]) => l.filter((d) => !d.includes('"echo"'));
    expect(ticks(seenOn.ws)).toEqual(wsFrames('page').map((f) => f.text ?? `bytes:${f.bytes!.join(',')}`));

    // WebSocket: every frame the page got, in its order; both frames it sent.
    const ws = await source(setup, 'ws', '/capture/ws', '/capture');
    await waitForStored(setup, ws.id, (r) => inbound(r).length >= seenOn.ws.length, 'the page WebSocket frames');
    const wsRows = await storedEvents(setup, ws.id);
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
    expect(esRows.filter((r) => r.dir === 'sys').map((r) => r.data)).toContainEqual(expect.stringContaining('Last-Event-ID 6'));

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
    await poll(() => demoReceived(on.raw), (d) => d.ws.some((m) => m.includes('from the panel')), 'the echo of the panel frame');
    await sendToBackground(setup, { type: 'capture-act', endpointId: ws.id, op: 'inject', data: '{"type":"made-up"}' });
    await poll(() => demoReceived(on.raw), (d) => d.ws.includes('{"type":"made-up"}'), 'the made-up message on the page');
    const injected = await waitForStored(setup, ws.id, (r) => inbound(r).some((e) => e.data === '{"type":"made-up"}'), 'the made-up message stored');
    expect(injected.some((r) => r.dir === 'sys' && r.name === 'injected')).toBe(true);

    // Off stops at once: what the page sends next is not recorded.
    await setCaptureOrigins(setup, []);
    await captureScriptsFor(setup, undefined);
    await on.evaluate(() => (window as unknown as { demoSocket: WebSocket }).demoSocket.send('after off'));
    await new Promise((r) => setTimeout(r, 1000)); // an absence: time for it to arrive, were capture still on
    expect(outbound(await storedEvents(setup, ws.id))).not.toContain('after off');
    expect(await tabIdOf(setup, pageUrl)).toBeGreaterThan(0);
  });
}

/** Waits until `selector` matches on the page (or, with `gone`, no longer does). */
async function present(page: ExtPage, selector: string, what: string, gone = false): Promise<void> {
  await poll(() => page.count(selector), (n) => n > 0 !== gone, what);
}

function fromThePanel(ext: Ext): Promise<void> {
  return onTheCapturePage(ext, async ({ pageUrl, setup }) => {
    const page = (await ext.visit(pageUrl)).raw;
    await demoReceived(page);
    const tabId = await tabIdOf(setup, pageUrl);

    // Switched on while the page runs: the panel says it joined late and offers the reload.
    const panel = await ext.open(`devtools-panel.html?tab=${tabId}`);
    await present(panel, '[data-testid="capture-toggle"]:not([disabled])', 'the capture switch for the site');
    await panel.userClick('[data-testid="capture-toggle"]'); // asks for the site's permission: a user gesture
    await present(panel, '[data-testid="capture-late"]', 'the joined-late notice');
    expect((await storedEndpoints(setup)).filter((e) => e.captured)).toEqual([]);
    await panel.click('[data-testid="capture-reload"]');
    await present(panel, '[data-testid="capture-late"]', 'the notice gone after the reload', true);
    await demoReceived(page);
    const ws = await source(setup, 'ws', '/capture/ws', '/capture');
    await present(panel, `[data-testid="captured-source"][data-endpoint-id="${ws.id}"] [data-testid="capture-send"]`, 'the live socket in the panel');

    // Send as the page and deliver to the page, from the panel's own controls.
    const row = `[data-testid="captured-source"][data-endpoint-id="${ws.id}"]`;
    await panel.fill(`${row} [data-testid="capture-text"]`, 'typed in the panel');
    await panel.click(`${row} [data-testid="capture-send"]`);
    await poll(() => demoReceived(page), (d) => d.ws.some((m) => m.includes('"echo"') && m.includes('typed in the panel')), 'the server echo of the sent frame');
    await panel.click(`${row} [data-testid="capture-inject"]`);
    await poll(() => demoReceived(page), (d) => d.ws.includes('typed in the panel'), 'the delivered frame on the page');
    const rows = await waitForStored(setup, ws.id, (r) => outbound(r).includes('typed in the panel') && inbound(r).some((e) => e.data === 'typed in the panel'), 'both in the store');
    expect(rows.filter((r) => r.name === 'injected')).toHaveLength(1);

    // Adopt: the captured socket becomes an endpoint the background reads itself.
    await panel.click(`${row} [data-testid="capture-adopt"]`);
    const adopted = await poll(
      () => storedEndpoints(setup),
      (l) => l.some((e) => !e.captured && !e.recording && e.url === ws.url),
      'the adopted endpoint',
    ).then((l) => l.find((e) => !e.captured && e.url === ws.url)!);
    const own = await waitForStored(setup, adopted.id, (r) => inbound(r).length >= 5, 'events the adopted endpoint received itself');
    expect(inbound(own).map((r) => r.data).slice(0, 4)).toEqual(wsFrames('page').slice(0, 4).map((f) => f.text));
  });
}

scenario('every stream of the demo page is captured, complete and in order; the page cannot tell', captureEveryStream);
scenario('from the panel: joined late and reload, send as the page, deliver to the page, adopt', fromThePanel);
