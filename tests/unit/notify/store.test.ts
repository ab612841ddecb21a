import { beforeEach, describe, expect, it } from 'vitest';
import {
  addNotifications,
  clearNotifications,
  getDnd,
  markAllRead,
  markRead,
  recentNotifications,
  setDnd,
  unreadCount,
} from '../../../lib/notify/store';
import { openStore, type DB, type NotificationRow } from '../../../lib/store/schema';

const row = (seq: number): NotificationRow => ({
  endpointId: 'ep',
  seq,
  time: seq * 1000,
  type: 'notification',
  title: `T${seq}`,
  message: '',
  read: false,
});

let db: DB;
let n = 0;
beforeEach(async () => {
  db = await openStore(`notify-store-${n++}`);
});

describe('notification store', () => {
  it('stores rows and keeps the unread counter', async () => {
    const { keys, unread } = await addNotifications(db, [row(1), row(2), row(3)]);
    expect(keys).toHaveLength(3);
    expect(unread).toBe(3);
    expect(await unreadCount(db)).toBe(3);
    expect((await recentNotifications(db, 2)).map((r) => r.seq)).toEqual([3, 2]);
  });

  it('marks one row read once', async () => {
    const { keys } = await addNotifications(db, [row(1), row(2)]);
    expect(await markRead(db, keys[0]!)).toBe(1);
    expect(await markRead(db, keys[0]!)).toBe(1);
    expect(await markRead(db, 999)).toBe(1);
    expect((await recentNotifications(db)).map((r) => r.read)).toEqual([false, true]);
  });

  it('marks all read and clears', async () => {
    await addNotifications(db, [row(1), row(2), row(3)]);
    await markAllRead(db);
    expect(await unreadCount(db)).toBe(0);
    expect((await recentNotifications(db)).every((r) => r.read)).toBe(true);
    await addNotifications(db, [row(4)]);
    await clearNotifications(db);
    expect(await unreadCount(db)).toBe(0);
    expect(await recentNotifications(db)).toEqual([]);
  });

  it('drops the oldest rows beyond the cap and uncounts the unread ones among them', async () => {
    const { keys } = await addNotifications(db, [row(1), row(2), row(3)], 5);
    await markRead(db, keys[1]!);
    const after = await addNotifications(db, [row(4), row(5), row(6), row(7)], 5);
    expect((await recentNotifications(db)).map((r) => r.seq)).toEqual([7, 6, 5, 4, 3]);
    expect(after.unread).toBe(5);
    expect(await unreadCount(db)).toBe(5);
  });

  it('remembers do-not-disturb', async () => {
    expect(await getDnd(db)).toBe(false);
    await setDnd(db, true);
    expect(await getDnd(db)).toBe(true);
  });
});
