import { describe, expect, it } from 'vitest';
import { detectFamily } from '../../../lib/protocols';
import { callList, latency, topicList } from '../../../lib/state/exchange';
import { fold, frames } from './exchange-frames';

const v2 = (...m: unknown[]) => JSON.stringify(m);

describe('Phoenix Channels', () => {
  const events = frames('phoenix', [
    ['out', v2('1', '1', 'room:lobby', 'phx_join', { token: 't' })],
    ['in', v2('1', '1', 'room:lobby', 'phx_reply', { status: 'ok', response: {} })],
    ['in', v2('1', null, 'room:lobby', 'new_msg', { user: 'ana', body: 'hello' })],
    ['out', v2('1', '2', 'room:lobby', 'new_msg', { body: 'hi all' })],
    ['in', v2('1', '2', 'room:lobby', 'phx_reply', { status: 'ok', response: { id: 81 } })],
    ['out', v2(null, '3', 'phoenix', 'heartbeat', {})],
    ['in', v2(null, '3', 'phoenix', 'phx_reply', { status: 'ok', response: {} })],
    // Version 1: one object per message.
    ['out', JSON.stringify({ topic: 'orders:42', event: 'phx_join', payload: {}, ref: '4', join_ref: '4' })],
    ['in', JSON.stringify({ topic: 'orders:42', event: 'phx_reply', payload: { status: 'error', response: { reason: 'unauthorized' } }, ref: '4', join_ref: '4' })],
    ['in', v2('1', null, 'room:lobby', 'new_msg', { user: 'bo', body: 'hey' })],
    ['in', v2('1', '1', 'room:lobby', 'phx_error', {})],
  ]);

  it('types both serializers by event, with the topic in the summary', () => {
    expect(events.map((e) => e.typed.type)).toEqual([
      'phx_join', 'phx_reply', 'new_msg', 'new_msg', 'phx_reply', 'heartbeat', 'phx_reply', 'phx_join', 'phx_reply', 'new_msg', 'phx_error',
    ]);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    expect(events[0]?.typed.summary).toBe('phx_join  room:lobby join #1');
    expect(events[2]?.typed.summary).toBe('new_msg  room:lobby {user: "ana", body: "hello"}');
    expect(events[4]?.typed.summary).toBe('phx_reply  room:lobby #2 ok {id: 81}');
    expect(events[8]?.typed.category).toBe('error');
    expect(events[10]?.typed.category).toBe('error');
  });

  it('keeps topics joined, events by name with counts, and replies paired by ref', () => {
    const s = fold('phoenix', events);
    expect(s.info).toEqual({ 'topic room:lobby': 'crashed', 'topic orders:42': 'refused' });
    expect(topicList(s).map((t) => [t.group, t.name, t.count, t.last])).toEqual([['room:lobby', 'new_msg', 3, { user: 'bo', body: 'hey' }]]);
    const calls = Object.fromEntries(callList(s).map((c) => [c.id, c]));
    expect(calls['1']).toMatchObject({ name: 'join room:lobby', status: 'ok' });
    expect(calls['2']).toMatchObject({ name: 'new_msg', status: 'ok', result: { id: 81 } });
    expect(latency(calls['2']!)).toBe(50);
    expect(calls['4']).toMatchObject({ name: 'join orders:42', status: 'error' });
    // Heartbeats are not listed.
    expect(calls['3']).toBeUndefined();
    expect(s.errors.map((e) => e.message)).toEqual(['room:lobby: channel crashed']);
  });

  it('is detected from its first frames', () => {
    expect(detectFamily(events)?.family).toBe('phoenix');
  });

  it('reads frames in neither shape as flagged plain JSON', () => {
    const [odd, cut] = frames('phoenix', [
      ['in', '[1, 2, "room:lobby", "x", {}]'],
      ['in', '["1", null, "room:lobby", "new_msg", '],
    ]);
    expect(odd?.typed.issues.length).toBeGreaterThan(0);
    expect(cut?.typed.known).toBe(true);
    expect(cut?.typed.issues[0]?.message).toMatch(/not valid JSON/);
    expect(topicList(fold('phoenix', [odd!, cut!]))).toEqual([]);
  });
});
