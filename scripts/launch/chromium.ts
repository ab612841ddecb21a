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

/**
 * For a person at the window (`npm start`): pages take the window's real size instead of a
 * fixed 1280x720 viewport, and no info bars. `--test-type` hides the "unsupported command-line
 * flag: --no-sandbox" bar (Playwright's own UI uses it too); without `--enable-automation`
 * there is no "controlled by automated test software" bar.
 */
const INTERACTIVE = {
  viewport: null,
  ignoreDefaultArgs: ['--enable-automation'],
  args: ['--test-type', '--start-maximized'],
};

export interface ChromiumOptions {
  headless?: boolean;
  userDataDir?: string;
  devtools?: boolean;
  /** Someone will use the window (see INTERACTIVE); tests leave it off. */
  interactive?: boolean;
}

export async function launchChromium(opts: ChromiumOptions = {}): Promise<ChromiumExt> {
  const interactive = opts.interactive === true;
  const ctx = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    ...(interactive ? { viewport: INTERACTIVE.viewport, ignoreDefaultArgs: INTERACTIVE.ignoreDefaultArgs } : {}),
    args: [
      `--disable-extensions-except=${CHROME_EXT}`,
      `--load-extension=${CHROME_EXT}`,
      ...CHROMIUM_ARGS,
      ...(interactive ? INTERACTIVE.args : []),
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
