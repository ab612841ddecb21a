import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { detectFamily } from '../../../lib/protocols';
import { callList, topicList } from '../../../lib/state/exchange';
import { fold, frames } from './exchange-frames';

const CHAT = JSON.stringify({ channel: 'ChatChannel', room: 'lobby' });
const ADMIN = JSON.stringify({ channel: 'AdminChannel' });
const j = (v: unknown) => JSON.stringify(v);

describe('Action Cable', () => {
  const events = frames('actioncable', [
    ['in', j({ type: 'welcome' })],
    ['out', j({ command: 'subscribe', identifier: CHAT })],
    ['in', j({ type: 'confirm_subscription', identifier: CHAT })],
    ['in', j({ type: 'ping', message: 1_714_557_600 })],
    ['in', j({ identifier: CHAT, message: { type: 'new_message', user: 'ana', body: 'hello' } })],
    ['out', j({ command: 'message', identifier: CHAT, data: j({ action: 'speak', body: 'hi' }) })],
    ['in', j({ identifier: CHAT, message: { type: 'new_message', user: 'bo', body: 'hey' } })],
    ['out', j({ command: 'subscribe', identifier: ADMIN })],
    ['in', j({ type: 'reject_subscription', identifier: ADMIN })],
    ['in', j({ type: 'disconnect', reason: 'unauthorized', reconnect: false })],
  ]);

  it('types server messages and client commands, naming the channel', () => {
    expect(events.map((e) => e.typed.type)).toEqual([
      'welcome', 'subscribe', 'confirm_subscription', 'ping', 'message', 'perform', 'message', 'subscribe', 'reject_subscription', 'disconnect',
    ]);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    expect(events[2]?.typed.summary).toBe('confirm_subscription  ChatChannel room=lobby subscribed');
    expect(events[3]?.typed.summary).toBe('ping  2024-05-01T10:00:00.000Z');
    expect(events[4]?.typed.summary).toBe('message  ChatChannel room=lobby {type: "new_message", user: "ana", body: "hello"}');
    expect(events[5]?.typed.summary).toBe('perform  ChatChannel room=lobby speak {body: "hi"}');
    expect(events[8]?.typed.category).toBe('error');
    expect(events[9]?.typed.category).toBe('error');
  });

  it('keeps channels with their subscription state and messages by name', () => {
    const s = fold('actioncable', events);
    expect(s.info).toEqual({
      connection: 'disconnected: unauthorized',
      'channel ChatChannel room=lobby': 'subscribed',
      'channel AdminChannel': 'rejected',
    });
    expect(topicList(s).map((t) => [t.group, t.name, t.count, t.last])).toEqual([
      ['ChatChannel room=lobby', 'new_message', 2, { type: 'new_message', user: 'bo', body: 'hey' }],
      ['ChatChannel room=lobby', 'perform speak', 1, { body: 'hi' }],
    ]);
    expect(callList(s).map((c) => [c.id, c.status])).toEqual([['AdminChannel', 'error'], ['ChatChannel room=lobby', 'ok']]);
    expect(s.errors.map((e) => e.message)).toEqual(['AdminChannel: subscription rejected', 'disconnected: unauthorized']);
  });

  it('is detected from the subprotocol, or from the first frames', () => {
    const connected: StreamEvent = { endpointId: 'x', seq: 0, time: 0, dir: 'sys', transport: 'ws', name: 'connected', data: '{"protocol":"actioncable-v1-json"}', size: 0 };
    expect(detectFamily([connected])?.family).toBe('actioncable');
    expect(detectFamily(events)?.family).toBe('actioncable');
  });

  it('flags malformed messages and folds nothing from them', () => {
    const bad = frames('actioncable', [
      ['in', j({ identifier: 5, message: {} })],
      ['in', j({ type: 'confirm_subscription' })],
      ['out', j({ command: 'message', identifier: CHAT, data: 'not json' })],
      ['in', '{"type":'],
    ]);
    expect(bad[0]?.typed.issues.map((i) => i.path)).toContain('identifier');
    expect(bad[1]?.typed.issues.map((i) => i.path)).toContain('identifier');
    expect(bad[2]?.typed.issues).toEqual([]);
    expect(bad[3]?.typed.issues[0]?.message).toMatch(/not valid JSON/);
    const s = fold('actioncable', bad);
    expect(callList(s)).toEqual([]);
    // A perform whose data is not JSON still counts, under an unknown action.
    expect(topicList(s).map((t) => t.name)).toEqual(['perform ?']);
  });
});
