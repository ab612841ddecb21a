import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, launchChromium } from '../../scripts/launch/chromium';
import { launchFirefox } from '../../scripts/launch/firefox';
import { CHROME_EXT, CHROMIUM_PATH } from '../../scripts/launch/paths';
import { startDemoServer } from '../../demo/server';
import { demoEndpoints } from '../../lib/config/demo-endpoints';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { setEndpoints } from '../e2e/support/config';
import { markers, receivedIds, storedEvents, type StoredRow } from '../e2e/support/store';

/**
 * With no extension page open and nothing attached to the background, an SSE endpoint that
 * sends an event about every 10 s keeps arriving for 5 minutes. Run with `npm run test:soak`.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);
const SOAK_MS = MINUTES * 60_000;
const EP = 'demo-kanban';

const slowKanban = (port: number): EndpointConfig[] =>
  demoEndpoints(port)
    .filter((e) => e.id === EP)
    // rate 0.1: the board's events and heartbeats come roughly every 5–15 s
    .map((e) => ({ ...e, url: `${e.url}&rate=0.1` }));

/** Ids 1..n with no gap or duplicate, and events received in every minute of the soak. */
function expectSteady(rows: StoredRow[], startedAt: number): void {
  const ids = receivedIds(rows).map(Number);
  expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
  const inbound = rows.filter((r) => r.dir === 'in');
  for (let m = 0; m < MINUTES; m++) {
    const from = startedAt + m * 60_000;
    expect(inbound.some((r) => r.time >= from && r.time < from + 60_000), `events in minute ${m + 1}`).toBe(true);
  }
}

test.setTimeout(SOAK_MS + 120_000);

test('chromium: SSE keeps arriving for the whole soak with no page open and no debugger attached', async () => {
  const server = await startDemoServer({ port: 0, seed: 11 });
  const profile = mkdtempSync(path.join(tmpdir(), 'streamscope-soak-'));
  try {
    // 1. Configure through a page, then close the browser.
    const setup = await launchChromium({ userDataDir: profile });
    const page = await setup.open('options.html');
    await setEndpoints(page, slowKanban(server.port));
    await setup.close();
    // 2. The soak itself: a plain browser process, nothing attached.
    const startedAt = Date.now();
    const chrome = spawn(CHROMIUM_PATH, ['--headless=new', `--user-data-dir=${profile}`, `--disable-extensions-except=${CHROME_EXT}`, `--load-extension=${CHROME_EXT}`, ...CHROMIUM_ARGS, 'about:blank'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, SOAK_MS));
    chrome.kill('SIGTERM');
    await new Promise((r) => chrome.once('exit', r));
    const sent = server.stats().streams['/api/events?boardId=board-1']?.events ?? 0;
    // 3. Read what was stored.
    const check = await launchChromium({ userDataDir: profile });
    const rows = await storedEvents(await check.open('options.html'), EP);
    await check.close();
    const during = rows.filter((r) => r.dir === 'in');
    test.info().annotations.push({ type: 'measure', description: `${during.length} events stored of ${sent} sent in ${MINUTES} min; worker restarts: ${markers(rows, 'worker_started').length}` });
    expectSteady(rows, startedAt);
    expect(during.length).toBeGreaterThanOrEqual(sent - 1);
  } finally {
    await server.close();
  }
});

test('firefox: SSE keeps arriving for the whole soak with no page open', async () => {
  const server = await startDemoServer({ port: 0, seed: 12 });
  const ext = await launchFirefox();
  try {
    const page = await ext.open('options.html');
    await setEndpoints(page, slowKanban(server.port));
    await page.close();
    const startedAt = Date.now();
    await new Promise((r) => setTimeout(r, SOAK_MS));
    const sent = server.stats().streams['/api/events?boardId=board-1']?.events ?? 0;
    const rows = await storedEvents(await ext.open('options.html'), EP);
    test.info().annotations.push({ type: 'measure', description: `${rows.filter((r) => r.dir === 'in').length} events stored of ${sent} sent in ${MINUTES} min` });
    expectSteady(rows, startedAt);
    expect(rows.filter((r) => r.dir === 'in').length).toBeGreaterThanOrEqual(sent - 1);
  } finally {
    await ext.close();
    await server.close();
  }
});
