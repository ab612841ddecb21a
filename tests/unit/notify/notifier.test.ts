import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notifier, type NotifierBrowser } from '../../../lib/background/notifier';
import { defaultRules } from '../../../lib/config/default-rules';
import { newEndpoint } from '../../../lib/config/endpoint';
import type { StreamEvent } from '../../../lib/model/event';
import { recentNotifications, setDnd, unreadCount } from '../../../lib/notify/store';
import { openStore, type DB } from '../../../lib/store/schema';

/** The notifications API is not in wxt's fake browser: a recording stand-in. */
function fakeBrowser(withAction = true) {
  const created: { id: string; title: string; message: string; iconUrl: string }[] = [];
  const cleared: string[] = [];
  const tabs: string[] = [];
  const badge = { text: '' };
  let click: (id: string) => void = () => undefined;
  const badgeApi = { setBadgeText: (d: { text: string }) => void (badge.text = d.text), setBadgeBackgroundColor: () => undefined };
  const api: NotifierBrowser = {
    ...(withAction ? { action: badgeApi } : { browserAction: badgeApi }),
    notifications: {
      create: async (id, o) => (created.push({ id, title: o.title, message: o.message, iconUrl: o.iconUrl }), id),
      clear: async (id) => (cleared.push(id), true),
      onClicked: { addListener: (cb) => void (click = cb) },
      onClosed: { addListener: () => undefined },
    },
    tabs: { create: async ({ url }) => tabs.push(url) },
    runtime: { getURL: (p) => `chrome-extension://abc${p}` },
  };
  return { api, created, cleared, tabs, badge, click: (id: string) => click(id) };
}

const cfg = newEndpoint({
  id: 'n1',
  name: 'Notifications (user-1)',
  url: 'ws://127.0.0.1:8787/ws/notifications/user-1',
  notify: [{ type: 'notification' }],
});

let seq = 0;
const ev = (type: string, title = 'Hello'): StreamEvent => {
  const data = JSON.stringify({ type, data: { id: 'x', title, message: 'body' } });
  return { endpointId: 'n1', seq: ++seq, time: Date.now(), dir: 'in', transport: 'ws', data, size: data.length };
};

let db: DB;
let n = 0;
beforeEach(async () => {
  db = await openStore(`notifier-${n++}`);
});

describe('Notifier', () => {
  it('stores matched events, mirrors the unread count and alerts once for a burst', async () => {
    const b = fakeBrowser();
    const notifier = new Notifier(b.api, async () => db, { windowMs: 300 });
    notifier.consider(ev('chat_message'), cfg);
    for (let i = 0; i < 5; i++) notifier.consider(ev('notification', `N${i}`), cfg);
    await vi.waitFor(() => expect(b.created).toHaveLength(1));
    expect(b.created[0]).toMatchObject({ title: 'N0', message: 'Notifications (user-1): body', iconUrl: '/icon/128.png' });
    expect(await unreadCount(db)).toBe(5);
    expect(b.badge.text).toBe('5');
    expect((await recentNotifications(db)).map((r) => r.title)).toEqual(['N4', 'N3', 'N2', 'N1', 'N0']);
    await vi.waitFor(() => expect(b.created).toHaveLength(2));
    expect(b.created[1]?.title).toBe('5 new notifications from Notifications (user-1)');
    expect(b.cleared).toEqual([b.created[0]?.id]);
  });

  it('keeps storing but shows nothing under do-not-disturb; Firefox badge through browserAction', async () => {
    await setDnd(db, true);
    const b = fakeBrowser(false);
    const notifier = new Notifier(b.api, async () => db, { windowMs: 50 });
    notifier.consider(ev('notification'), cfg);
    await vi.waitFor(() => expect(b.badge.text).toBe('1'));
    await new Promise((r) => setTimeout(r, 150));
    expect(b.created).toEqual([]);
  });

  it('opens the history page on the event when clicked, and marks it read', async () => {
    const b = fakeBrowser();
    const notifier = new Notifier(b.api, async () => db);
    const e = ev('notification');
    notifier.consider(e, cfg);
    await vi.waitFor(() => expect(b.created).toHaveLength(1));
    b.click(b.created[0]!.id);
    await vi.waitFor(() => expect(b.tabs).toHaveLength(1));
    expect(b.tabs[0]).toBe(`chrome-extension://abc/streams.html?focus=n1%23${e.seq}`);
    await vi.waitFor(() => expect(b.badge.text).toBe(''));
    expect(await unreadCount(db)).toBe(0);
    expect(b.cleared).toContain(b.created[0]!.id);
  });

  it('restores the badge from the stored counter on start', async () => {
    await db.put('kv', 7, 'unread');
    const b = fakeBrowser();
    new Notifier(b.api, async () => db);
    await vi.waitFor(() => expect(b.badge.text).toBe('7'));
  });

  it('fires the default rules of a framed protocol on an auto endpoint once it is detected', async () => {
    const b = fakeBrowser();
    const notifier = new Notifier(b.api, async () => db, { windowMs: 0 });
    const hub = newEndpoint({ id: 'h1', name: 'Chat hub', url: 'ws://127.0.0.1:8788/hubs/chat', profile: 'auto', notify: defaultRules('auto') });
    const rec = (r: unknown): StreamEvent => {
      const data = `${JSON.stringify(r)}\u001e`;
      return { endpointId: 'h1', seq: ++seq, time: Date.now(), dir: 'in', transport: 'ws', opcode: 1, data, size: data.length };
    };
    notifier.consider(rec({}), hub);
    notifier.consider(rec({ type: 1, target: 'ReceiveMessage', arguments: ['ana', 'hi'] }), hub);
    notifier.consider(rec({ type: 7, error: 'Server is shutting down' }), hub);
    await vi.waitFor(() => expect(b.created).toHaveLength(1));
    expect(b.created[0]?.message).toContain('Server is shutting down');
    expect((await recentNotifications(db)).map((r) => r.type)).toEqual(['close']);
  });
});
