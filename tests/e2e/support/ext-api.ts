import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

/** The extension's badge text and desktop notifications, read from one of its pages. */
export function badgeAndAlerts(page: PwPage | PpPage): Promise<{ badge: string; alerts: string[] }> {
  return (page as PwPage).evaluate(async () => {
    type Api = {
      action?: { getBadgeText(d: object): Promise<string> };
      browserAction?: { getBadgeText(d: object): Promise<string> };
      notifications: { getAll(): Promise<Record<string, unknown>> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const badge = await (api.action ?? api.browserAction)!.getBadgeText({});
    return { badge, alerts: Object.keys(await api.notifications.getAll()) };
  });
}

/** Closes every desktop notification of the extension. */
export function clearAlerts(page: PwPage | PpPage): Promise<void> {
  return (page as PwPage).evaluate(async () => {
    type Api = { notifications: { getAll(): Promise<Record<string, unknown>>; clear(id: string): Promise<boolean> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    for (const id of Object.keys(await api.notifications.getAll())) await api.notifications.clear(id);
  });
}
