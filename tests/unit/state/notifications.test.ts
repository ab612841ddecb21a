import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_CAP,
  emptyNotifications,
  markAllRead,
  markRead,
  reduceNotifications,
  unreadCount,
  type NotificationsState,
} from '../../../lib/state/notifications';
import { endpoint, type Emit } from './events';

const at = '2024-05-01T10:00:00Z';
const frame = (type: string, rest: Record<string, unknown>) => ({ type, ...rest, timestamp: at });
const note = (id: string, title = `N ${id}`) => frame('notification', { data: { id, title, message: 'm', level: 'info' } });

const fold = (emit: Emit, frames: { type: string }[], s: NotificationsState = emptyNotifications()) =>
  frames.reduce((acc, f) => reduceNotifications(acc, emit(f.type, f)), s);

describe('notifications reducer', () => {
  it('lists notifications newest first, unread', () => {
    const s = fold(endpoint('nt', 'notifications', 'ws'), [note('n1'), note('n2')]);
    expect(s.items.map((n) => [n.id, n.read])).toEqual([['n2', false], ['n1', false]]);
    expect(s.items[0]).toMatchObject({ title: 'N n2', message: 'm', level: 'info', timestamp: at, trace: { seqs: [2] } });
    expect(unreadCount(s)).toBe(2);
  });

  it('marks one or all as read, as separate pure functions', () => {
    const s = fold(endpoint('nt', 'notifications', 'ws'), [note('n1'), note('n2'), note('n3')]);
    const one = markRead(s, 'n2');
    expect(one.items.map((n) => n.read)).toEqual([false, true, false]);
    expect(one.items[0]).toBe(s.items[0]);
    expect(s.items[1]?.read).toBe(false);
    expect(markRead(one, 'n2')).toBe(one);
    expect(markRead(one, 'missing')).toBe(one);
    const all = markAllRead(one);
    expect(unreadCount(all)).toBe(0);
    expect(markAllRead(all)).toBe(all);
  });

  it('updates a repeated notification in place, keeping it read', () => {
    const emit = endpoint('nt', 'notifications', 'ws');
    const s = markRead(fold(emit, [note('n1'), note('n2')]), 'n1');
    expect(fold(emit, [note('n1')], s)).toBe(s);
    const updated = fold(emit, [note('n1', 'New title')], s);
    expect(updated.items.map((n) => [n.id, n.title, n.read])).toEqual([['n2', 'N n2', false], ['n1', 'New title', true]]);
  });

  it('records the user of connection_ack', () => {
    const s = fold(endpoint('nt', 'notifications', 'ws'), [frame('connection_ack', { data: { user_id: 'u1' } })]);
    expect(s.user).toMatchObject({ id: 'u1', ackAt: at, trace: { seqs: [1] } });
  });

  it('keeps task updates, chat, announcements and plugin updates as recent activity', () => {
    const s = fold(endpoint('nt', 'notifications', 'ws'), [
      frame('task_update', { action: 'created', data: { task_id: 't1', action: 'created' } }),
      frame('chat_message', { data: { content: 'Hi', agent: 'bot' } }),
      frame('system_announcement', { message: 'Maintenance' }),
      frame('report_update', { action: 'generated', data: { report_id: 'r1' } }),
      frame('pong', {}),
    ]);
    expect(s.activity.map((a) => [a.seq, a.type, a.action, a.text])).toEqual([
      [4, 'report_update', 'generated', undefined],
      [3, 'system_announcement', undefined, 'Maintenance'],
      [2, 'chat_message', undefined, 'Hi'],
      [1, 'task_update', 'created', undefined],
    ]);
    expect(s.activity[3]?.data).toEqual({ task_id: 't1', action: 'created' });
  });

  it('caps the activity list', () => {
    const emit = endpoint('nt', 'notifications', 'ws');
    let s = emptyNotifications();
    for (let i = 0; i < ACTIVITY_CAP + 5; i++) s = reduceNotifications(s, emit('chat_message', frame('chat_message', { data: { content: `${i}` } })));
    expect(s.activity).toHaveLength(ACTIVITY_CAP);
    expect(s.activity[0]?.text).toBe(`${ACTIVITY_CAP + 4}`);
  });

  it('skips notifications without an id, marks invalid ones and never throws', () => {
    const emit = endpoint('nt', 'notifications', 'ws');
    let s = fold(emit, [frame('notification', { data: { title: 'no id' } })]);
    expect(s.items).toEqual([]);
    s = reduceNotifications(s, emit('notification', frame('notification', { data: { id: 'n1', title: 9 } }), { invalid: true }));
    expect(s.items[0]).toMatchObject({ id: 'n1', read: false, trace: { invalidSeqs: [2] } });
    expect(s.items[0]?.title).toBeUndefined();
    for (const payload of [undefined, null, 1, 'x', [], { data: 'str' }, { data: { id: [] } }]) {
      for (const type of ['notification', 'connection_ack', 'task_update', 'chat_message', 'system_announcement', 'x_update', 'other']) {
        expect(() => reduceNotifications(s, emit(type, payload, { invalid: true }))).not.toThrow();
      }
    }
  });
});
