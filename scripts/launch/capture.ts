import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

/** Switches page capture on for `origin` (added to the list), from an extension page. */
export async function captureSite(page: PwPage | PpPage, origin: string): Promise<void> {
  await (page as PwPage).evaluate(async (o) => {
    type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const local = (g.browser ?? g.chrome)!.storage.local;
    const now = (await local.get('captureOrigins')).captureOrigins;
    const list = Array.isArray(now) ? (now as string[]) : [];
    if (!list.includes(o)) await local.set({ captureOrigins: [...list, o] });
  }, origin);
  await new Promise((r) => setTimeout(r, 300)); // the background registers the page scripts
}
