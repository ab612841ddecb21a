import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXT, FIREFOX_PATH, GECKO_ID } from './paths';

export interface FirefoxExt {
  browser: Browser;
  uuid: string;
  open(pagePath: string): Promise<Page>;
  /** Waits until `page` shows a loaded extension document (after a navigation or reload). */
  ready(page: Page): Promise<Page>;
  close(): Promise<void>;
}

async function ready(page: Page, what: string): Promise<Page> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    // page.url() lags behind over BiDi here; ask the document itself.
    const state = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => 'loading');
    if (state.startsWith('complete moz-extension://')) return page;
    if (Date.now() > deadline) throw new Error(`moz-extension page ${what} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A new tab. While a desktop notification shows, Firefox ESR 140 cannot create one (BiDi puts
 * it in the most recent window, which is then the notification's and has no tabs): bringing a
 * tab to the front first makes its window the most recent again. Another notification can open
 * meanwhile and take that place back, so this is tried a few times.
 */
async function newTab(browser: Browser): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.newPage();
    } catch (e) {
      const [front] = await browser.pages();
      if (!front || attempt === 5) throw e;
      await front.bringToFront();
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/**
 * Firefox ESR over WebDriver BiDi with the extension installed as a temporary add-on.
 * `interactive` (someone uses the window, `npm start`): pages take the window's real size
 * instead of puppeteer's fixed 800x600 viewport. `userDataDir` and `uuid` again (a restart)
 * keep the extension's origin, and so its storage.
 */
export async function launchFirefox(opts: { headless?: boolean; interactive?: boolean; userDataDir?: string; uuid?: string } = {}): Promise<FirefoxExt> {
  const uuid = opts.uuid ?? randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    ...(opts.interactive ? { defaultViewport: null } : {}),
    ...(opts.userDataDir ? { userDataDir: opts.userDataDir } : {}),
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Without it a notification closes at once (no D-Bus here).
      'alerts.useSystemBackend': false,
      // A temporary add-on is uninstalled when the browser closes, which would wipe its storage
      // and IndexedDB; kept, a restart on the same profile and uuid finds its history again.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });
  await browser.installExtension(FIREFOX_EXT);
  return {
    browser,
    uuid,
    async open(pagePath) {
      const page = await newTab(browser);
      // Extension pages never report 'load' over BiDi: start navigation, then poll readiness.
      page.goto(`moz-extension://${uuid}/${pagePath}`).catch(() => undefined);
      return ready(page, pagePath);
    },
    ready: (page) => ready(page, page.url()),
    close: () => browser.close(),
  };
}
