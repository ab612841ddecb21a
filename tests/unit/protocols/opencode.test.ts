import { describe, expect, it } from 'vitest';
import { typeEvent } from '../../../lib/protocols';
import { MARKUP, sse, unnamed } from '../../fixtures/protocols/build';
import { OPENCODE } from '../../fixtures/protocols/opencode';

const type = (ev: Parameters<typeof typeEvent>[0]) => typeEvent(ev, 'opencode');

describe('opencode profile', () => {
  it('takes the type from the JSON of unnamed events', () => {
    expect(type(OPENCODE['server.connected']!.valid[0]!)).toMatchObject({
      type: 'server.connected',
      category: 'lifecycle',
      summary: 'server.connected  server ready',
    });
  });

  it('summarises sessions and messages', () => {
    expect(type(OPENCODE.session_updated!.valid[1]!)).toMatchObject({
      summary: 'session_updated  session ses_c3 "Find tests" · child of ses_a1',
      entities: [{ kind: 'session', id: 'ses_c3' }],
    });
    expect(type(OPENCODE.message_updated!.valid[0]!)).toMatchObject({
      category: 'data',
      summary: 'message_updated  message msg_b2 in ses_a1 · assistant · streaming · 2 parts "The failure is a race on a shared temp…"',
      entities: [{ kind: 'session', id: 'ses_a1' }, { kind: 'message', id: 'msg_b2' }],
    });
  });

  it('reports schema failures with dotted paths', () => {
    expect(type(OPENCODE.message_updated!.invalid[1]!.event).issues).toEqual([
      { path: 'parts.0.type', message: 'Invalid option: expected one of "text"|"tool"' },
    ]);
  });

  it('keeps other types as unknown', () => {
    expect(type(unnamed({ type: 'session.idle', sessionId: 'ses_a1' }))).toMatchObject({
      type: 'session.idle',
      known: false,
      issues: [],
      summary: 'session.idle  {sessionId: "ses_a1"}',
    });
    expect(type(unnamed({ hello: 1 })).type).toBe('message');
  });

  it('flags named events whose data is not JSON', () => {
    expect(type(sse('session_updated', '{')).issues[0]?.path).toBe('');
  });

  it('carries markup verbatim as text', () => {
    const t = type(unnamed({ type: 'session_updated', session: { id: 'ses_x', title: MARKUP } }));
    expect(t.summary).toBe(`session_updated  session ses_x "${MARKUP}"`);
  });
});
