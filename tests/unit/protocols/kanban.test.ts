import { describe, expect, it } from 'vitest';
import { typeEvent } from '../../../lib/protocols';
import { MARKUP, sse } from '../../fixtures/protocols/build';
import { KANBAN } from '../../fixtures/protocols/kanban';

const type = (ev: Parameters<typeof typeEvent>[0]) => typeEvent(ev, 'kanban');
const at = { attemptId: 'att-1', cardId: 'c-12' };

describe('kanban profile', () => {
  it('summarises attempt events by card', () => {
    expect(type(sse('attempt_status', { ...at, status: 'running' }))).toMatchObject({
      type: 'attempt_status',
      category: 'data',
      summary: 'attempt_status  card c-12 → running',
      entities: [{ kind: 'card', id: 'c-12' }, { kind: 'attempt', id: 'att-1' }],
      issues: [],
    });
    expect(type(KANBAN.attempt_started!.valid[0]!).entities).toEqual([
      { kind: 'card', id: 'c-12' },
      { kind: 'attempt', id: 'att-1' },
      { kind: 'agent', id: 'agent-atlas' },
    ]);
    expect(type(KANBAN.git_commit!.valid[0]!).summary).toBe('git_commit  card c-12 commit 0123456 "Fix the flaky upload test (c-12)"');
    expect(type(KANBAN.git_status!.valid[0]!).summary).toBe('git_status  card c-12 atlas/c-12 ↑1 ↓0 clean');
    expect(type(KANBAN.attempt_todos!.valid[0]!).summary).toBe('attempt_todos  card c-12 todos 1/2 done');
    expect(type(KANBAN.attempt_pr!.valid[0]!).summary).toBe('attempt_pr  card c-12 PR #42 "Fix the flaky upload test"');
  });

  it('categorises connection, heartbeat, logs and failures', () => {
    expect(type(KANBAN.hello!.valid[0]!).category).toBe('lifecycle');
    expect(type(KANBAN.heartbeat!.valid[0]!).category).toBe('heartbeat');
    expect(type(KANBAN.attempt_log!.valid[0]!)).toMatchObject({ category: 'log', summary: 'attempt_log  card c-12 Installing dependencies' });
    expect(type(KANBAN.attempt_log!.valid[1]!).category).toBe('error');
    expect(type(sse('attempt_status', { ...at, status: 'failed' })).category).toBe('error');
  });

  it('summarises snapshots', () => {
    expect(type(KANBAN.state!.valid[0]!)).toMatchObject({
      category: 'lifecycle',
      summary: 'state  board b-1 "Sprint 12" · 2 columns · 2 cards',
      entities: [{ kind: 'board', id: 'b-1' }],
    });
    expect(type(KANBAN.dashboard_overview!.valid[0]!).summary).toBe('dashboard_overview  4 boards · 23 cards · 2 active · 3 agents');
  });

  it('reports nested schema failures with dotted paths', () => {
    const t = type(KANBAN.state!.invalid[0]!.event);
    expect(t.issues).toEqual([{ path: 'columns.0.cardIds', message: 'Invalid input: expected array, received string' }]);
    expect(t.summary).toBe('state  board b-1 "Sprint 12" · 1 column · 0 cards');
  });

  it('keeps unknown types as unknown', () => {
    expect(type(sse('card_archived', { cardId: 'c-1' }))).toMatchObject({
      known: false,
      category: 'data',
      issues: [],
      entities: [],
      summary: 'card_archived  {cardId: "c-1"}',
    });
  });

  it('flags data that is not JSON', () => {
    const t = type(sse('heartbeat', ':-)'));
    expect(t.issues.map((i) => i.path)).toEqual(['']);
    expect(t.summary).toBe('heartbeat  :-)');
  });

  it('carries markup verbatim as text', () => {
    expect(type(sse('attempt_log', { ...at, line: MARKUP })).summary).toBe(`attempt_log  card c-12 ${MARKUP}`);
  });
});
