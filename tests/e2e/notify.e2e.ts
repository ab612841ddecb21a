import { expect, test } from '@playwright/test';
import { launchChromium } from '../../scripts/launch/chromium';
import { launchFirefox } from '../../scripts/launch/firefox';
import { DEMO_PATHS } from '../../lib/config/demo-endpoints';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { scenario, tid } from './support/both';
import { setEndpoints, setSettings } from './support/config';
import { poll } from './support/poll';
import { startDemo } from './support/demo';
import { badgeAndAlerts, clearAlerts } from './support/ext-api';
import { waitForStored } from './support/store';

const NOTES = 'demo-notifications';
const fast = (endpoints: EndpointConfig[]) =>
  endpoints.filter((e) => e.id === NOTES).map((e) => ({ ...e, url: `${e.url}?rate=40` })); // the demo notifies about once a minute at rate 1

scenario('options form rejects a bad URL, saves a good one and it connects', async (ext) => {
  const { server } = await startDemo();
  try {
    const options = await ext.open('options.html');
    await setEndpoints(options.raw, []);
    await options.reload();
    await options.click(tid('add-endpoint'));
    await options.fill(tid('field-name'), 'My plans');
    await options.fill(tid('field-url'), 'ftp://127.0.0.1/nope');
    await options.click(tid('save-endpoint'));
    await poll(() => options.text(tid('error-url')), (t) => /http|ws/.test(t ?? ''), 'the URL error');
    expect(await options.count(tid('endpoint-row'))).toBe(0);
    await options.fill(tid('field-url'), `http://127.0.0.1:${server.port}${DEMO_PATHS.plans}`);
    await options.click(tid('save-endpoint'));
    await poll(() => options.count(tid('endpoint-row')), (n) => n === 1, 'the saved endpoint');
    const id = (await options.attr(tid('endpoint-row'), 'data-endpoint-id'))!;
    const rows = await waitForStored(options.raw, id, (r) => r.filter((x) => x.dir === 'in').length >= 3, 'events from the new endpoint');
    expect(rows.some((r) => r.name === 'plan.created')).toBe(true);
  } finally {
    await server.close();
  }
});

test('[chromium] notifications raise the badge, fill the popup, alert coalesced; DND silences; reading lowers the badge', async () => {
  const { server, endpoints } = await startDemo();
  const ext = await launchChromium();
  try {
    const popup = await ext.open('popup.html');
    await setSettings(popup, { alertEverySec: 5 }); // a short alert window keeps the test short
    await setEndpoints(popup, fast(endpoints));
    await popup.reload();
    const unread = async () => Number((await popup.getByTestId('unread-count').textContent()) ?? '0');
    await poll(unread, (n) => n >= 4, 'four unread notifications');
    const { badge, alerts } = await badgeAndAlerts(popup);
    expect(Number(badge)).toBeGreaterThanOrEqual(4);
    // A burst is coalesced: one desktop alert for the endpoint, not one per event.
    expect(alerts.length).toBe(1);
    await expect(popup.getByTestId('notification-row').first()).toBeVisible();

    // Do not disturb: rows keep coming, desktop alerts do not.
    await popup.getByTestId('dnd-toggle').check();
    await clearAlerts(popup);
    const before = await unread();
    await poll(unread, (n) => n >= before + 3, 'more notifications while DND is on');
    await new Promise((r) => setTimeout(r, 6000)); // longer than the coalescing window
    expect((await badgeAndAlerts(popup)).alerts).toEqual([]);
    await popup.getByTestId('dnd-toggle').uncheck();

    // Reading lowers the count and the badge.
    await setEndpoints(popup, []); // stop new notifications, then let the last ones land
    let last = -1;
    const n0 = await poll(
      async () => {
        await new Promise((r) => setTimeout(r, 1000));
        const n = await unread();
        const settled = n === last;
        last = n;
        return settled ? n : -1;
      },
      (n) => n >= 0,
      'the unread count to settle',
    );
    await popup.locator('[data-testid="notification-row"][data-read="false"]').first().click();
    await poll(unread, (n) => n === n0 - 1, 'one fewer unread');
    await poll(async () => (await badgeAndAlerts(popup)).badge, (b) => b === String(n0 - 1), 'the badge to follow');
    await popup.getByTestId('mark-all-read').click();
    await poll(unread, (n) => n === 0, 'all read');
    await poll(async () => (await badgeAndAlerts(popup)).badge, (b) => b === '', 'an empty badge');
  } finally {
    await ext.close();
    await server.close();
  }
});

test('[firefox] notifications fill the popup, the badge and desktop alerts', async () => {
  const { server, endpoints } = await startDemo();
  const ext = await launchFirefox();
  try {
    const setup = await ext.open('options.html');
    await setEndpoints(setup, fast(endpoints));
    const popup = await ext.open('popup.html');
    const count = async () => Number(await popup.$eval('[data-testid="unread-count"]', (e) => e.textContent ?? '0').catch(() => '0'));
    await poll(count, (n) => n >= 3, 'three unread notifications');
    expect(await popup.$$eval('[data-testid="notification-row"]', (rs) => rs.length)).toBeGreaterThanOrEqual(3);
    const { badge, alerts } = await poll(() => badgeAndAlerts(popup), (v) => v.alerts.length > 0, 'a desktop alert');
    expect(Number(badge)).toBeGreaterThanOrEqual(3);
    expect(alerts.length).toBe(1);
  } finally {
    await ext.close();
    await server.close();
  }
});
