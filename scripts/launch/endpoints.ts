import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { EndpointConfig } from '../../lib/config/endpoint';

/**
 * Writes the endpoint list from an extension page (either driver), as the options page does.
 * It first waits for the background to decide the first run (it writes an empty list), so
 * that write cannot land after, and over, this one. With `onlyIfEmpty` a list the user
 * already has is kept: `npm start` adds the demo to a fresh profile, never over your own.
 */
export async function writeEndpoints(page: PwPage | PpPage, list: EndpointConfig[], opts: { onlyIfEmpty?: boolean } = {}): Promise<void> {
  await (page as PwPage).evaluate(
    async ({ l, onlyIfEmpty }) => {
      type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const local = (g.browser ?? g.chrome)!.storage.local;
      const deadline = Date.now() + 10_000;
      let now: unknown;
      while ((now = (await local.get('endpoints')).endpoints) === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (onlyIfEmpty && Array.isArray(now) && now.length > 0) return;
      await local.set({ endpoints: l });
    },
    { l: list, onlyIfEmpty: opts.onlyIfEmpty ?? false },
  );
}
