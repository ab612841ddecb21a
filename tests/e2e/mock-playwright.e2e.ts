/**
 * Example: a front end tested against a recording, with no server of its own. The page opens an
 * EventSource and a WebSocket to the URLs recorded in tests/fixtures/mock/board.har (exported
 * from the panel while it watched the demo); `mockRecording` makes them get the recording.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { mockRecording } from 'streamscope/playwright';
import { readRecordingFile } from '../../mock/recording-file';
import { CHROMIUM_ARGS } from '../../scripts/launch/chromium';
import { CHROMIUM_PATH, ROOT } from '../../scripts/launch/paths';
import { chromiumOnlyNote } from './support/both';

const RECORDING = path.join(ROOT, 'tests/fixtures/mock/board.har');

/** The app under test: lists each board event and each notification frame, as text. */
const APP = `<!doctype html><meta charset="utf-8"><title>Board</title>
<ul id="events"></ul><ul id="frames"></ul>
<script>
  const q = new URLSearchParams(location.search);
  const item = (list, text) => { const li = document.createElement('li'); li.textContent = text; document.getElementById(list).append(li); };
  const es = new EventSource(q.get('sse'));
  window.opens = 0;
  es.onopen = () => window.opens++;
  for (const name of q.get('names').split(',')) es.addEventListener(name, (e) => item('events', name + ' #' + e.lastEventId + ' ' + e.data));
  const ws = new WebSocket(q.get('ws'));
  ws.binaryType = 'arraybuffer';
  ws.onmessage = (e) => item('frames', typeof e.data === 'string' ? e.data : 'binary ' + btoa(String.fromCharCode(...new Uint8Array(e.data))));
</script>`;

// Chromium alone, and not through `scenario()`: this test drives a plain browser, not the extension.
test(
  '[chromium] a page driven by a recording through streamscope/playwright',
  chromiumOnlyNote('the helper is built on Playwright (page.route, page.routeWebSocket), and Playwright cannot drive Firefox ESR (its moz-firefox channel asks for WebDriver BiDi commands ESR 140 lacks: network.addDataCollector)'),
  async () => {
    // The app's own server, as its dev server would be. (A page on a public origin may not reach
    // the loopback mock server: Chromium's local network access rules.)
    const site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(APP));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const mock = await mockRecording(page, RECORDING, { speed: 0 });

      const [board, notifications] = await readRecordingFile(RECORDING);
      const events = board!.events.filter((e) => e.dir === 'in');
      const frames = notifications!.events.filter((e) => e.dir === 'in');
      const names = [...new Set(events.map((e) => e.name ?? 'message'))];
      const app = new URL(`http://127.0.0.1:${(site.address() as AddressInfo).port}/board`);
      app.search = new URLSearchParams({ sse: board!.source.url, ws: notifications!.source.url, names: names.join(',') }).toString();
      await page.goto(app.href);

      const wantEvents = events.map((e) => `${e.name ?? 'message'} #${e.id ?? ''} ${e.data}`);
      const wantFrames = frames.map((e) => (e.opcode === 2 ? `binary ${e.data}` : e.data));
      await expect(page.locator('#events li')).toHaveText(wantEvents);
      await expect(page.locator('#frames li')).toHaveText(wantFrames);
      expect(wantFrames.some((f) => f.startsWith('binary '))).toBe(true);

      // A dropped connection: the EventSource comes back with Last-Event-ID and gets nothing twice.
      mock.disconnect();
      await expect.poll(() => page.evaluate(() => (window as unknown as { opens: number }).opens)).toBe(2);
      await expect(page.locator('#events li')).toHaveText(wantEvents);
      await mock.close();
    } finally {
      await browser.close();
      site.close();
    }
  },
);
