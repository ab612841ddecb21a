import { describe, expect, it } from 'vitest';
import { emptyOpenCode, MESSAGE_CAP, reduceOpenCode, sessionMessages, sessionTree, type OpenCodeState, type SessionNode } from '../../../lib/state/opencode';
import { endpoint, type Emit } from './events';

const session = (id: string, extra: Record<string, unknown> = {}) => ({ type: 'session_updated', session: { id, title: `T ${id}`, ...extra } });
const message = (sessionId: string, messageId: string, text: string, status = 'streaming') => ({
  type: 'message_updated',
  sessionId,
  messageId,
  role: 'assistant',
  parts: [{ type: 'text', text }],
  status,
});

const fold = (emit: Emit, payloads: { type: string }[], s: OpenCodeState = emptyOpenCode()) =>
  payloads.reduce((acc, p) => reduceOpenCode(acc, emit(p.type, p)), s);
const shape = (nodes: SessionNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.session.id, shape(n.children)] : n.session.id));

describe('opencode reducer', () => {
  it('creates and updates sessions', () => {
    const s = fold(endpoint('oc', 'opencode'), [session('s1'), session('s1', { title: 'Renamed', model: 'm' })]);
    expect(s.sessions.s1).toMatchObject({ id: 's1', title: 'Renamed', model: 'm', trace: { seqs: [1, 2] } });
    expect(s.sessionOrder).toEqual(['s1']);
  });

  it('nests child sessions under their parent, also when the child arrives first', () => {
    const emit = endpoint('oc', 'opencode');
    const early = fold(emit, [session('root'), session('kid', { parentId: 'late' })]);
    expect(shape(sessionTree(early))).toEqual(['root', 'kid']);
    const s = fold(emit, [session('late'), session('grandkid', { parentId: 'kid' }), session('kid2', { parentId: 'root' })], early);
    expect(shape(sessionTree(s))).toEqual([['root', ['kid2']], ['late', [['kid', ['grandkid']]]]]);
  });

  it('shows sessions in a parent cycle instead of losing them', () => {
    const s = fold(endpoint('oc', 'opencode'), [session('a', { parentId: 'b' }), session('b', { parentId: 'a' }), session('c', { parentId: 'c' })]);
    expect(shape(sessionTree(s))).toEqual(['c', ['a', ['b']]]);
  });

  it('creates a message when new, else replaces its parts and status', () => {
    const s = fold(endpoint('oc', 'opencode'), [
      session('s1'),
      message('s1', 'm1', 'Hel'),
      message('s1', 'm2', 'other'),
      message('s1', 'm1', 'Hello', 'complete'),
    ]);
    expect(sessionMessages(s, 's1').map((m) => [m.id, m.parts[0]?.text, m.status])).toEqual([
      ['m1', 'Hello', 'complete'],
      ['m2', 'other', 'streaming'],
    ]);
    expect(s.messages.s1?.byId.m1?.trace.seqs).toEqual([2, 4]);
  });

  it('ignores a repeated identical message update', () => {
    const emit = endpoint('oc', 'opencode');
    const s = fold(emit, [message('s1', 'm1', 'Hi')]);
    expect(fold(emit, [message('s1', 'm1', 'Hi')], s)).toBe(s);
  });

  it('makes a placeholder session for messages of a session not seen yet', () => {
    const emit = endpoint('oc', 'opencode');
    const s = fold(emit, [message('s9', 'm1', 'x')]);
    expect(s.sessions.s9).toMatchObject({ id: 's9', trace: { seqs: [1] } });
    expect(s.sessions.s9?.title).toBeUndefined();
    const named = fold(emit, [session('s9')], s);
    expect(named.sessions.s9?.title).toBe('T s9');
    expect(sessionMessages(named, 's9')).toHaveLength(1);
  });

  it('caps messages per session, dropping the oldest', () => {
    const emit = endpoint('oc', 'opencode');
    let s = emptyOpenCode();
    for (let i = 0; i < MESSAGE_CAP + 3; i++) s = reduceOpenCode(s, emit('message_updated', message('s1', `m${i}`, 't')));
    expect(s.messages.s1?.order).toHaveLength(MESSAGE_CAP);
    expect(s.messages.s1?.order[0]).toBe('m3');
    expect(Object.keys(s.messages.s1?.byId ?? {})).toHaveLength(MESSAGE_CAP);
  });

  it('keeps every endpoint separate', () => {
    const a = fold(endpoint('oc1', 'opencode'), [session('s1')]);
    const b = fold(endpoint('oc2', 'opencode'), [session('s1', { title: 'B' })]);
    expect(a.sessions.s1?.trace.endpointId).toBe('oc1');
    expect(b.sessions.s1).toMatchObject({ title: 'B', trace: { endpointId: 'oc2' } });
  });

  it('records server.connected, skips unknown types and odd payloads', () => {
    const emit = endpoint('oc', 'opencode');
    const s = reduceOpenCode(emptyOpenCode(), emit('server.connected', { type: 'server.connected' }));
    expect(s.connectedAt).toBe(1_001_000);
    expect(reduceOpenCode(s, emit('tool.exec', { type: 'tool.exec', sessionId: 's1' }))).toBe(s);
    for (const payload of [undefined, null, 1, 'x', [], { session: [] }, { sessionId: 's', messageId: {}, parts: 'no' }]) {
      for (const type of ['session_updated', 'message_updated']) expect(() => reduceOpenCode(s, emit(type, payload, { invalid: true }))).not.toThrow();
    }
  });

  it('applies what is usable of an invalid message update and marks the message', () => {
    const emit = endpoint('oc', 'opencode');
    let s = fold(emit, [message('s1', 'm1', 'ok')]);
    s = reduceOpenCode(s, emit('message_updated', { sessionId: 's1', messageId: 'm1', parts: 'broken', status: 'complete' }, { invalid: true }));
    expect(s.messages.s1?.byId.m1).toMatchObject({ parts: [{ text: 'ok' }], status: 'complete', trace: { invalidSeqs: [2] } });
  });
});
