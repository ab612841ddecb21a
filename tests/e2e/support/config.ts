import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { EndpointConfig } from '../../../lib/config/endpoint';
import type { Settings } from '../../../lib/config/settings';
import { writeEndpoints } from '../../../scripts/launch/endpoints';

/** Replaces the endpoint list from an extension page, once the background's first run is done. */
export const setEndpoints = (page: PwPage | PpPage, list: EndpointConfig[]): Promise<void> => writeEndpoints(page, list);

/** Writes the extension-wide settings (lib/config/settings.ts) from an extension page. */
export async function setSettings(page: PwPage | PpPage, settings: Settings): Promise<void> {
  await (page as PwPage).evaluate(async (v) => {
    type Api = { storage: { local: { set(items: object): Promise<void> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    await (g.browser ?? g.chrome)!.storage.local.set({ settings: v });
  }, settings);
}
