import type { TypedStreamEvent } from '../model/typed';
import { merge, prependCapped } from './immutable';
import { field, id, str } from './json';
import { touch, type Traced } from './trace';

export const NOTIFICATION_CAP = 500;
export const ACTIVITY_CAP = 200;

export interface NotificationItem extends Traced {
  id: string;
  title?: string;
  message?: string;
  level?: string;
  /** The frame's ISO timestamp. */
  timestamp?: string;
  read: boolean;
}

/** One task_update, chat_message, system_announcement or plugin `*_update` frame. */
export interface Activity {
  seq: number;
  type: string;
  action?: string;
  /** Chat content or announcement text. */
  text?: string;
  timestamp?: string;
  data?: unknown;
}

export interface NotificationUser extends Traced {
  id: string;
  /** Timestamp of the latest connection_ack. */
  ackAt?: string;
}

export interface NotificationsState {
  family: 'notifications';
  user?: NotificationUser;
  /** Newest first. */
  items: readonly NotificationItem[];
  /** Newest first. */
  activity: readonly Activity[];
}

export const emptyNotifications = (): NotificationsState => ({ family: 'notifications', items: [], activity: [] });

/** A repeated id updates the notification where it is and keeps its read flag. */
function notification(s: NotificationsState, frame: unknown, ev: TypedStreamEvent): NotificationsState {
  const data = field(frame, 'data');
  const itemId = id(field(data, 'id'));
  if (itemId === undefined) return s;
  const i = s.items.findIndex((n) => n.id === itemId);
  const prev = i < 0 ? undefined : s.items[i];
  const item = touch(prev, ev, (n) =>
    merge(n ?? { id: itemId, read: false }, {
      title: str(field(data, 'title')),
      message: str(field(data, 'message')),
      level: str(field(data, 'level')),
      timestamp: str(field(frame, 'timestamp')),
    }),
  );
  if (item === prev) return s;
  return { ...s, items: prev ? s.items.map((n, k) => (k === i ? item : n)) : prependCapped(s.items, item, NOTIFICATION_CAP) };
}

function connectionAck(s: NotificationsState, frame: unknown, ev: TypedStreamEvent): NotificationsState {
  const userId = id(field(field(frame, 'data'), 'user_id'));
  if (userId === undefined) return s;
  // Another user id on the same socket is another user: nothing of the previous one carries over.
  const prev = s.user?.id === userId ? s.user : undefined;
  const user = touch(prev, ev, () => ({ id: userId, ackAt: str(field(frame, 'timestamp')) }));
  return user === s.user ? s : { ...s, user };
}

const isActivity = (type: string): boolean => type === 'chat_message' || type === 'system_announcement' || type.endsWith('_update');

function activity(s: NotificationsState, type: string, frame: unknown, ev: TypedStreamEvent): NotificationsState {
  const data = field(frame, 'data');
  const entry: Activity = {
    seq: ev.seq,
    type,
    action: str(field(frame, 'action')) ?? str(field(data, 'action')),
    text: type === 'chat_message' ? str(field(data, 'content')) : (str(field(frame, 'message')) ?? str(field(data, 'message'))),
    timestamp: str(field(frame, 'timestamp')),
    data,
  };
  return { ...s, activity: prependCapped(s.activity, entry, ACTIVITY_CAP) };
}

export function reduceNotifications(s: NotificationsState, ev: TypedStreamEvent): NotificationsState {
  if (ev.dir !== 'in') return s;
  const { type, payload } = ev.typed;
  if (type === 'notification') return notification(s, payload, ev);
  if (type === 'connection_ack') return connectionAck(s, payload, ev);
  return isActivity(type) ? activity(s, type, payload, ev) : s;
}

export function markRead(s: NotificationsState, notificationId: string): NotificationsState {
  const i = s.items.findIndex((n) => n.id === notificationId && !n.read);
  return i < 0 ? s : { ...s, items: s.items.map((n, k) => (k === i ? { ...n, read: true } : n)) };
}

export function markAllRead(s: NotificationsState): NotificationsState {
  return s.items.some((n) => !n.read) ? { ...s, items: s.items.map((n) => (n.read ? n : { ...n, read: true })) } : s;
}

export const unreadCount = (s: NotificationsState): number => s.items.reduce((k, n) => (n.read ? k : k + 1), 0);
