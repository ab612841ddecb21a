import { describe, expect, it } from 'vitest';
import { detectFamily } from '../../../lib/protocols';
import { callList, latency, topicList } from '../../../lib/state/exchange';
import { fold, frames } from './exchange-frames';

const RS = '\u001e';
const recs = (...list: unknown[]): string => list.map((r) => JSON.stringify(r) + RS).join('');

describe('SignalR JSON hub protocol', () => {
  const events = frames('signalr', [
    ['out', recs({ protocol: 'json', version: 1 })],
    ['in', recs({})],
    // Several records in one frame: one row, every record folded.
    ['in', recs({ type: 1, target: 'ReceiveMessage', arguments: ['ana', 'hello'] }, { type: 1, target: 'ReceiveMessage', arguments: ['bo', 'hi'] }, { type: 6 })],
    ['out', recs({ type: 1, invocationId: '1', target: 'SendMessage', arguments: ['ana', 'hey'] })],
    ['in', recs({ type: 3, invocationId: '1', result: { delivered: 2 } })],
    ['out', recs({ type: 4, invocationId: '2', target: 'Counter', arguments: [3, 100] })],
    ['in', recs({ type: 2, invocationId: '2', item: 0 }, { type: 2, invocationId: '2', item: 1 })],
    ['out', recs({ type: 5, invocationId: '2' })],
    ['out', recs({ type: 1, invocationId: '3', target: 'JoinGroup', arguments: ['admins'] })],
    ['in', recs({ type: 3, invocationId: '3', error: 'Not allowed' })],
    ['in', recs({ type: 7, error: 'Server shutting down', allowReconnect: true })],
  ]);

  it('types every record with a summary that reads like the call', () => {
    expect(events.map((e) => e.typed.type)).toEqual([
      'handshake', 'handshake_response', 'invocation', 'invocation', 'completion', 'stream_invocation', 'stream_item', 'cancel_invocation', 'invocation', 'completion', 'close',
    ]);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    expect(events[0]?.typed.summary).toBe('handshake  json v1');
    expect(events[2]?.typed.summary).toBe('invocation  ReceiveMessage("ana", "hello") · invocation ReceiveMessage("bo", "hi") · ping keep-alive (3 in frame)');
    expect(events[2]?.typed.records?.map((r) => r.type)).toEqual(['invocation', 'invocation', 'ping']);
    expect(events[3]?.typed.summary).toBe('invocation  SendMessage("ana", "hey") #1');
    expect(events[4]?.typed.summary).toBe('completion  #1 → {delivered: 2}');
    expect(events[9]?.typed).toMatchObject({ category: 'error', summary: 'completion  #3 error: Not allowed' });
    expect(events[10]?.typed).toMatchObject({ category: 'error', summary: 'close  error: Server shutting down (may reconnect)' });
  });

  it('keeps hub methods with counts and latest arguments, and invocations with latency', () => {
    const s = fold('signalr', events);
    expect(s.info).toEqual({ protocol: 'json v1', handshake: 'accepted', connection: 'closed with an error (may reconnect)' });
    expect(topicList(s).map((t) => [t.group, t.name, t.count, t.last])).toEqual([
      ['server → client', 'ReceiveMessage', 2, ['bo', 'hi']],
      ['client → server', 'SendMessage', 1, ['ana', 'hey']],
      ['client → server', 'Counter', 1, [3, 100]],
      ['client → server', 'JoinGroup', 1, 'admins'],
    ]);
    const calls = Object.fromEntries(callList(s).map((c) => [c.id, c]));
    expect(calls['1']).toMatchObject({ name: 'SendMessage', status: 'ok', result: { delivered: 2 } });
    expect(latency(calls['1']!)).toBe(50);
    expect(calls['2']).toMatchObject({ name: 'Counter', status: 'cancelled', updates: 2, result: 1 });
    expect(calls['3']).toMatchObject({ name: 'JoinGroup', status: 'error', error: 'Not allowed' });
    expect(s.errors.map((e) => e.message)).toEqual(['Server shutting down']);
  });

  it('is detected from its first frames', () => {
    expect(detectFamily(events.filter((e) => e.dir === 'in').slice(0, 1).map((e) => ({ ...e, seq: 1 })))?.family).toBe('signalr');
    expect(detectFamily(events)?.family).toBe('signalr');
  });

  it('keeps a malformed record flagged at its index and folds the others', () => {
    const [bad] = frames('signalr', [['in', `${JSON.stringify({ type: 1, target: 'ReceiveMessage', arguments: ['ok'] })}${RS}{"type":1,"target":${RS}${JSON.stringify({ type: 1, target: 'Notify' })}${RS}`]]);
    expect(bad?.typed.records?.map((r) => r.type)).toEqual(['invocation', 'message', 'invocation']);
    // The record that is not JSON has no type to check, but is flagged as unreadable.
    expect(bad?.typed.issues.map((i) => i.path)).toEqual(['1', '2.arguments']);
    expect(bad?.typed.issues[0]?.message).toMatch(/^cannot be read: /);
    const s = fold('signalr', [bad!]);
    expect(topicList(s).map((t) => t.name)).toEqual(['ReceiveMessage', 'Notify']);
    // A frame without the separator is not SignalR: kept as plain JSON.
    const [plain] = frames('signalr', [['in', '{"type":1,"target":"X","arguments":[]}']]);
    expect(plain?.typed.known).toBe(false);
  });
});
