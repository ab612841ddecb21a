import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { newEndpoint, type EndpointConfig } from '../../lib/config/endpoint';
import { readRecordingFile } from '../../mock/recording-file';
import { startMockServer, type MockServer } from '../../mock/server';
import { setEndpoints } from './support/config';
import { pick, startDemo } from './support/demo';
import { scenario, tid, type Ext } from './support/both';
import { waitForRows } from './support/panel';
import { poll } from './support/poll';
import { markers, storedEvents, type StoredRow } from './support/store';

const SSE = 'demo-kanban';
const WS = 'demo-notifications';
type Page = PwPage | PpPage;

const TALL = { width: 1280, height: 2400 };

const inbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'in');
/** What a served event must keep: name, id and data (binary frames are base64 in `data`). */
const same = (rows: StoredRow[]) => rows.map((r) => ({ name: r.name, id: r.id, data: r.data }));
const isBinary = (r: StoredRow) => r.dir === 'in' && !r.data.startsWith('{');
const read = (page: Page, id: string) => storedEvents(page, id).then(inbound);

async function recordServeReplay(ext: Ext): Promise<void> {
  const { server: demo, endpoints } = await startDemo({ rate: 8 });
  let mock: MockServer | undefined;
  try {
    // 1. Record: an SSE stream (names, ids, retry) and a WebSocket with binary frames.
    const source = pick(endpoints, [SSE, WS], { heartbeat: null }).map((e) => (e.id === WS ? { ...e, url: `${e.url}?binaryEvery=2` } : e));
    const page = (await ext.open('options.html', TALL)).raw;
    await setEndpoints(page, source);
    await poll(() => read(page, WS), (r) => r.length >= 4 && r.some(isBinary), 'WebSocket frames, one binary');
    await setEndpoints(page, source.map((e) => ({ ...e, enabled: e.id !== WS })));
    await poll(() => read(page, SSE), (r) => r.length >= 12, '12 SSE events');
    await setEndpoints(page, source.map((e) => ({ ...e, enabled: false })));
    for (const id of [SSE, WS]) await poll(() => storedEvents(page, id), (r) => markers(r, 'paused').length > 0, `${id} to stop`);
    await demo.close();
    const original = { sse: await read(page, SSE), ws: await read(page, WS) };
    expect(original.sse.every((r) => r.id !== undefined)).toBe(true);

    // 2. Export both endpoints from the panel's view as one HAR, as a user does.
    const panel = await ext.open('devtools-panel.html', TALL);
    await waitForRows(panel.raw, (rs) => [SSE, WS].every((id) => rs.filter((r) => r.endpointId === id && r.dir === 'in').length === (id === SSE ? original.sse : original.ws).length), 'every recorded event in the view');
    await panel.click(tid('tab-exchange'));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'streamscope-mock-')), 'recording.har');
    writeFileSync(file, (await panel.download(tid('export-view-har'))).text);

    // 3. Serve it, dropping each SSE connection after 6 events (the extension backs off more with each drop), and point the extension at the served URLs.
    const DROP_AFTER = 6;
    mock = await startMockServer(await readRecordingFile(file), { speed: 0, dropAfter: DROP_AFTER });
    const served = (recorded: string) => mock!.endpoints.find((e) => e.recordedUrl === recorded)!.servedUrl;
    const replica: EndpointConfig[] = source.map((e) => newEndpoint({ id: `mock-${e.transport}`, name: `Mock ${e.name}`, url: served(e.url), heartbeat: null }));
    await setEndpoints(page, [...source.map((e) => ({ ...e, enabled: false })), ...replica]);

    const got = await poll(
      async () => ({ sse: await read(page, 'mock-sse'), ws: await read(page, 'mock-ws') }),
      (r) => r.sse.length >= original.sse.length && r.ws.length >= original.ws.length,
      'every served event',
      60_000,
    );
    // SSE: the same events, no gap and no duplicate across every drop and Last-Event-ID resume.
    expect(same(got.sse)).toEqual(same(original.sse));
    const drops = Math.ceil(original.sse.length / DROP_AFTER) - 1;
    expect(markers(await storedEvents(page, 'mock-sse'), 'dropped').length).toBeGreaterThanOrEqual(drops);
    // WebSocket: the recorded server frames in order, binary intact.
    expect(same(got.ws)).toEqual(same(original.ws));
    expect(got.ws.some(isBinary)).toBe(true);
  } finally {
    await mock?.close();
    await demo.close();
  }
}

scenario('a recording exported as HAR, served, gives the extension the same events and resumes after a drop', recordServeReplay);
