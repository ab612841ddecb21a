import type { DB, NotificationRow } from '../store/schema';

/** `kv` keys: the maintained unread counter and the do-not-disturb switch. */
const UNREAD_KEY = 'unread';
const DND_KEY = 'dnd';

/** Older rows are dropped beyond this, so a catch-all rule cannot fill the disk. */
export const MAX_NOTIFICATIONS = 10_000;

const count = (v: unknown): number => (typeof v === 'number' && v > 0 ? v : 0);

/**
 * Stores new notifications in one transaction, bumps the unread counter and trims the oldest
 * rows. Every change to rows and counter shares a transaction, so background and popup
 * writing at once cannot make them disagree. Returns the new keys and unread count.
 */
export async function addNotifications(
  db: DB,
  rows: readonly NotificationRow[],
  max = MAX_NOTIFICATIONS,
): Promise<{ keys: number[]; unread: number }> {
  const tx = db.transaction(['notifications', 'kv'], 'readwrite');
  const store = tx.objectStore('notifications');
  const kv = tx.objectStore('kv');
  const keys = await Promise.all(rows.map((r) => store.add(r)));
  let unread = count(await kv.get(UNREAD_KEY)) + rows.length;
  const newest = keys[keys.length - 1];
  if (newest !== undefined && newest > max) {
    let cursor = await store.openCursor(IDBKeyRange.upperBound(newest - max));
    while (cursor) {
      if (!cursor.value.read) unread -= 1;
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await kv.put(Math.max(0, unread), UNREAD_KEY);
  await tx.done;
  return { keys, unread: Math.max(0, unread) };
}

/** The newest rows, newest first: a cursor from the top, so the cost does not grow with the store. */
export async function recentNotifications(db: DB, limit = 50): Promise<NotificationRow[]> {
  const out: NotificationRow[] = [];
  let cursor = await db.transaction('notifications').store.openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function unreadCount(db: DB): Promise<number> {
  return count(await db.get('kv', UNREAD_KEY));
}

/** Marks one row read; returns the unread count. */
export async function markRead(db: DB, key: number): Promise<number> {
  const tx = db.transaction(['notifications', 'kv'], 'readwrite');
  const store = tx.objectStore('notifications');
  const kv = tx.objectStore('kv');
  const row = await store.get(key);
  let unread = count(await kv.get(UNREAD_KEY));
  if (row && !row.read) {
    await store.put({ ...row, read: true });
    unread = Math.max(0, unread - 1);
    await kv.put(unread, UNREAD_KEY);
  }
  await tx.done;
  return unread;
}

/** Walks from the newest row and stops once the counter's worth of unread rows is marked. */
export async function markAllRead(db: DB): Promise<void> {
  const tx = db.transaction(['notifications', 'kv'], 'readwrite');
  const kv = tx.objectStore('kv');
  let remaining = count(await kv.get(UNREAD_KEY));
  let cursor = await tx.objectStore('notifications').openCursor(null, 'prev');
  while (cursor && remaining > 0) {
    if (!cursor.value.read) {
      await cursor.update({ ...cursor.value, read: true });
      remaining -= 1;
    }
    cursor = await cursor.continue();
  }
  await kv.put(0, UNREAD_KEY);
  await tx.done;
}

export async function clearNotifications(db: DB): Promise<void> {
  const tx = db.transaction(['notifications', 'kv'], 'readwrite');
  await tx.objectStore('notifications').clear();
  await tx.objectStore('kv').put(0, UNREAD_KEY);
  await tx.done;
}

export async function getDnd(db: DB): Promise<boolean> {
  return (await db.get('kv', DND_KEY)) === true;
}

export async function setDnd(db: DB, on: boolean): Promise<void> {
  await db.put('kv', on, DND_KEY);
}
