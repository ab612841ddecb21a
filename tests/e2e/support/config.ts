import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { EndpointConfig } from '../../../lib/config/endpoint';

/** Writes the endpoint list from an extension page, as the options page does. */
export async function setEndpoints(page: PwPage | PpPage, list: EndpointConfig[]): Promise<void> {
  await (page as PwPage).evaluate(async (l) => {
    type Api = { storage: { local: { set(items: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    await (g.browser ?? g.chrome)!.storage.local.set({ endpoints: l });
  }, list);
}
