import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { detectFamily } from '../../../lib/protocols';
import { callList, topicList } from '../../../lib/state/exchange';
import { stompText as st } from '../../fixtures/protocols/stomp';
import { fold, frames } from './exchange-frames';

const sockjs = (...texts: string[]) => `a${JSON.stringify(texts)}`;

describe('STOMP 1.2', () => {
  const events = frames('stomp', [
    ['out', st('CONNECT', { 'accept-version': '1.2', host: 'shop', 'heart-beat': '10000,10000' })],
    ['in', st('CONNECTED', { version: '1.2', server: 'RabbitMQ/3.13.0', 'heart-beat': '10000,10000' })],
    ['out', st('SUBSCRIBE', { id: 'sub-0', destination: '/topic/orders', receipt: 'r-1' })],
    ['in', st('RECEIPT', { 'receipt-id': 'r-1' })],
    // Two frames in one message; headers escaped; the JSON body parsed.
    ['in', st('MESSAGE', { destination: '/topic/orders', 'message-id': '1', subscription: 'sub-0', 'content-type': 'application/json' }, '{"id":"o-1","status":"paid"}') +
      st('MESSAGE', { destination: '/topic/orders', 'message-id': '2', subscription: 'sub-0', note: 'a\\cb\\nc' }, '{"id":"o-1","status":"shipped"}')],
    ['in', '\n'],
    ['out', st('SEND', { destination: '/app/chat', 'content-type': 'text/plain' }, 'hello')],
    // A body with NULs, read by content-length.
    ['in', st('MESSAGE', { destination: '/queue/bin', 'message-id': '3', subscription: 'sub-1', 'content-length': '3' }, 'a\u0000b')],
    ['out', st('UNSUBSCRIBE', { id: 'sub-0' })],
    ['out', st('SEND', { destination: '/app/orders', receipt: 'r-2' }, '{}')],
    ['in', st('ERROR', { message: 'not allowed', 'receipt-id': 'r-2', 'content-type': 'text/plain' }, 'Access refused for /app/orders')],
  ]);

  it('types every frame; the summary names the command and destination', () => {
    expect(events.map((e) => e.typed.type)).toEqual(['CONNECT', 'CONNECTED', 'SUBSCRIBE', 'RECEIPT', 'MESSAGE', 'heartbeat', 'SEND', 'MESSAGE', 'UNSUBSCRIBE', 'SEND', 'ERROR']);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    expect(events[4]?.typed.summary).toBe('MESSAGE  /topic/orders {id: "o-1", status: "paid"} · MESSAGE /topic/orders {id: "o-1", status: "shipped"} (2 in frame)');
    expect(events[4]?.typed.records?.[1]?.payload).toMatchObject({ headers: { note: 'a:b\nc' }, body: { status: 'shipped' } });
    expect(events[7]?.typed.records ?? events[7]?.typed.payload).toMatchObject({ body: 'a\u0000b' });
    expect(events[1]?.typed.summary).toBe('CONNECTED  v1.2 RabbitMQ/3.13.0 heart-beat 10000,10000');
    expect(events[10]?.typed).toMatchObject({ category: 'error', summary: 'ERROR  not allowed Access refused for /app/orders' });
  });

  it('keeps destinations, subscriptions, receipts and errors', () => {
    const s = fold('stomp', events);
    expect(s.info).toMatchObject({ host: 'shop', version: '1.2', server: 'RabbitMQ/3.13.0' });
    expect(topicList(s).map((t) => [t.group, t.name, t.count, t.last])).toEqual([
      ['server → client', '/topic/orders', 2, { id: 'o-1', status: 'shipped' }],
      ['client → server', '/app/chat', 1, 'hello'],
      ['server → client', '/queue/bin', 1, 'a\u0000b'],
      ['client → server', '/app/orders', 1, {}],
    ]);
    const calls = Object.fromEntries(callList(s).map((c) => [`${c.group} ${c.id}`, c]));
    expect(calls['subscription sub-0']).toMatchObject({ name: '/topic/orders', status: 'cancelled', updates: 2 });
    // A subscription made before recording began is named by its messages' destination.
    expect(calls['subscription sub-1']).toMatchObject({ name: '/queue/bin', status: 'active', updates: 1 });
    expect(calls['receipt r-1']).toMatchObject({ name: 'SUBSCRIBE /topic/orders', status: 'ok' });
    expect(calls['receipt r-2']).toMatchObject({ name: 'SEND /app/orders', status: 'error', error: 'not allowed: Access refused for /app/orders' });
    expect(s.errors.map((e) => e.message)).toEqual(['not allowed: Access refused for /app/orders']);
  });

  it('is detected from the subprotocol, or from the first frames', () => {
    const connected: StreamEvent = { endpointId: 'x', seq: 0, time: 0, dir: 'sys', transport: 'ws', name: 'connected', data: '{"protocol":"v12.stomp"}', size: 0 };
    expect(detectFamily([connected])?.family).toBe('stomp');
    expect(detectFamily(events)?.family).toBe('stomp');
  });
});

