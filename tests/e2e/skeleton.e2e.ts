import { expect, test } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launchChromium } from '../../scripts/launch/chromium';
import { launchFirefox } from '../../scripts/launch/firefox';
import { setEndpoints } from './support/config';
import { startDemo, pick } from './support/demo';
import { hasIn, onlyDirection, waitForRows, type RowInfo } from './support/panel';

const SSE = 'demo-kanban';
const WS = 'demo-notifications';

/** What the test needs of either browser: open an extension page tall enough, and close. */
interface Driver {
  open(path: string): Promise<PwPage | PpPage>;
  close(): Promise<void>;
}

const keys = (rs: RowInfo[]) => new Set(rs.filter((r) => r.dir === 'in').map((r) => `${r.endpointId}#${r.seq}`));

async function liveThenFromDisk(launch: () => Promise<Driver>): Promise<void> {
  const { server, endpoints } = await startDemo();
  const ext = await launch();
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup, pick(endpoints, [SSE, WS]));
    await setup.close();
    const panel = await ext.open('devtools-panel.html');
    const seen = await waitForRows(panel, (r) => hasIn(SSE)(r) && hasIn(WS)(r), 'SSE and WS events');
    await panel.close();
    await server.close(); // nothing new can arrive: what the panel shows next comes from disk
    const again = await ext.open('devtools-panel.html');
    await onlyDirection(again, 'in'); // connection markers keep coming while the server is down
    const reopened = await waitForRows(again, (r) => [...keys(seen)].every((k) => keys(r).has(k)), 'the same events after reopening');
    expect(keys(reopened).size).toBeGreaterThanOrEqual(keys(seen).size);
  } finally {
    await ext.close();
    await server.close();
  }
}

const TALL = { width: 1280, height: 2400 };

test('chromium: live SSE and WS events reach the panel and survive closing it', async () => {
  await liveThenFromDisk(async () => {
    const ext = await launchChromium();
    return {
      open: async (p) => {
        const page = await ext.open(p);
        await page.setViewportSize(TALL);
        return page;
      },
      close: ext.close,
    };
  });
});

test('firefox: live SSE and WS events reach the panel and survive closing it', async () => {
  await liveThenFromDisk(async () => {
    const ext = await launchFirefox();
    return {
      open: async (p) => {
        const page = await ext.open(p);
        await page.setViewport(TALL);
        return page;
      },
      close: ext.close,
    };
  });
});
