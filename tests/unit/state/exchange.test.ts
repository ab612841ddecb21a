import { describe, expect, it } from 'vitest';
import { callList, CALL_CAP, latency, topicList } from '../../../lib/state/exchange';
import { fold, frames } from './exchange-frames';

describe('Socket.IO state', () => {
  const events = frames('socketio', [
    ['in', '0{"sid":"s1","upgrades":[],"pingInterval":25000,"pingTimeout":20000}'],
    ['out', '40'],
    ['in', '40{"sid":"a1"}'],
    ['out', '40/chat,'],
    ['in', '40/chat,{"sid":"c1"}'],
    ['in', '42["chat message",{"user":"ana","text":"hello"}]'],
    ['in', '42/chat,["chat message",{"user":"bo","text":"hi"}]'],
    ['out', '42/chat,7["join","room-1"]'],
    ['in', '42["chat message",{"user":"ana","text":"again"}]'],
    ['in', '43/chat,7[{"ok":true,"members":3}]'],
    ['in', '4212["confirm",{"order":"o-1"}]'],
    ['in', '451-["avatar",{"_placeholder":true,"num":0}]'],
    ['in', '44/admin,{"message":"Not authorized"}'],
    ['in', '2'],
    ['out', '3'],
  ]);

  it('types every frame with a summary that names what happened', () => {
    expect(events.map((e) => e.typed.type)).toEqual([
      'open', 'connect', 'connect', 'connect', 'connect', 'event', 'event', 'event', 'event', 'ack', 'event', 'binary_event', 'connect_error', 'ping', 'pong',
    ]);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    expect(events[5]?.typed.summary).toBe('event  chat message {user: "ana", text: "hello"}');
    expect(events[7]?.typed.summary).toBe('event  /chat join "room-1" (ack #7)');
    expect(events[9]?.typed.summary).toBe('ack  /chat #7 → {ok: true, members: 3}');
    expect(events[11]?.typed.summary).toBe('binary_event  avatar <binary #0>');
    expect(events[12]?.typed.category).toBe('error');
  });

  it('keeps namespaces, events by name with counts and latest arguments, and acks by id', () => {
    const s = fold('socketio', events);
    expect(s.info).toMatchObject({ sid: 's1', 'namespace /': 'connected (sid a1)', 'namespace /chat': 'connected (sid c1)', 'namespace /admin': 'refused' });
    const topics = topicList(s).map((t) => [t.group, t.name, t.count, t.last]);
    expect(topics).toContainEqual(['/', 'chat message', 2, { user: 'ana', text: 'again' }]);
    expect(topics).toContainEqual(['/chat', 'chat message', 1, { user: 'bo', text: 'hi' }]);
    const calls = callList(s);
    const join = calls.find((c) => c.name === 'join');
    expect(join).toMatchObject({ id: '7', status: 'ok', result: { ok: true, members: 3 } });
    expect(latency(join!)).toBe(100);
    // The server asked the client for an ack the client never sent: still pending.
    expect(calls.find((c) => c.name === 'confirm')).toMatchObject({ id: '12', status: 'pending' });
    expect(s.errors.map((e) => e.message)).toEqual(['/admin: Not authorized']);
  });
});

describe('JSON-RPC state', () => {
  it('pairs responses with requests by id, per direction, with latency; a batch is several messages', () => {
    const events = frames('jsonrpc', [
      ['out', '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}'],
      ['in', '{"jsonrpc":"2.0","id":1,"result":{"serverInfo":{"name":"demo"}}}'],
      ['out', '[{"jsonrpc":"2.0","id":2,"method":"tools/list"},{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_weather"}}]'],
      ['in', '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"p","progress":50}}'],
      ['in', '{"jsonrpc":"2.0","id":1,"method":"roots/list"}'],
      ['in', '[{"jsonrpc":"2.0","id":3,"error":{"code":-32602,"message":"Unknown tool"}},{"jsonrpc":"2.0","id":2,"result":{"tools":[]}}]'],
    ]);
    expect(events[2]?.typed).toMatchObject({ type: 'request', records: [{ type: 'request' }, { type: 'request' }] });
    expect(events[2]?.typed.summary).toBe('request  #2 tools/list · request #3 tools/call get_weather {name: "get_weather"} (2 in frame)');
    expect(events[5]?.typed.category).toBe('error');
    const s = fold('jsonrpc', events);
    const byId = Object.fromEntries(callList(s).map((c) => [`${c.group} ${c.id}`, c]));
    expect(byId['client → server 1']).toMatchObject({ name: 'initialize', status: 'ok' });
    expect(latency(byId['client → server 1']!)).toBe(50);
    expect(byId['client → server 2']).toMatchObject({ name: 'tools/list', status: 'ok', result: { tools: [] } });
    expect(byId['client → server 3']).toMatchObject({ name: 'tools/call', status: 'error', error: '-32602 Unknown tool' });
    // The server's own request 1 does not collide with the client's.
    expect(byId['server → client 1']).toMatchObject({ name: 'roots/list', status: 'pending' });
    expect(topicList(s).map((t) => [t.name, t.count])).toEqual([['notifications/progress', 1]]);
  });

  it('keeps at most CALL_CAP calls', () => {
    const events = frames('jsonrpc', Array.from({ length: CALL_CAP + 10 }, (_, i): ['out', string] => ['out', `{"jsonrpc":"2.0","id":${i},"method":"m"}`]));
    const s = fold('jsonrpc', events);
    expect(s.callOrder).toHaveLength(CALL_CAP);
    expect(Object.keys(s.calls)).toHaveLength(CALL_CAP);
  });
});
