import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_EXT, CHROMIUM_PATH } from './paths';

/** Flags for a closed network: no background traffic, no component downloads. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumExt {
  ctx: BrowserContext;
  extId: string;
  /** The background service worker (re-fetch after a restart with `worker()`). */
  worker(): Promise<Worker>;
  open(pagePath: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(opts: { headless?: boolean; userDataDir?: string; devtools?: boolean } = {}): Promise<ChromiumExt> {
  const ctx = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args: [
      `--disable-extensions-except=${CHROME_EXT}`,
      `--load-extension=${CHROME_EXT}`,
      ...CHROMIUM_ARGS,
      ...(opts.devtools ? ['--auto-open-devtools-for-tabs'] : []),
    ],
  });
  const worker = async () => ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extId = new URL((await worker()).url()).host;
  return {
    ctx,
    extId,
    worker,
    async open(pagePath) {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extId}/${pagePath}`);
      return page;
    },
    close: () => ctx.close(),
  };
}

/** Stops the extension's service worker the way the browser does when it idles it out. */
export async function stopServiceWorker(ext: ChromiumExt, via: Page): Promise<void> {
  const cdp = await ext.ctx.newCDPSession(via);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
