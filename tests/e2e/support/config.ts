import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { EndpointConfig } from '../../../lib/config/endpoint';

/**
 * Writes the endpoint list from an extension page, as the options page does. It first waits
 * for the background's first-run defaults, so they cannot land after (and over) this list.
 */
export async function setEndpoints(page: PwPage | PpPage, list: EndpointConfig[]): Promise<void> {
  await (page as PwPage).evaluate(async (l) => {
    type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const local = (g.browser ?? g.chrome)!.storage.local;
    const deadline = Date.now() + 10_000;
    while ((await local.get('endpoints')).endpoints === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await local.set({ endpoints: l });
  }, list);
}
