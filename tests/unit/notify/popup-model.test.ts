import { describe, expect, it } from 'vitest';
import type { EndpointStatus, PageMessage } from '../../../lib/messaging/protocol';
import { needsReconnect, PopupModel } from '../../../lib/notify/popup-model';
import { addNotifications, getDnd, unreadCount } from '../../../lib/notify/store';
import { openStore, type NotificationRow } from '../../../lib/store/schema';
import { endpointStatus } from '../diagnostics/fixtures';

const row = (seq: number): NotificationRow => ({ endpointId: 'ep', seq, time: seq, type: 't', title: `T${seq}`, message: '', read: false });
const status = (state: EndpointStatus['state']): EndpointStatus => endpointStatus('ep', { state });

async function setup(name: string) {
  const db = await openStore(name);
  const badge = { text: '' };
  const sent: PageMessage[] = [];
  const api = { setBadgeText: (d: { text: string }) => void (badge.text = d.text), setBadgeBackgroundColor: () => undefined };
  const model = new PopupModel({ db, badge: { action: api }, send: (m) => sent.push(m) });
  return { db, badge, sent, model };
}

describe('PopupModel', () => {
  it('loads the newest rows and the counter, and updates both with the badge', async () => {
    const { db, badge, model } = await setup('popup-1');
    const { keys } = await addNotifications(db, [row(1), row(2), row(3)]);
    await model.load();
    expect(model.rows.value.map((r) => r.seq)).toEqual([3, 2, 1]);
    expect(model.unread.value).toBe(3);
    await model.markRead(keys[2]!);
    expect(model.unread.value).toBe(2);
    expect(badge.text).toBe('2');
    expect(model.rows.value[0]?.read).toBe(true);
    await model.markAllRead();
    expect(badge.text).toBe('');
    await model.clear();
    expect(model.rows.value).toEqual([]);
    expect(await unreadCount(db)).toBe(0);
  });

  it('keeps do-not-disturb, status and endpoint names', async () => {
    const { db, sent, model } = await setup('popup-2');
    await model.setDnd(true);
    expect(await getDnd(db)).toBe(true);
    model.receive({ type: 'status', status: [status('given_up')], online: false });
    expect(model.online.value).toBe(false);
    expect(model.status.value[0]?.state).toBe('given_up');
    model.reconnect('ep');
    expect(sent).toEqual([{ type: 'reconnect', endpointId: 'ep' }]);
    expect(model.endpointName('unknown-id')).toBe('unknown-id');
  });

  it('offers Reconnect only where it helps', () => {
    expect(needsReconnect(status('backoff'))).toBe(true);
    expect(needsReconnect(status('given_up'))).toBe(true);
    expect(needsReconnect(status('open'))).toBe(false);
    expect(needsReconnect(status('paused'))).toBe(false);
  });
});
