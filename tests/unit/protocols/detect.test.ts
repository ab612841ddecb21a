import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { detectFamily } from '../../../lib/protocols';
import { frame, sse, unnamed, ws } from '../../fixtures/protocols/build';
import { FIXTURES } from '../../fixtures/protocols';

const TIME = '2024-05-01T10:00:00Z';

describe('detectFamily', () => {
  it('recognises a Kanban board from hello + state', () => {
    const events = [sse('hello', { serverTime: TIME }), FIXTURES.kanban.state!.valid[0]!];
    expect(detectFamily(events.slice(0, 1))).toBeUndefined();
    expect(detectFamily(events)?.family).toBe('kanban');
  });

  it('recognises the Kanban dashboard', () => {
    expect(detectFamily([sse('hello', { serverTime: TIME }), FIXTURES.kanban.dashboard_overview!.valid[0]!])?.family).toBe('kanban');
  });

  it('recognises plans from plan.* names', () => {
    expect(detectFamily([FIXTURES.plans['plan.created']!.valid[0]!])).toMatchObject({ family: 'plans' });
  });

  it('recognises OpenCode from its unnamed typed events', () => {
    const r = detectFamily([unnamed({ type: 'server.connected' })]);
    expect(r?.family).toBe('opencode');
    expect(r?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises OfficePlane dashboard frames and job, team and hook streams', () => {
    expect(detectFamily([ws({ type: 'instance_update', payload: { id: 'i', state: 'opened' } })])?.family).toBe('officeplane');
    expect(detectFamily([sse('start', { job_id: 'j' })])).toBeUndefined();
    expect(detectFamily([sse('start', { job_id: 'j' }), sse('delta', { text: 'a' })])?.family).toBe('officeplane');
    expect(detectFamily([sse('team_started', { num_teammates: 2 })])?.family).toBe('officeplane');
    expect(detectFamily([sse('hook_triggered', { hook_id: 'h', document_id: 'd' })])?.family).toBe('officeplane');
  });

  it('recognises notifications from connection_ack, and tells their task_update from OfficePlane’s', () => {
    expect(detectFamily([FIXTURES.notifications.connection_ack!.valid[0]!])?.family).toBe('notifications');
    const note = ws({ type: 'task_update', action: 'created', data: { task_id: 't', action: 'created' }, timestamp: TIME });
    const op = ws({ type: 'task_update', payload: { id: 't', state: 'queued' } });
    expect(detectFamily([note, note])?.family).toBe('notifications');
    expect(detectFamily([op])?.family).toBe('officeplane');
  });

  it('ignores markers and sent frames', () => {
    const sys = frame({ transport: 'sse', dir: 'sys', name: 'connected', data: '{"message":"Connected"}' });
    const out = ws({ type: 'instance_update', payload: {} }, 'out');
    expect(detectFamily([sys, out])).toBeUndefined();
  });

  it('waits, then settles on generic for anything else', () => {
    const other: StreamEvent[] = Array.from({ length: 10 }, (_, i) => sse('tick', { n: i }));
    expect(detectFamily(other.slice(0, 3))).toBeUndefined();
    expect(detectFamily(other)).toEqual({ family: 'generic', confidence: 1 });
    expect(detectFamily(Array.from({ length: 10 }, () => frame({ transport: 'ws', data: 'plain text' })))?.family).toBe('generic');
  });
});
