/**
 * A page driven the same way by Playwright (Chromium) and Puppeteer over WebDriver BiDi
 * (Firefox): every action is a DOM action run in the page, so both browsers do exactly the same
 * thing and no driver-specific input, download or file-chooser handling is involved.
 */
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

/** An extension page, driven the same way in both browsers. Selectors are CSS. */
export interface ExtPage {
  /** The driver's own page, for what only one driver offers. */
  readonly raw: PwPage | PpPage;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits (up to 15 s) for the first match to exist and be enabled, then clicks it. */
  click(selector: string): Promise<void>;
  /**
   * Clicks the first match with the browser's own mouse input, once it is enabled: a user
   * gesture, which a DOM click run from the test is not in Firefox. Needed where the page asks
   * for a permission (`permissions.request`).
   */
  userClick(selector: string): Promise<void>;
  /** Types a value into an input or textarea (as one edit), firing input and change. */
  fill(selector: string, value: string): Promise<void>;
  /** Picks a `<select>` option by value, once that option exists. */
  select(selector: string, value: string): Promise<void>;
  /** Ticks or unticks a checkbox, or a `role="checkbox"` button by its aria-checked (a click, as a person would). */
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
  /** Reloads the page and waits until the new document is loaded. */
  reload(): Promise<void>;
  /** Sets the page's viewport, as resizing the window (or the docked DevTools) would. */
  resize(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

const WAIT_MS = 15_000;

/** `[data-testid="x"]`, the selector of most things a test touches. */
export const tid = (id: string): string => `[data-testid="${id}"]`;

export function extPage(
  raw: PwPage | PpPage,
  { reload, resize }: { reload: () => Promise<void>; resize: (size: { width: number; height: number }) => Promise<void> },
): ExtPage {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    (raw as unknown as { evaluate(f: unknown, a: unknown): Promise<R> }).evaluate(fn, arg);
  /** Runs `act` on the first match once there is one. */
  const onElement = <R, A>(selector: string, act: string, arg?: A): Promise<R> =>
    evaluate(
      async ({ selector, act, arg, ms }) => {
        const deadline = Date.now() + ms;
        let el: Element | null;
        // As a person would, a click waits for the control to be enabled.
        const notYet = (e: Element | null) => e === null || ((act === 'click' || act === 'find') && (e as HTMLButtonElement).disabled === true);
        while (notYet((el = document.querySelector(selector)))) {
          if (Date.now() > deadline) throw new Error(el ? `${selector} stayed disabled` : `no element ${selector}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        // Functions do not cross the driver boundary; the action is named and built here.
        const actions: Record<string, (el: Element, arg: unknown) => unknown> = {
          find: () => undefined,
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
            const checked = e instanceof HTMLInputElement ? e.checked : e.getAttribute('aria-checked') === 'true';
            if (checked !== on) (e as HTMLElement).click();
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
        return actions[act]!(el!, arg);
      },
      { selector, act, arg, ms: WAIT_MS },
    ) as Promise<R>;

  return {
    raw,
    evaluate,
    click: (s) => onElement(s, 'click'),
    async userClick(s) {
      await onElement(s, 'find');
      // Both drivers' pages have click(selector); their types differ only in options.
      await (raw as unknown as { click(selector: string): Promise<void> }).click(s);
    },
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
    resize,
    close: () => raw.close(),
  };
}