describe('STOMP inside SockJS', () => {
  const events = frames('stomp', [
    ['in', 'o'],
    ['out', JSON.stringify([st('CONNECT', { 'accept-version': '1.2', host: '/' })])],
    ['in', sockjs(st('CONNECTED', { version: '1.2' }))],
    ['in', 'h'],
    ['in', sockjs(st('MESSAGE', { destination: '/topic/orders', 'message-id': '1', subscription: 'sub-0' }, '{"id":"o-9"}'), '\n')],
    ['in', 'c[3000,"Go away!"]'],
  ]);

  it('unwraps the array frames into STOMP frames', () => {
    expect(events.map((e) => e.typed.type)).toEqual(['sockjs_open', 'CONNECT', 'CONNECTED', 'sockjs_heartbeat', 'MESSAGE', 'sockjs_close']);
    expect(events[4]?.typed.records?.map((r) => r.type)).toEqual(['MESSAGE', 'heartbeat']);
    expect(events.every((e) => e.typed.issues.length === 0)).toBe(true);
    const s = fold('stomp', events);
    expect(s.info).toMatchObject({ SockJS: 'closed 3000 Go away!', version: '1.2' });
    expect(topicList(s).map((t) => [t.name, t.last])).toEqual([['/topic/orders', { id: 'o-9' }]]);
    expect(detectFamily(events)?.family).toBe('stomp');
  });
});

describe('malformed STOMP', () => {
  it('keeps the frame and flags what is wrong with it', () => {
    const [unterminated, badEscape, trailing, notStomp] = frames('stomp', [
      ['in', 'MESSAGE\ndestination:/t\nmessage-id:1\nsubscription:s\n\n{"cut":'],
      ['in', 'MESSAGE\ndestination:/t\\t\nmessage-id:1\nsubscription:s\n\nx\u0000'],
      ['in', `${st('RECEIPT', { 'receipt-id': '1' })}garbage`],
      ['in', 'HELLO\n\n\u0000'],
    ]);
    expect(unterminated?.typed.issues).toEqual([{ path: 'problems', message: 'frame not ended by NUL' }]);
    expect(unterminated?.typed.payload).toMatchObject({ body: '{"cut":' });
    expect(badEscape?.typed.issues[0]?.message).toMatch(/undefined escape/);
    expect(trailing?.typed.records?.map((r) => r.type)).toEqual(['RECEIPT', 'message']);
    expect(trailing?.typed.issues).toEqual([{ path: '1', message: 'cannot be read: text after the last frame is not a STOMP frame' }]);
    // A frame that is not STOMP at all is read as JSON: not JSON either, it is plain text, not an issue.
    expect(notStomp?.typed).toMatchObject({ known: false, issues: [] });
    const s = fold('stomp', [unterminated!, badEscape!, trailing!, notStomp!]);
    expect(topicList(s).map((t) => [t.name, t.count])).toEqual([['/t', 1], ['/t\\t', 1]]);
  });
});
