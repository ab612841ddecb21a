/**
 * One test body per scenario, run in Chromium and in Firefox ESR.
 *
 *   scenario('live events reach the panel', async (ext) => {
 *     const panel = await ext.open('devtools-panel.html');
 *     await panel.click('[data-testid="tab-state"]');
 *   });
 *
 * declares `[chromium] live events reach the panel` and `[firefox] live events reach the panel`.
 * A body sees the extension through `Ext` and its pages through `ExtPage`, which work the same
 * on Playwright (Chromium) and Puppeteer over WebDriver BiDi (Firefox): every page action is a
 * DOM action run in the page, so both browsers do exactly the same thing.
 * `chromiumOnly(title, why, body)` is for what Firefox cannot do at all; `why` is shown in the
 * report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launchChromium, type ChromiumExt } from '../../../scripts/launch/chromium';
import { launchFirefox, type FirefoxExt } from '../../../scripts/launch/firefox';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** An extension page, driven the same way in both browsers. Selectors are CSS. */
export interface ExtPage {
  /** The driver's own page, for what only one driver offers. */
  readonly raw: PwPage | PpPage;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits (up to 15 s) for the first match, then clicks it. */
  click(selector: string): Promise<void>;
  /** Types a value into an input or textarea (as one edit), firing input and change. */
  fill(selector: string, value: string): Promise<void>;
  /** Picks a `<select>` option by value, once that option exists. */
  select(selector: string, value: string): Promise<void>;
  /** Ticks or unticks a checkbox (a click, as a person would). */
  check(selector: string, on?: boolean): Promise<void>;
  /** Text of the first match, or null when there is none. */
  text(selector: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  attr(selector: string, name: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  /** Gives a file input a file with this content, as choosing it would. */
  upload(selector: string, name: string, content: string): Promise<void>;
  /** Clicks `selector` and returns the file it downloads (name and text). */
  download(selector: string): Promise<{ name: string; text: string }>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface Ext {
  readonly browser: BrowserName;
  /** Opens an extension page (`options.html`, `devtools-panel.html`, ...), 1400x2400 by default. */
  open(pagePath: string, size?: { width: number; height: number }): Promise<ExtPage>;
  /** Closes the browser and starts it again on the same profile, extension installed. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** The launched browser, for what only one browser offers. */
  readonly chromium?: ChromiumExt;
  readonly firefox?: FirefoxExt;
}

const WAIT_MS = 15_000;

/** `[data-testid="x"]`, the selector of most things a test touches. */
export const tid = (id: string): string => `[data-testid="${id}"]`;

function extPage(raw: PwPage | PpPage, reload: () => Promise<void>): ExtPage {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    (raw as unknown as { evaluate(f: unknown, a: unknown): Promise<R> }).evaluate(fn, arg);
  /** Runs `act` on the first match once there is one. */
  const onElement = <R, A>(selector: string, act: string, arg?: A): Promise<R> =>
    evaluate(
      async ({ selector, act, arg, ms }) => {
        const deadline = Date.now() + ms;
        let el: Element | null;
        while (!(el = document.querySelector(selector))) {
          if (Date.now() > deadline) throw new Error(`no element ${selector}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        // Functions do not cross the driver boundary; the action is named and built here.
        const actions: Record<string, (el: Element, arg: unknown) => unknown> = {
          click: (e) => (e as HTMLElement).click(),
          fill: (e, v) => {
            const input = e as HTMLInputElement;
            input.focus();
            input.value = String(v);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.dispatchEvent(new Event('change', { bubbles: true }));
          },
          select: async (e, v) => {
            const sel = e as HTMLSelectElement;
            const until = Date.now() + 15_000;
            while (![...sel.options].some((o) => o.value === v)) {
              if (Date.now() > until) throw new Error(`no option ${String(v)} in ${selector}`);
              await new Promise((r) => setTimeout(r, 50));
            }
            sel.value = String(v);
            sel.dispatchEvent(new Event('input', { bubbles: true }));
            sel.dispatchEvent(new Event('change', { bubbles: true }));
          },
          check: (e, on) => {
            if ((e as HTMLInputElement).checked !== on) (e as HTMLInputElement).click();
          },
          upload: (e, file) => {
            const { name, content } = file as { name: string; content: string };
            const dt = new DataTransfer();
            dt.items.add(new File([content], name));
            (e as HTMLInputElement).files = dt.files;
            e.dispatchEvent(new Event('input', { bubbles: true }));
            e.dispatchEvent(new Event('change', { bubbles: true }));
          },
        };
        return actions[act]!(el, arg);
      },
      { selector, act, arg, ms: WAIT_MS },
    ) as Promise<R>;

  return {
    raw,
    evaluate,
    click: (s) => onElement(s, 'click'),
    fill: (s, v) => onElement(s, 'fill', v),
    select: (s, v) => onElement(s, 'select', v),
    check: (s, on = true) => onElement(s, 'check', on),
    upload: (s, name, content) => onElement(s, 'upload', { name, content }),
    text: (s) => evaluate((sel) => document.querySelector(sel)?.textContent ?? null, s),
    texts: (s) => evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent ?? ''), s),
    attr: (s, name) => evaluate(({ sel, name }) => document.querySelector(sel)?.getAttribute(name) ?? null, { sel: s, name }),
    count: (s) => evaluate((sel) => document.querySelectorAll(sel).length, s),
    async download(selector) {
      // Catch the file where the page hands it to the browser (an <a download> click on a blob
      // URL), so neither driver's download handling is involved.
      await evaluate(() => {
        const w = window as unknown as { __download?: Promise<{ name: string; text: string }> };
        const original = HTMLAnchorElement.prototype.click;
        w.__download = new Promise((resolve) => {
          HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
            if (!this.download) return original.call(this);
            HTMLAnchorElement.prototype.click = original;
            void fetch(this.href)
              .then((r) => r.text())
              .then((text) => resolve({ name: this.download, text }));
          };
        });
      });
      await onElement(selector, 'click');
      return evaluate(() => (window as unknown as { __download: Promise<{ name: string; text: string }> }).__download);
    },
    reload,
    close: () => raw.close(),
  };
}

async function chromiumExt(): Promise<Ext> {
  const profile = mkdtempSync(path.join(tmpdir(), 'streamscope-chromium-'));
  let ext = await launchChromium({ userDataDir: profile });
  return {
    browser: 'chromium',
    get chromium() {
      return ext;
    },
    async open(p, size = { width: 1400, height: 2400 }) {
      const page = await ext.open(p);
      await page.setViewportSize(size);
      return extPage(page, async () => void (await page.reload()));
    },
    async restart() {
      await ext.close();
      ext = await launchChromium({ userDataDir: profile });
    },
    close: () => ext.close(),
  };
}

async function firefoxExt(): Promise<Ext> {
  const profile = mkdtempSync(path.join(tmpdir(), 'streamscope-firefox-'));
  let ext = await launchFirefox({ userDataDir: profile });
  return {
    browser: 'firefox',
    get firefox() {
      return ext;
    },
    async open(p, size = { width: 1400, height: 2400 }) {
      const page = await ext.open(p);
      await page.setViewport(size);
      return extPage(page, async () => {
        // Extension pages never report 'load' over BiDi: reload, then wait for a new document.
        const before = await page.evaluate(() => performance.timeOrigin);
        await page.evaluate(() => location.reload()).catch(() => undefined);
        const deadline = Date.now() + 15_000;
        while ((await page.evaluate(() => performance.timeOrigin).catch(() => before)) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        await ext.ready(page);
      });
    },
    async restart() {
      await ext.close();
      ext = await launchFirefox({ userDataDir: profile, uuid: ext.uuid });
    },
    close: () => ext.close(),
  };
}

export const launchExt = (browser: BrowserName): Promise<Ext> => (browser === 'chromium' ? chromiumExt() : firefoxExt());

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

/** A scenario Firefox cannot run at all; `why` says what it lacks and is shown in the report. */
export function chromiumOnly(title: string, why: string, body: (ext: Ext & { chromium: ChromiumExt }) => Promise<void>): void {
  test(`[chromium] ${title}`, { annotation: { type: 'chromium only', description: why } }, () =>
    run('chromium', (ext) => body(ext as Ext & { chromium: ChromiumExt })),
  );
}
