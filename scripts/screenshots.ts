/**
 * `npm run screenshots`: the images in docs/, taken from the built Chromium extension against
 * the demo streams. The panel is shown at the sizes DevTools gives it: docked to the right
 * (560 px wide, the detail pane under the list) and docked to the bottom (1280 x 420, the
 * detail pane beside it), in the light and the dark theme; and the popup.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { demoEndpoints } from '../lib/config/demo-endpoints';
import { startDemoServer } from '../demo/server';
import { launchChromium } from './launch/chromium';
import { writeEndpoints } from './launch/endpoints';
import { ROOT } from './launch/paths';

const DOCS = path.join(ROOT, 'docs');
const THEMES = ['light', 'dark'] as const;
const SHOTS = [
  { name: 'panel-right', size: { width: 560, height: 900 } },
  { name: 'panel-bottom', size: { width: 1280, height: 420 } },
] as const;
/** Long enough for every demo family to have sent something. */
const WARM_UP_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Selects the newest received row with a typed summary, so the detail pane shows. */
async function selectAnEvent(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="event-row"][data-dir="in"]');
  await page.evaluate(() => {
    const rows = document.querySelectorAll<HTMLElement>('.tl-list [data-testid="event-row"][data-dir="in"]:not([data-invalid])');
    rows[Math.max(0, rows.length - 4)]?.click();
  });
  await page.waitForSelector('[data-testid="tl-splitter"]');
}

const demo = await startDemoServer({ port: 0, seed: 7, rate: 2 });
const ext = await launchChromium();
try {
  const setup = await ext.open('options.html');
  await writeEndpoints(setup, demoEndpoints(demo.port, demo.protocolPort));
  await setup.close();
  await sleep(WARM_UP_MS);

  for (const theme of THEMES) {
    for (const shot of SHOTS) {
      const page = await ext.open('devtools-panel.html');
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(shot.size);
      await selectAnEvent(page);
      await sleep(500); // the detail pane reads its neighbours
      const file = path.join(DOCS, `${shot.name}-${theme}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(ROOT, file)}`);
      await page.close();
    }
    const popup = await ext.open('popup.html');
    await popup.emulateMedia({ colorScheme: theme });
    await popup.setViewportSize({ width: 380, height: 560 });
    await sleep(500);
    const file = path.join(DOCS, `popup-${theme}.png`);
    await popup.screenshot({ path: file });
    console.log(`wrote ${path.relative(ROOT, file)}`);
    await popup.close();
  }
} finally {
  await ext.close();
  await demo.close();
}
