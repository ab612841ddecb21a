import { describe, expect, it } from 'vitest';
import { emptyState, foldEvent, foldEvents } from '../../../lib/state/index';
import { endpoint } from './events';

describe('foldEvent', () => {
  it('starts empty and creates an endpoint slice of the event family on its first event', () => {
    const emit = endpoint('pl', 'plans');
    const s = foldEvent(emptyState(), emit('plan.created', { id: 'p1', title: 'T', state: 'draft', created_at: 'x' }));
    expect(emptyState()).toEqual({ endpoints: {} });
    expect(s.endpoints.pl).toMatchObject({ family: 'plans', list: ['p1'] });
  });

  it('dispatches each endpoint to its own family and keeps other endpoints shared', () => {
    const kb = endpoint('kb', 'kanban');
    const nt = endpoint('nt', 'notifications', 'ws');
    const s1 = foldEvents(emptyState(), [kb('attempt_status', { attemptId: 'a1', status: 'running' }), nt('connection_ack', { type: 'connection_ack', data: { user_id: 'u' } })]);
    expect(s1.endpoints.kb?.family).toBe('kanban');
    expect(s1.endpoints.nt?.family).toBe('notifications');
    const s2 = foldEvent(s1, kb('attempt_status', { attemptId: 'a1', status: 'failed' }));
    expect(s2.endpoints.nt).toBe(s1.endpoints.nt);
  });

  it('ignores connection markers: no slice, same state', () => {
    const emit = endpoint('kb', 'kanban');
    const s = emptyState();
    expect(foldEvent(s, emit('dropped', undefined, { dir: 'sys' }))).toBe(s);
  });

  it('returns the same state when the event changes nothing', () => {
    const emit = endpoint('kb', 'kanban');
    const s = foldEvent(emptyState(), emit('attempt_status', { attemptId: 'a1', status: 'running' }));
    expect(foldEvent(s, emit('attempt_status', { attemptId: 'a1', status: 'running' }))).toBe(s);
    expect(foldEvent(s, emit('no_such_type', { attemptId: 'a1' }))).toBe(s);
  });

  it('keeps the family of the first event for the endpoint', () => {
    const s = foldEvent(emptyState(), endpoint('x', 'plans')('plan.created', { id: 'p1' }));
    expect(foldEvent(s, endpoint('x', 'kanban')('attempt_status', { attemptId: 'a1', status: 'running' }))).toBe(s);
  });

  it('counts events and types of generic endpoints, received and sent', () => {
    const emit = endpoint('g', 'generic', 'ws');
    const s = foldEvents(emptyState(), [emit('tick', 1), emit('tick', 2), emit('message', 'hi', { dir: 'out' }), emit('tick', null, { invalid: true })]);
    expect(s.endpoints.g).toEqual({ family: 'generic', events: 4, types: { tick: 3, message: 1 }, invalid: 1 });
  });

  it('treats an unknown family as generic', () => {
    const ev = endpoint('g', 'generic')('tick', {});
    const s = foldEvent(emptyState(), { ...ev, typed: { ...ev.typed, family: 'martian' as never } });
    expect(s.endpoints.g?.family).toBe('generic');
  });
});
