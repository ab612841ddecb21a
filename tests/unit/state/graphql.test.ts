import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import type { TypedStreamEvent } from '../../../lib/model/typed';
import { detectFamily, typeEvent } from '../../../lib/protocols';
import { callList, latency, topicList } from '../../../lib/state/exchange';
import { fold, frames } from './exchange-frames';

const ON_ORDER = 'subscription OnOrderUpdated($id: ID!) { onOrderUpdated(id: $id) { id status } }';

describe('GraphQL over WebSocket (graphql-transport-ws)', () => {
  const events = frames('graphql', [
    ['out', '{"type":"connection_init","payload":{"token":"t"}}'],
    ['in', '{"type":"connection_ack"}'],
    ['out', JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ON_ORDER, variables: { id: 'o-1' } } })],
    ['in', '{"id":"1","type":"next","payload":{"data":{"onOrderUpdated":{"id":"o-1","status":"packed"}}}}'],
    ['in', '{"id":"1","type":"next","payload":{"data":{"onOrderUpdated":{"id":"o-1","status":"shipped"}}}}'],
    ['out', '{"id":"2","type":"subscribe","payload":{"query":"{ order: orderById(id: 9) { status } }"}}'],
    ['in', '{"id":"2","type":"error","payload":[{"message":"Order 9 not found"}]}'],
    ['in', '{"id":"1","type":"complete"}'],
    ['out', '{"id":"3","type":"subscribe","payload":{"query":"subscription { ticks }"}}'],
    ['in', '{"id":"3","type":"next","payload":{"data":null,"errors":[{"message":"tick failed"}]}}'],
    ['out', '{"id":"3","type":"complete"}'],
    ['in', '{"type":"ping"}'],
    ['out', '{"type":"pong"}'],
  ]);

  it('types every message with a summary that names the operation or root field', () => {
    expect(events.map((e) => e.typed.type)).toEqual([
      'connection_init', 'connection_ack', 'subscribe', 'next', 'next', 'subscribe', 'error', 'complete', 'subscribe', 'next', 'complete', 'ping', 'pong',
    ]);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    expect(events[2]?.typed.summary).toBe('subscribe  OnOrderUpdated (id 1)');
    expect(events[3]?.typed.summary).toBe('next  onOrderUpdated (id 1) {id: "o-1", status: "packed"}');
    expect(events[5]?.typed.summary).toBe('subscribe  orderById (id 2)');
    expect(events[6]?.typed.summary).toBe('error  (id 2) Order 9 not found');
    expect(events[6]?.typed.category).toBe('error');
    // A result that carries errors is an error row, though the operation goes on.
    expect(events[9]?.typed.category).toBe('error');
    expect(events[9]?.typed.summary).toBe('next  (id 3) 1 error: tick failed');
    expect(events[3]?.typed.entities).toEqual([{ kind: 'operation', id: '1' }]);
  });

  it('keeps operations by id with status, name, latest result, error and update count', () => {
    const s = fold('graphql', events);
    expect(s.info).toEqual({ connection: 'acknowledged' });
    const ops = Object.fromEntries(callList(s).map((c) => [c.id, c]));
    expect(ops['1']).toMatchObject({ name: 'OnOrderUpdated', status: 'ok', updates: 2, result: { onOrderUpdated: { id: 'o-1', status: 'shipped' } } });
    expect(ops['1']?.request).toEqual({ query: ON_ORDER, variables: { id: 'o-1' } });
    expect(latency(ops['1']!)).toBe(250);
    expect(ops['2']).toMatchObject({ name: 'orderById', status: 'error', error: 'Order 9 not found', updates: 0 });
    // The client completing its own subscription cancels it.
    expect(ops['3']).toMatchObject({ name: 'ticks', status: 'cancelled', updates: 1 });
    expect(topicList(s).map((t) => [t.name, t.count])).toEqual([['onOrderUpdated', 2]]);
    expect(s.errors.map((e) => e.message)).toEqual(['3: tick failed']);
  });

  it('is detected from the subprotocol, or from its first frames', () => {
    const connected: StreamEvent = { endpointId: 'x', seq: 0, time: 0, dir: 'sys', transport: 'ws', name: 'connected', data: '{"protocol":"graphql-transport-ws"}', size: 0 };
    expect(detectFamily([connected])?.family).toBe('graphql');
    expect(detectFamily(events)?.family).toBe('graphql');
  });
});

describe('GraphQL over WebSocket (legacy graphql-ws)', () => {
  const events = frames('graphql', [
    ['out', '{"type":"connection_init","payload":{}}'],
    ['in', '{"type":"connection_ack"}'],
    ['in', '{"type":"ka"}'],
    ['out', '{"id":"1","type":"start","payload":{"query":"query Me { me { name } }","variables":null,"operationName":null}}'],
    ['in', '{"id":"1","type":"data","payload":{"data":{"me":{"name":"ana"}}}}'],
    ['in', '{"id":"1","type":"complete"}'],
    ['out', '{"id":"2","type":"start","payload":{"query":"subscription { news }"}}'],
    ['out', '{"id":"2","type":"stop"}'],
    ['in', '{"type":"connection_error","payload":{"message":"session expired"}}'],
  ]);

  it('folds start, data, stop and connection errors like the newer protocol', () => {
    expect(events[3]?.typed.summary).toBe('start  Me (id 1)');
    expect(events[2]?.typed.category).toBe('heartbeat');
    expect(events[8]?.typed.category).toBe('error');
    const s = fold('graphql', events);
    const ops = Object.fromEntries(callList(s).map((c) => [c.id, c]));
    expect(ops['1']).toMatchObject({ name: 'Me', status: 'ok', updates: 1, result: { me: { name: 'ana' } } });
    expect(ops['2']).toMatchObject({ name: 'news', status: 'cancelled' });
    expect(s.info).toEqual({ connection: 'refused' });
    expect(s.errors.map((e) => e.message)).toEqual(['session expired']);
  });
});

