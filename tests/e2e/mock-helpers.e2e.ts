/**
 * Example: a front end tested against a recording, with no server of its own. The page opens an
 * EventSource and a WebSocket to the URLs recorded in tests/fixtures/mock/board.har (exported
 * from the panel while it watched the demo); `mockRecording` makes them get the recording. The
 * same app and checks run with `streamscope/playwright` in Chromium and `streamscope/puppeteer`
 * in Firefox ESR (Playwright cannot drive ESR: its Firefox channel asks for WebDriver BiDi
 * commands ESR 140 lacks).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { mockRecording } from 'streamscope/playwright';
import { mockRecording as mockForPuppeteer } from 'streamscope/puppeteer';
import { readRecordingFile } from '../../mock/recording-file';
import { CHROMIUM_ARGS } from '../../scripts/launch/chromium';
import { CHROMIUM_PATH, ROOT } from '../../scripts/launch/paths';
import { launchFirefox } from '../../scripts/launch/firefox';
import { poll } from './support/poll';

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

/** How a test drives the page, whichever library drives the browser. */
interface Driver {
  goto(url: string): Promise<unknown>;
  texts(selector: string): Promise<string[]>;
  opens(): Promise<number>;
}

/** The checks both browsers run: every recorded event and frame shown, and a drop resumed without repeats. */
async function driveBoard(start: (site: string) => Promise<{ driver: Driver; mock: { disconnect(): void; close(): Promise<void> } }>): Promise<void> {
  // The app's own server, as its dev server would be. (A page on a public origin may not reach
  // the loopback mock server: Chromium's local network access rules.)
  const site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(APP));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  try {
    const [board, notifications] = await readRecordingFile(RECORDING);
    const events = board!.events.filter((e) => e.dir === 'in');
    const frames = notifications!.events.filter((e) => e.dir === 'in');
    const names = [...new Set(events.map((e) => e.name ?? 'message'))];
    const app = new URL(`http://127.0.0.1:${(site.address() as AddressInfo).port}/board`);
    app.search = new URLSearchParams({ sse: board!.source.url, ws: notifications!.source.url, names: names.join(',') }).toString();
    const { driver, mock } = await start(app.href);
    await driver.goto(app.href);

    const wantEvents = events.map((e) => `${e.name ?? 'message'} #${e.id ?? ''} ${e.data}`);
    const wantFrames = frames.map((e) => (e.opcode === 2 ? `binary ${e.data}` : e.data));
    expect(wantFrames.some((f) => f.startsWith('binary '))).toBe(true);
    const shows = (selector: string, want: string[]) => poll(() => driver.texts(selector), (got) => JSON.stringify(got) === JSON.stringify(want), `${selector}: the recording`);
    await shows('#events li', wantEvents);
    await shows('#frames li', wantFrames);

    // A dropped connection: the EventSource comes back with Last-Event-ID and gets nothing twice.
    mock.disconnect();
    await poll(() => driver.opens(), (n) => n === 2, 'the EventSource to reconnect');
    await shows('#events li', wantEvents);
    await mock.close();
  } finally {
    site.close();
  }
}

// Not through `scenario()`: these drive a plain page, not the extension.
test('[chromium] a page driven by a recording through the streamscope test helpers', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await driveBoard(async () => {
      const page = await browser.newPage();
      const mock = await mockRecording(page, RECORDING, { speed: 0 });
      const driver: Driver = {
        goto: (url) => page.goto(url),
        texts: (selector) => page.locator(selector).allTextContents(),
        opens: () => page.evaluate(() => (window as unknown as { opens: number }).opens),
      };
      return { driver, mock };
    });
  } finally {
    await browser.close();
  }
});

test('[firefox] a page driven by a recording through the streamscope test helpers', async () => {
  const ff = await launchFirefox();
  try {
    await driveBoard(async () => {
      const page = await ff.browser.newPage();
      const mock = await mockForPuppeteer(page, RECORDING, { speed: 0 });
      const driver: Driver = {
        goto: (url) => page.goto(url),
        texts: (selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? '')),
        opens: () => page.evaluate(() => (window as unknown as { opens: number }).opens),
      };
      return { driver, mock };
    });
  } finally {
    await ff.close();
  }
});
