import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { eventTypeName, typeEvent } from '../../../lib/protocols';
import { frame, sse, unnamed, ws } from '../../fixtures/protocols/build';

const marker = (name: string, data: string): StreamEvent => frame({ transport: 'sse', dir: 'sys', name, data });

describe('eventTypeName', () => {
  it('prefers the SSE event name', () => {
    expect(eventTypeName(sse('hello', { type: 'other' }), { type: 'other' })).toBe('hello');
  });

  it('falls back to the JSON type for unnamed SSE, `event: message` and WebSocket text', () => {
    expect(eventTypeName(unnamed({ type: 'session_updated' }), { type: 'session_updated' })).toBe('session_updated');
    expect(eventTypeName(sse('message', { type: 'x' }), { type: 'x' })).toBe('x');
    expect(eventTypeName(ws({ type: 'pong' }), { type: 'pong' })).toBe('pong');
  });

  it('is `message` without a string type, `binary` for binary frames', () => {
    expect(eventTypeName(unnamed({ type: 5 }), { type: 5 })).toBe('message');
    expect(eventTypeName(ws([1]), [1])).toBe('message');
    expect(eventTypeName(frame({ transport: 'ws', opcode: 2, data: 'AAEC' }), undefined)).toBe('binary');
  });
});

describe('typeEvent', () => {
  it('shows binary frames by size', () => {
    const t = typeEvent(frame({ transport: 'ws', opcode: 2, data: 'AAEC', size: 3 }), 'notifications');
    expect(t).toMatchObject({ type: 'binary', known: false, category: 'data', summary: 'binary  3 B', payload: undefined, issues: [] });
  });

  it('types connection markers from their message', () => {
    expect(typeEvent(marker('connected', JSON.stringify({ message: 'Connected (HTTP 200)', status: 200 })), 'kanban')).toMatchObject({
      family: 'kanban',
      type: 'connected',
      category: 'lifecycle',
      summary: 'Connected (HTTP 200)',
      payload: { message: 'Connected (HTTP 200)', status: 200 },
      issues: [],
    });
    for (const kind of ['given_up', 'http_error', 'malformed', 'stale', 'overloaded', 'gap', 'duplicate']) {
      expect(typeEvent(marker(kind, '{"message":"x"}'), 'generic').category, kind).toBe('error');
    }
    expect(typeEvent(marker('dropped', 'not json'), 'plans').summary).toBe('dropped');
  });

  it('treats every type as unknown in the generic profile', () => {
    expect(typeEvent(sse('update', { id: 3, name: 'x', tags: ['a'], meta: {} }), 'generic')).toMatchObject({
      family: 'generic',
      type: 'update',
      known: false,
      category: 'data',
      summary: 'update  {id: 3, name: "x", tags: [1], meta: {…}}',
    });
    expect(typeEvent(unnamed({ type: 'tick', n: 1 }), 'generic').summary).toBe('tick  {n: 1}');
    expect(typeEvent(frame({ transport: 'sse', data: '' }), 'generic').summary).toBe('message  (empty)');
  });

  it('flags what a framing could not read, but not the plain text of a stream read as JSON', () => {
    for (const data of ['plain text', 'HELLO\n\n\u0000', '{"cut":'])
      for (const family of ['generic', 'kanban', 'stomp', 'signalr', 'graphql'] as const)
        expect(typeEvent(frame({ transport: 'ws', data }), family).issues, `${family}: ${data}`).toEqual([]);
    // A declared type whose data is not JSON is flagged, as before.
    expect(typeEvent(frame({ transport: 'sse', name: 'state', data: '{"cut":' }), 'kanban').issues[0]?.message).toMatch(/^data is not valid JSON/);
    // SignalR records and STOMP frames the framing could not read are.
    expect(typeEvent(frame({ transport: 'ws', data: 'oops\u001e' }), 'signalr').issues).toEqual([{ path: '', message: expect.stringMatching(/^cannot be read: /) }]);
    expect(typeEvent(frame({ transport: 'ws', data: 'RECEIPT\nreceipt-id:1\n\n\u0000junk' }), 'stomp').issues.map((i) => i.path)).toEqual(['1']);
  });

  it('does not resolve names inherited from Object.prototype', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const t = typeEvent(sse(name, { a: 1 }), 'kanban');
      expect(t, name).toMatchObject({ type: name, known: false, issues: [] });
    }
  });

  it('keeps summaries on one line and bounded', () => {
    const t = typeEvent(sse('attempt_log', { attemptId: 'a', cardId: 'c\nd', line: `${'x'.repeat(5000)}\n\u2028y` }), 'kanban');
    expect(t.summary).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(t.summary.length).toBeLessThan(200);
    const unknownType = typeEvent(ws({ type: `a\nb${'c'.repeat(500)}` }), 'generic');
    expect(unknownType.summary).not.toMatch(/\n/);
    expect(unknownType.summary.length).toBeLessThan(100);
  });

  it('caps the number of issues', () => {
    const todos = Array.from({ length: 500 }, () => ({ text: 1, done: 'no' }));
    const t = typeEvent(sse('attempt_todos', { attemptId: 'a', cardId: 'c', todos }), 'kanban');
    expect(t.issues.length).toBe(20);
  });

  it('falls back to generic for a family it does not know', () => {
    expect(typeEvent(sse('hello', {}), 'nonsense' as never).family).toBe('generic');
  });
});
