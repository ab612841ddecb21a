import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/launch/chromium';
import { ROOT } from '../../scripts/launch/paths';
import { parseEndpointList } from '../../lib/config/storage';
import { setEndpoints } from './support/config';
import { pick, startDemo } from './support/demo';
import { onlyDirection, waitForRows } from './support/panel';
import { markers, storedEvents, waitForStored, type StoredRow } from './support/store';

const KANBAN = 'demo-kanban';
const inbound = (rows: StoredRow[]) => rows.filter((r) => r.dir === 'in');
const comparable = (rows: StoredRow[]) => rows.map((r) => ({ time: r.time, dir: r.dir, name: r.name, id: r.id, data: r.data }));

async function endpointsOf(page: Page) {
  const raw = await page.evaluate(async () => {
    type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    return (await (globalThis as unknown as { chrome: Api }).chrome.storage.local.get('endpoints')).endpoints;
  });
  return parseEndpointList(raw).valid;
}

test('[chromium] history survives a browser restart, and replays with the server stopped', async () => {
  const { server, endpoints } = await startDemo({ rate: 8 });
  const profile = mkdtempSync(path.join(tmpdir(), 'streamscope-restart-'));
  let ext = await launchChromium({ userDataDir: profile });
  try {
    await setEndpoints(await ext.open('options.html'), pick(endpoints, [KANBAN]));
    const before = await waitForStored(await ext.open('options.html'), KANBAN, (r) => inbound(r).length >= 12, '12 events');
    await ext.close();
    await server.close();

    ext = await launchChromium({ userDataDir: profile });
    const panel = await ext.open('devtools-panel.html');
    await panel.setViewportSize({ width: 1400, height: 2400 });
    await onlyDirection(panel, 'in');
    const want = inbound(before).map((r) => r.seq);
    await waitForRows(panel, (rs) => want.slice(-10).every((s) => rs.some((r) => r.endpointId === KANBAN && r.seq === s)), 'the stored events after the restart');

    // Offline replay: the server is gone, the events are played from disk.
    await panel.getByTestId('tab-exchange').click();
    await panel.getByTestId('replay-endpoint').selectOption(KANBAN);
    await panel.getByTestId('replay-speed').selectOption('max');
    await panel.getByTestId('replay-play').click();
    await expect(panel.getByTestId('replay-counter')).toHaveText(/^(\d+) \/ \1$/);
    expect(await panel.locator('[data-testid="replay-events"] li').count()).toBeGreaterThan(0);
    await panel.getByTestId('replay-step-back').click();
    const [pos, total] = ((await panel.getByTestId('replay-counter').textContent()) ?? '').split(' / ').map(Number);
    expect(pos).toBe(total! - 1);
  } finally {
    await ext.close();
  }
});

test('[chromium] an NDJSON export re-imports to an identical timeline; a Chrome HAR with WebSocket frames imports', async () => {
  const { server, endpoints } = await startDemo({ rate: 8 });
  const ext = await launchChromium();
  try {
    const options = await ext.open('options.html');
    await setEndpoints(options, pick(endpoints, [KANBAN]));
    await waitForStored(options, KANBAN, (r) => inbound(r).length >= 10, '10 events');
    await setEndpoints(options, pick(endpoints, [KANBAN], { enabled: false })); // freeze it
    await server.close();
    const original = await waitForStored(options, KANBAN, (r) => markers(r, 'paused').length === 1, 'the endpoint to stop');

    const panel = await ext.open('devtools-panel.html');
    await panel.getByTestId('tab-exchange').click();
    await panel.getByTestId('export-endpoint-select').selectOption(KANBAN);
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-endpoint').click()]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'streamscope-export-')), download.suggestedFilename());
    await download.saveAs(file);

    await panel.getByTestId('import-file').setInputFiles(file);
    await expect(panel.getByTestId('import-notice')).toContainText('Imported');
    const recording = (await endpointsOf(options)).find((e) => e.recording && e.transport === 'sse');
    expect(recording?.name).toContain('Kanban board-1');
    const copy = await storedEvents(options, recording!.id);
    expect(comparable(copy)).toEqual(comparable(original));

    await panel.getByTestId('import-file').setInputFiles(path.join(ROOT, 'tests/fixtures/exchange/chrome-websocket.har'));
    await expect(panel.getByTestId('import-notice')).toContainText('Imported');
    const har = (await endpointsOf(options)).find((e) => e.recording && e.transport === 'ws');
    const frames = await storedEvents(options, har!.id);
    expect(frames.some((r) => r.dir === 'in')).toBe(true);
    expect(frames.some((r) => r.dir === 'out')).toBe(true);
  } finally {
    await ext.close();
  }
});
