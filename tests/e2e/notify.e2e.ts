import { expect } from '@playwright/test';
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
const ALERT_EVERY_SEC = 5;

/** Reads `read` once a second until two reads agree, and returns that value. */
async function settled(read: () => Promise<number>): Promise<number> {
  let last = -1;
  return poll(
    async () => {
      await new Promise((r) => setTimeout(r, 1000));
      const n = await read();
      const same = n === last;
      last = n;
      return same ? n : -1;
    },
    (n) => n >= 0,
    'the unread count to settle',
  );
}

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

scenario('notifications raise the badge, fill the popup, alert coalesced; DND silences; reading lowers the badge', async (ext) => {
  const { server, endpoints } = await startDemo();
  try {
    const popup = await ext.open('popup.html', { width: 380, height: 600 });
    await setSettings(popup.raw, { alertEverySec: ALERT_EVERY_SEC }); // a short alert window keeps the test short
    await setEndpoints(popup.raw, fast(endpoints));
    await popup.reload();
    const unread = async () => Number((await popup.text(tid('unread-count'))) ?? '0');
    await poll(unread, (n) => n >= 4, 'four unread notifications');
    const { badge, alerts } = await poll(() => badgeAndAlerts(popup.raw), (v) => v.alerts.length > 0, 'a desktop alert');
    expect(Number(badge)).toBeGreaterThanOrEqual(4);
    // A burst is coalesced: one desktop alert for the endpoint, not one per event.
    expect(alerts.length).toBe(1);
    expect(await popup.count(tid('notification-row'))).toBeGreaterThan(0);

    // Do not disturb: rows keep coming, desktop alerts do not.
    await popup.check(tid('dnd-toggle'));
    await poll(() => popup.attr(tid('dnd-toggle'), 'aria-checked'), (v) => v === 'true', 'do-not-disturb on');
    await clearAlerts(popup.raw);
    const before = await unread();
    // Notifications keep arriving until a whole alert window has passed since DND went on,
    // so an alert would have been due by then.
    const dndOn = Date.now();
    let atWindowEnd = Infinity;
    await poll(
      async () => {
        const n = await unread();
        if (Date.now() - dndOn > (ALERT_EVERY_SEC + 1) * 1000 && atWindowEnd === Infinity) atWindowEnd = n;
        return n;
      },
      (n) => n >= before + 3 && n > atWindowEnd,
      'more notifications while DND is on, after a whole alert window',
    );
    expect((await badgeAndAlerts(popup.raw)).alerts).toEqual([]);
    await popup.check(tid('dnd-toggle'), false);

    // Reading lowers the count and the badge.
    await setEndpoints(popup.raw, []); // stop new notifications, then let the last ones land
    const n0 = await settled(unread);
    await popup.click('[data-testid="notification-row"][data-read="false"] .row-main'); // the row's "Mark read" button
    await poll(unread, (n) => n === n0 - 1, 'one fewer unread');
    await poll(async () => (await badgeAndAlerts(popup.raw)).badge, (b) => b === String(n0 - 1), 'the badge to follow');
    await popup.click(tid('mark-all-read'));
    await poll(unread, (n) => n === 0, 'all read');
    await poll(async () => (await badgeAndAlerts(popup.raw)).badge, (b) => b === '', 'an empty badge');
  } finally {
    await server.close();
  }
});
