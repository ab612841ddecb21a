import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { defaultRules } from '../../../lib/config/default-rules';
import { matchError, matchEvent } from '../../../lib/notify/rules';

const ev = (data: unknown, extra: Partial<StreamEvent> = {}): StreamEvent => {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return { endpointId: 'ep', seq: 1, time: 0, dir: 'in', transport: 'ws', data: text, size: text.length, ...extra };
};

describe('matchEvent', () => {
  it('takes the type from the SSE name, then the JSON type, then "message"', () => {
    expect(matchEvent(ev({ a: 1 }, { transport: 'sse', name: 'attempt_pr' }), [{ type: 'attempt_pr' }])?.type).toBe('attempt_pr');
    expect(matchEvent(ev({ type: 'notification' }), [{ type: 'notification' }])?.type).toBe('notification');
    expect(matchEvent(ev('plain text'), [{ type: 'message' }])?.type).toBe('message');
    // An explicit `event: message` is the SSE default, so the JSON type still decides.
    expect(matchEvent(ev({ type: 'session_updated' }, { transport: 'sse', name: 'message' }), [{ type: 'session_updated' }])).toBeDefined();
  });

  it('rejects other types, and never matches sent or marker events', () => {
    expect(matchEvent(ev({ type: 'chat_message' }), [{ type: 'notification' }])).toBeUndefined();
    expect(matchEvent(ev({ type: 'x' }, { transport: 'sse', name: 'heartbeat' }), [{ type: 'x' }])).toBeUndefined();
    expect(matchEvent(ev({ type: 'notification' }, { dir: 'out' }), [{ type: 'notification' }])).toBeUndefined();
    expect(matchEvent(ev({ message: 'x' }, { dir: 'sys', name: 'dropped' }), [{ type: '*' }])).toBeUndefined();
    expect(matchEvent(ev({ type: 'notification' }), [])).toBeUndefined();
  });

  it('matches any type with *', () => {
    expect(matchEvent(ev({ type: 'metrics_update' }), [{ type: '*' }])?.type).toBe('metrics_update');
    expect(matchEvent(ev('not json'), [{ type: '*' }])).toEqual({ type: 'message', payload: undefined });
  });

  it('matches fields on nested paths, as text', () => {
    const rule = [{ type: 'task_update', match: 'payload.state=failed' }];
    expect(matchEvent(ev({ type: 'task_update', payload: { id: 't', state: 'failed' } }), rule)).toBeDefined();
    expect(matchEvent(ev({ type: 'task_update', payload: { id: 't', state: 'running' } }), rule)).toBeUndefined();
    expect(matchEvent(ev({ type: 'task_update', payload: 'failed' }), rule)).toBeUndefined();
    const numeric = [{ type: 'metrics_update', match: 'payload.active=3 payload.busy=true' }];
    expect(matchEvent(ev({ type: 'metrics_update', payload: { active: 3, busy: true } }), numeric)).toBeDefined();
    expect(matchEvent(ev({ type: 'metrics_update', payload: { active: 3, busy: false } }), numeric)).toBeUndefined();
  });

  it('notifies when any of several rules for a type matches', () => {
    const rules = [
      { type: 'task_update', match: 'payload.state=failed' },
      { type: 'task_update', match: 'data.action=failed' },
    ];
    expect(matchEvent(ev({ type: 'task_update', data: { task_id: 't', action: 'failed' } }), rules)).toBeDefined();
  });

  it('does not follow inherited properties', () => {
    expect(matchEvent(ev({ type: 'x' }), [{ type: 'x', match: 'constructor.name=Object' }])).toBeUndefined();
  });

  it('ignores a malformed match instead of matching everything, and says why', () => {
    expect(matchEvent(ev({ type: 'x', a: 1 }), [{ type: 'x', match: 'a="open' }])).toBeUndefined();
    expect(matchError('a="open')).toMatch(/quote/i);
    expect(matchError('payload.state=failed')).toBeUndefined();
    expect(matchError('')).toBeUndefined();
  });

  it('supports the field query operators', () => {
    expect(matchEvent(ev({ type: 'x', payload: { error: 'disk full' } }), [{ type: 'x', match: 'payload.error~DISK' }])).toBeDefined();
    expect(matchEvent(ev({ type: 'x', payload: {} }), [{ type: 'x', match: 'payload.error' }])).toBeUndefined();
  });
});

describe('defaultRules', () => {
  const matches = (profile: Parameters<typeof defaultRules>[0], e: StreamEvent) => matchEvent(e, defaultRules(profile)) !== undefined;

  it('covers the events each family announces', () => {
    expect(matches('notifications', ev({ type: 'notification', data: { id: 'n', title: 't', message: 'm' } }))).toBe(true);
    expect(matches('notifications', ev({ type: 'system_announcement', message: 'down at 5' }))).toBe(true);
    expect(matches('notifications', ev({ type: 'task_update', data: { task_id: 't', action: 'failed' } }))).toBe(true);
    expect(matches('notifications', ev({ type: 'task_update', data: { task_id: 't', action: 'created' } }))).toBe(false);
    expect(matches('notifications', ev({ type: 'chat_message', data: { content: 'hi' } }))).toBe(false);
    expect(matches('kanban', ev({ attemptId: 'a', cardId: 'c', number: 1 }, { transport: 'sse', name: 'attempt_pr' }))).toBe(true);
    expect(matches('kanban', ev({ attemptId: 'a' }, { transport: 'sse', name: 'attempt_log' }))).toBe(false);
    expect(matches('officeplane', ev({ type: 'task_update', payload: { id: 't', state: 'failed' } }))).toBe(true);
    expect(matches('officeplane', ev({ action: 'flag', findings: [] }, { transport: 'sse', name: 'hook_result' }))).toBe(true);
    expect(matches('officeplane', ev({ action: 'pass', findings: [] }, { transport: 'sse', name: 'hook_result' }))).toBe(false);
    const awaiting = ev({ plan_id: 'p', state: 'awaiting_approval' }, { transport: 'sse', name: 'plan.state.changed' });
    expect(matches('plans', awaiting)).toBe(true);
    expect(matches('plans', ev({ plan_id: 'p', state: 'running' }, { transport: 'sse', name: 'plan.state.changed' }))).toBe(false);
    expect(defaultRules('generic')).toEqual([]);
  });

  it('gives auto every family’s rules once', () => {
    const auto = defaultRules('auto');
    expect(auto).toContainEqual({ type: 'attempt_pr' });
    expect(auto).toContainEqual({ type: 'task_update', match: 'payload.state=failed' });
    expect(auto).toContainEqual({ type: 'task_update', match: 'data.action=failed' });
    expect(new Set(auto.map((r) => `${r.type} ${r.match}`)).size).toBe(auto.length);
  });

  it('returns copies the caller may edit', () => {
    defaultRules('kanban')[0]!.type = 'changed';
    expect(defaultRules('kanban')).toEqual([{ type: 'attempt_pr' }]);
  });
});
