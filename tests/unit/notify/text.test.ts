import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { MESSAGE_MAX, notificationText, TITLE_MAX } from '../../../lib/notify/text';

const ev = (data: string, name?: string): StreamEvent => ({
  endpointId: 'e',
  seq: 1,
  time: 0,
  dir: 'in',
  transport: name ? 'sse' : 'ws',
  name,
  data,
  size: data.length,
});
const text = (type: string, payload: unknown) => notificationText(ev(JSON.stringify(payload)), type, payload);

describe('notificationText', () => {
  it('uses a notification’s own title and message', () => {
    expect(text('notification', { type: 'notification', data: { id: 'n1', title: 'Build done', message: 'All green' } })).toEqual({
      title: 'Build done',
      message: 'All green',
    });
  });

  it('announces a system announcement with its message', () => {
    expect(text('system_announcement', { type: 'system_announcement', message: 'Maintenance at 22:00' })).toEqual({
      title: 'Announcement',
      message: 'Maintenance at 22:00',
    });
    expect(text('system_announcement', { type: 'system_announcement', data: { message: 'From data' } }).message).toBe('From data');
  });

  it('names the PR and the card of an attempt_pr', () => {
    expect(text('attempt_pr', { attemptId: 'a-1', cardId: 'c-3', number: 12, url: 'https://x/pr/12', title: 'Fix login' })).toEqual({
      title: 'PR #12 opened for card c-3',
      message: 'Fix login',
    });
  });

  it('describes failed tasks of both shapes', () => {
    expect(text('task_update', { type: 'task_update', payload: { id: 't-1', state: 'failed', error: 'OOM' } })).toEqual({
      title: 'Task t-1 failed',
      message: 'OOM',
    });
    expect(text('task_update', { type: 'task_update', data: { task_id: 't-2', action: 'failed' } }).title).toBe('Task t-2 failed');
  });

  it('describes hook results and plan state changes', () => {
    expect(text('hook_result', { action: 'flag', findings: ['PII on page 2', 'Missing signature'] })).toEqual({
      title: 'Hook result: flag',
      message: 'PII on page 2; Missing signature',
    });
    expect(text('plan.state.changed', { plan_id: 'p-7', state: 'awaiting_approval' })).toEqual({
      title: 'Plan p-7 is awaiting approval',
      message: '',
    });
  });

  it('describes other types with the profile summary, a text field, or the data', () => {
    const status = { attemptId: 'a-1', cardId: 'c-2', status: 'failed' };
    const described = notificationText(ev(JSON.stringify(status), 'attempt_status'), 'attempt_status', status, 'kanban');
    expect(described.title).toBe('attempt status');
    expect(described.message).toContain('failed');
    expect(described.message).not.toContain('{');
    expect(text('custom_thing', { type: 'custom_thing', data: { text: 'hello' } })).toEqual({ title: 'custom thing', message: 'hello' });
    expect(notificationText(ev('plain   text\nline'), 'message', undefined)).toEqual({ title: 'message', message: 'plain text line' });
    expect(text('notification', { type: 'notification', data: {} }).title).toBe('notification');
  });

  it('bounds long text and keeps markup as text', () => {
    const long = 'x'.repeat(1000);
    const t = text('notification', { data: { title: long, message: `<img src=x onerror=alert(1)>${long}` } });
    expect(t.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(t.title.endsWith('…')).toBe(true);
    expect(t.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(t.message.startsWith('<img')).toBe(true);
  });
});