describe('malformed GraphQL frames', () => {
  it('are kept, flagged and folded only as far as they can be', () => {
    const events = frames('graphql', [
      ['in', '{"id":"1","type":"next","payload":'],
      ['in', '{"type":"next","payload":{"data":{"x":1}}}'],
      ['in', '{"id":"9","type":"complete"}'],
      ['in', '["not","an","object"]'],
      ['out', '{"id":"4","type":"subscribe","payload":{"query":42}}'],
    ]);
    // Text that is not JSON has no type to check it against: kept as an unknown row.
    expect(events[0]?.typed).toMatchObject({ type: 'message', known: false });
    expect(events[1]?.typed.issues.map((i) => i.path)).toContain('id');
    expect(events[3]?.typed).toMatchObject({ type: 'message', known: false });
    expect(events[4]?.typed.issues.map((i) => i.path)).toContain('payload.query');
    const s = fold('graphql', events);
    // A complete for an operation never seen is still listed; an operation without a query is nameless.
    expect(callList(s).map((c) => [c.id, c.name, c.status])).toEqual([['4', '?', 'pending'], ['9', '?', 'ok']]);
  });
});

describe('GraphQL over SSE (graphql-sse)', () => {
  /** Named SSE events as a graphql-sse server sends them, 50 ms apart. */
  const stream = (list: Array<[name: string, data: string]>): TypedStreamEvent[] =>
    list.map(([name, data], i) => {
      const ev: StreamEvent = { endpointId: 'x', seq: i + 1, time: 1_000 + i * 50, dir: 'in', transport: 'sse', name, data, size: data.length };
      return { ...ev, typed: typeEvent(ev, 'graphql') };
    });

  it('reads a stream in distinct connections mode as one operation, `stream`', () => {
    const events = stream([
      ['next', '{"data":{"onOrderUpdated":{"id":"o-1","status":"packed"}}}'],
      ['next', '{"data":{"onOrderUpdated":{"id":"o-1","status":"shipped"}},"extensions":{"cost":1}}'],
      ['next', '{"data":null,"errors":[{"message":"Order o-1 is gone","path":["onOrderUpdated"]}]}'],
      ['complete', ''],
    ]);
    expect(events.map((e) => e.typed.type)).toEqual(['next', 'next', 'next', 'complete']);
    expect(events.every((e) => e.typed.known && e.typed.issues.length === 0)).toBe(true);
    expect(events[0]?.typed.summary).toBe('next  onOrderUpdated (id stream) {id: "o-1", status: "packed"}');
    expect(events[0]?.typed.entities).toEqual([{ kind: 'operation', id: 'stream' }]);
    expect(events[2]?.typed.category).toBe('error');
    expect(events[3]?.typed.summary).toBe('complete  (id stream)');
    const s = fold('graphql', events);
    expect(callList(s)).toEqual([expect.objectContaining({ id: 'stream', name: 'onOrderUpdated', status: 'ok', updates: 3 })]);
    expect(topicList(s).map((t) => [t.name, t.count])).toEqual([['onOrderUpdated', 2]]);
    expect(s.errors.map((e) => e.message)).toEqual(['stream: Order o-1 is gone']);
  });

  it('keeps the ids of single connection mode, and flags a result that is not JSON', () => {
    const events = stream([
      ['next', '{"id":"a","payload":{"data":{"ticks":1}}}'],
      ['next', '{"id":"b","payload":{"data":{"news":"hi"}}}'],
      ['complete', '{"id":"a"}'],
      ['next', '{"data": {'],
    ]);
    expect(events[1]?.typed.summary).toBe('next  news (id b) hi');
    expect(events[3]?.typed).toMatchObject({ type: 'next', known: true });
    expect(events[3]?.typed.issues).toHaveLength(1);
    const ops = Object.fromEntries(callList(fold('graphql', events)).map((c) => [c.id, c.status]));
    expect(ops).toEqual({ a: 'ok', b: 'active' });
  });

  it('is detected from its first named events, and not from other streams’ `next`', () => {
    const events = stream([
      ['next', '{"data":{"onOrderUpdated":{"id":"o-1"}}}'],
      ['next', '{"data":{"onOrderUpdated":{"id":"o-2"}}}'],
    ]);
    expect(detectFamily(events)).toMatchObject({ family: 'graphql' });
    const other = stream(Array.from({ length: 8 }, (): [string, string] => ['next', '{"page":2,"data":[1,2]}']));
    expect(detectFamily(other)?.family).toBe('generic');
  });
});
