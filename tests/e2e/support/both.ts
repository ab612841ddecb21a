/**
 * One test body per scenario, run in Chromium and in Firefox ESR.
 *
 *   scenario('live events reach the panel', async (ext) => {
 *     const panel = await ext.open('devtools-panel.html');
 *     await panel.click('[data-testid="tab-state"]');
 *   });
 *
 * declares `[chromium] live events reach the panel` and `[firefox] live events reach the panel`.
 * A body sees the extension through `Ext` and its pages through `ExtPage` (./ext-page.ts), which
 * work the same on Playwright (Chromium) and Puppeteer over WebDriver BiDi (Firefox).
 * A test that runs in Chromium alone carries `chromiumOnlyNote(why)`, shown in the report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launchChromium, type ChromiumExt } from '../../../scripts/launch/chromium';
import { launchFirefox, type FirefoxExt } from '../../../scripts/launch/firefox';
import { extPage, type ExtPage } from './ext-page';

export { tid, type ExtPage } from './ext-page';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

type Size = { width: number; height: number };
const PAGE_SIZE: Size = { width: 1400, height: 2400 };

export interface Ext {
  readonly browser: BrowserName;
  /** Opens an extension page (`options.html`, `devtools-panel.html`, ...), 1400x2400 by default. */
  open(pagePath: string, size?: Size): Promise<ExtPage>;
  /** Opens a web page in a new tab, at the browser's default size. */
  visit(url: string): Promise<ExtPage>;
  /** Closes the browser and starts it again on the same profile, extension installed. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** The launched browser, for what only one browser offers. */
  readonly chromium?: ChromiumExt;
  readonly firefox?: FirefoxExt;
}

/** What differs between the two browsers; everything else in `Ext` is shared. */
interface Launched {
  /** A new tab showing an extension page, loaded. */
  open(pagePath: string): Promise<PwPage | PpPage>;
  /** A new, empty tab. */
  blank(): Promise<PwPage | PpPage>;
  resize(page: PwPage | PpPage, size: Size): Promise<void>;
  reload(page: PwPage | PpPage): Promise<void>;
  close(): Promise<void>;
  native: { chromium: ChromiumExt } | { firefox: FirefoxExt };
}

async function startChromium(profile: string): Promise<Launched> {
  const ext = await launchChromium({ userDataDir: profile });
  return {
    open: (p) => ext.open(p),
    blank: () => ext.ctx.newPage(),
    resize: (page, size) => (page as PwPage).setViewportSize(size),
    reload: async (page) => void (await (page as PwPage).reload()),
    close: () => ext.close(),
    native: { chromium: ext },
  };
}

/**
 * The page's viewport, by WebDriver BiDi's `browsingContext.setViewport` alone. Puppeteer's
 * `setViewport` also sends `emulation.setScreenOrientationOverride`, which Firefox ESR 140 does
 * not know, and fails there.
 */
function setFirefoxViewport(page: PpPage, size: Size): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { setViewport(o: { viewport: Size }): Promise<void> } };
  return frame.browsingContext.setViewport({ viewport: size });
}

/** `previous` is the instance a restart replaces: its uuid keeps the extension's origin, and so its storage. */
async function startFirefox(profile: string, previous?: FirefoxExt): Promise<Launched> {
  const ext = await launchFirefox({ userDataDir: profile, ...(previous ? { uuid: previous.uuid } : {}) });
  return {
    open: (p) => ext.open(p),
    blank: () => ext.browser.newPage(),
    resize: (page, size) => setFirefoxViewport(page as PpPage, size),
    async reload(raw) {
      // Extension pages never report 'load' over BiDi: reload, then wait for a new document.
      const page = raw as PpPage;
      const before = await page.evaluate(() => performance.timeOrigin);
      await page.evaluate(() => location.reload()).catch(() => undefined);
      const deadline = Date.now() + 15_000;
      while ((await page.evaluate(() => performance.timeOrigin).catch(() => before)) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await ext.ready(page);
    },
    close: () => ext.close(),
    native: { firefox: ext },
  };
}

const start = (browser: BrowserName, profile: string, previous?: Launched): Promise<Launched> =>
  browser === 'chromium' ? startChromium(profile) : startFirefox(profile, previous && 'firefox' in previous.native ? previous.native.firefox : undefined);

/** Launches `browser` with the extension on a fresh profile of its own. */
export async function launchExt(browser: BrowserName): Promise<Ext> {
  const profile = mkdtempSync(path.join(tmpdir(), `streamscope-${browser}-`));
  let b = await start(browser, profile);
  const wrap = (page: PwPage | PpPage) => extPage(page, { reload: () => b.reload(page), resize: (size) => b.resize(page, size) });
  return {
    browser,
    get chromium() {
      return 'chromium' in b.native ? b.native.chromium : undefined;
    },
    get firefox() {
      return 'firefox' in b.native ? b.native.firefox : undefined;
    },
    async open(p, size = PAGE_SIZE) {
      const page = await b.open(p);
      await b.resize(page, size);
      return wrap(page);
    },
    async visit(url) {
      const page = await b.blank();
      // Both drivers' pages have goto(url) and wait for the load; their types differ only in options.
      await (page as unknown as { goto(url: string): Promise<unknown> }).goto(url);
      return wrap(page);
    },
    async restart() {
      await b.close();
      b = await start(browser, profile, b);
    },
    close: () => b.close(),
  };
}

async function run(browser: BrowserName, body: (ext: Ext) => Promise<void>): Promise<void> {
  const ext = await launchExt(browser);
  try {
    await body(ext);
  } finally {
    await ext.close();
  }
}

/** Declares one scenario for both browsers: `[chromium] title` and `[firefox] title`. */
export function scenario(title: string, body: (ext: Ext) => Promise<void>): void {
  for (const b of BROWSERS) test(`[${b}] ${title}`, () => run(b, body));
}

/** The report's note on a test that runs in Chromium only, saying why. */
export const chromiumOnlyNote = (why: string) => ({ annotation: { type: 'chromium only', description: why } });
