import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launchChromium } from '../../../scripts/launch/chromium';
import { launchFirefox } from '../../../scripts/launch/firefox';

/** What a driver-neutral test body needs of either browser: open an extension page at a size, and close. */
export interface Driver {
  open(path: string): Promise<PwPage | PpPage>;
  close(): Promise<void>;
}

type Size = { width: number; height: number };

/** Chromium with the extension (playwright-core); pages open at `size`. */
export async function chromiumDriver(size: Size): Promise<Driver> {
  const ext = await launchChromium();
  return {
    open: async (p) => {
      const page = await ext.open(p);
      await page.setViewportSize(size);
      return page;
    },
    close: ext.close,
  };
}

/** Firefox ESR with the extension (puppeteer-core over BiDi); pages open at `size`. */
export async function firefoxDriver(size: Size): Promise<Driver> {
  const ext = await launchFirefox();
  return {
    open: async (p) => {
      const page = await ext.open(p);
      await page.setViewport(size);
      return page;
    },
    close: ext.close,
  };
}
