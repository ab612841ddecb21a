import { describe, expect, it } from 'vitest';
import { typeEvent } from '../../../lib/protocols';
import { MARKUP, ws } from '../../fixtures/protocols/build';
import { NOTIFICATIONS } from '../../fixtures/protocols/notifications';

const type = (ev: Parameters<typeof typeEvent>[0]) => typeEvent(ev, 'notifications');
const timestamp = '2024-05-01T10:00:00.000Z';

describe('notifications profile', () => {
  it('summarises messages from their data', () => {
    expect(type(NOTIFICATIONS.connection_ack!.valid[0]!)).toMatchObject({
      category: 'lifecycle',
      summary: 'connection_ack  user user-1',
      entities: [{ kind: 'user', id: 'user-1' }],
    });
    expect(type(NOTIFICATIONS.notification!.valid[0]!)).toMatchObject({
      category: 'notification',
      summary: 'notification  [error] "Deploy failed" staging: health check timed out',
      entities: [{ kind: 'notification', id: 'ntf-1' }],
    });
    expect(type(NOTIFICATIONS.system_announcement!.valid[0]!)).toMatchObject({
      category: 'notification',
      summary: 'system_announcement  "Scheduled maintenance on Sunday 02:00-03:00 UTC"',
    });
    expect(type(NOTIFICATIONS.chat_message!.valid[0]!).summary).toBe('chat_message  support-bot: "Your export is ready to download."');
  });

  it('categorises heartbeats and failed tasks', () => {
    expect(type(NOTIFICATIONS.pong!.valid[0]!).category).toBe('heartbeat');
    expect(type(NOTIFICATIONS.ping!.valid[0]!)).toMatchObject({ category: 'heartbeat', summary: 'ping  keep-alive', known: true });
    expect(type(NOTIFICATIONS.task_update!.valid[1]!)).toMatchObject({ category: 'error', summary: 'task_update  task task-2 failed' });
  });

  it('accepts any plugin *_update with object data', () => {
    expect(type(NOTIFICATIONS['*_update']!.valid[0]!)).toMatchObject({
      type: 'report_update',
      known: true,
      issues: [],
      summary: 'report_update  generated · {report_id: "rpt-1", name: "Weekly usage", status: "ready"}',
    });
    expect(type(ws({ type: 'billing_update', data: {}, timestamp })).known).toBe(true);
    // The pattern needs something before the suffix.
    expect(type(ws({ type: '_update', data: {}, timestamp })).known).toBe(false);
  });

  it('reports schema failures under data', () => {
    expect(type(NOTIFICATIONS.notification!.invalid[0]!.event).issues).toEqual([
      { path: 'data.title', message: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('keeps unknown types as unknown', () => {
    expect(type(ws({ type: 'typing', data: { agent: 'bot' }, timestamp }))).toMatchObject({ known: false, category: 'data', issues: [] });
  });

  it('types text frames that are not JSON as unknown messages', () => {
    // Without JSON there is no `type`: the frame is a plain `message`, which the profile does not list.
    expect(type({ ...ws(null), data: 'hello there' })).toMatchObject({ type: 'message', known: false, issues: [], summary: 'message  hello there' });
  });

  it('carries markup verbatim as text', () => {
    const t = type(ws({ type: 'notification', data: { id: 'n', title: MARKUP, message: MARKUP }, timestamp }));
    expect(t.summary).toBe(`notification  "${MARKUP}" ${MARKUP}`);
  });
});
