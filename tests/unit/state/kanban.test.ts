import { describe, expect, it } from 'vitest';
import { attemptsOfCard, emptyKanban, LOG_CAP, reduceKanban, type KanbanState } from '../../../lib/state/kanban';
import { endpoint, type Emit } from './events';

const fold = (emit: Emit, steps: [string, unknown, { invalid?: boolean }?][], s: KanbanState = emptyKanban()) =>
  steps.reduce((acc, [type, payload, opts]) => reduceKanban(acc, emit(type, payload, opts)), s);

const snapshot = (cards: Record<string, string>, title = 'To do') => ({
  board: { id: 'b1', name: 'Board' },
  columns: [
    { id: 'todo', title, cardIds: Object.keys(cards).filter((c) => cards[c] === 'todo') },
    { id: 'done', title: 'Done', cardIds: Object.keys(cards).filter((c) => cards[c] === 'done') },
  ],
  cards: Object.fromEntries(Object.entries(cards).map(([id, columnId]) => [id, { id, title: `Card ${id}`, columnId }])),
});

describe('kanban reducer', () => {
  it('takes the board from a state snapshot', () => {
    const s = fold(endpoint('kb', 'kanban'), [['state', snapshot({ c1: 'todo', c2: 'done' })]]);
    expect(s.board).toMatchObject({ id: 'b1', name: 'Board' });
    expect(s.columns.map((c) => [c.id, c.cardIds])).toEqual([['todo', ['c1']], ['done', ['c2']]]);
    expect(s.cards.c1).toMatchObject({ id: 'c1', title: 'Card c1', columnId: 'todo', trace: { endpointId: 'kb', seqs: [1] } });
  });

  it('attaches attempt events to their attempt and card', () => {
    const s = fold(endpoint('kb', 'kanban'), [
      ['state', snapshot({ c1: 'todo' })],
      ['attempt_started', { attemptId: 'a1', cardId: 'c1', agent: 'atlas' }],
      ['attempt_status', { attemptId: 'a1', cardId: 'c1', status: 'running' }],
      ['attempt_log', { attemptId: 'a1', cardId: 'c1', line: 'npm test', level: 'info' }],
      ['conversation_item', { attemptId: 'a1', cardId: 'c1', role: 'assistant', text: 'On it' }],
      ['attempt_session', { attemptId: 'a1', cardId: 'c1', sessionId: 'ses1', worktree: '/w/a1' }],
      ['attempt_todos', { attemptId: 'a1', cardId: 'c1', todos: [{ text: 'write test', done: true }, { text: 'fix' }] }],
      ['git_status', { attemptId: 'a1', cardId: 'c1', branch: 'a1', ahead: 1, behind: 0, dirty: false }],
      ['git_commit', { attemptId: 'a1', cardId: 'c1', sha: 'abc', message: 'fix' }],
      ['git_push', { attemptId: 'a1', cardId: 'c1', branch: 'a1', remote: 'origin' }],
      ['attempt_pr', { attemptId: 'a1', cardId: 'c1', url: 'https://x/pr/7', number: 7 }],
      ['attempt_status', { attemptId: 'a1', cardId: 'c1', status: 'succeeded' }],
    ]);
    const a = s.attempts.a1;
    expect(a).toMatchObject({
      id: 'a1',
      cardId: 'c1',
      agent: 'atlas',
      status: 'succeeded',
      startedAt: 1_002_000,
      logs: [{ seq: 4, line: 'npm test', level: 'info' }],
      conversation: [{ seq: 5, role: 'assistant', text: 'On it' }],
      session: { sessionId: 'ses1', worktree: '/w/a1' },
      todos: [{ text: 'write test', done: true }, { text: 'fix', done: false }],
      gitStatus: { branch: 'a1', ahead: 1, behind: 0, dirty: false },
      commits: [{ seq: 9, sha: 'abc', message: 'fix' }],
      lastPush: { branch: 'a1', remote: 'origin' },
      pr: { url: 'https://x/pr/7', number: 7 },
    });
    expect(a?.trace.seqs).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(attemptsOfCard(s, 'c1').map((x) => x.id)).toEqual(['a1']);
  });

  it('records attempts of cards not on the board without inventing cards', () => {
    const s = fold(endpoint('kb', 'kanban'), [
      ['state', snapshot({ c1: 'todo' })],
      ['attempt_log', { attemptId: 'a9', cardId: 'ghost', line: 'hello' }],
    ]);
    expect(s.attempts.a9).toMatchObject({ cardId: 'ghost', logs: [{ line: 'hello' }] });
    expect(s.attempts.a9?.status ?? s.attempts.a9?.startedAt).toBeUndefined();
    expect(Object.keys(s.cards)).toEqual(['c1']);
  });

  it('keeps attempts across a second snapshot that replaces columns and cards', () => {
    const emit = endpoint('kb', 'kanban');
    const first = fold(emit, [
      ['state', snapshot({ c1: 'todo', c2: 'todo' })],
      ['attempt_started', { attemptId: 'a1', cardId: 'c1' }],
    ]);
    const second = fold(emit, [['state', snapshot({ c1: 'done' })]], first);
    expect(Object.keys(second.cards)).toEqual(['c1']);
    expect(second.cards.c1?.columnId).toBe('done');
    expect(second.columns.map((c) => c.cardIds)).toEqual([[], ['c1']]);
    expect(second.attempts).toBe(first.attempts);
  });

  it('treats a repeated snapshot as a no-op and shares what did not change', () => {
    const emit = endpoint('kb', 'kanban');
    const s1 = fold(emit, [['state', snapshot({ c1: 'todo', c2: 'done' })]]);
    expect(fold(emit, [['state', snapshot({ c1: 'todo', c2: 'done' })]], s1)).toBe(s1);
    const s2 = fold(emit, [['state', snapshot({ c1: 'todo', c2: 'done' }, 'Backlog')]], s1);
    expect(s2.cards).toBe(s1.cards);
    expect(s2.columns[1]).toBe(s1.columns[1]);
    expect(s2.columns[0]?.title).toBe('Backlog');
  });

  it('is idempotent for repeated status, commit and todo events', () => {
    const emit = endpoint('kb', 'kanban');
    const s = fold(emit, [
      ['attempt_status', { attemptId: 'a1', cardId: 'c1', status: 'running' }],
      ['git_commit', { attemptId: 'a1', cardId: 'c1', sha: 'abc', message: 'm' }],
      ['attempt_todos', { attemptId: 'a1', cardId: 'c1', todos: [{ text: 't', done: false }] }],
    ]);
    for (const [type, payload] of [
      ['attempt_status', { attemptId: 'a1', cardId: 'c1', status: 'running' }],
      ['git_commit', { attemptId: 'a1', cardId: 'c1', sha: 'abc', message: 'm' }],
      ['attempt_todos', { attemptId: 'a1', cardId: 'c1', todos: [{ text: 't', done: false }] }],
    ] as const) {
      expect(reduceKanban(s, emit(type, payload))).toBe(s);
    }
  });

  it('does not let a late attempt_started reset what later events set', () => {
    const s = fold(endpoint('kb', 'kanban'), [
      ['attempt_status', { attemptId: 'a1', cardId: 'c1', status: 'succeeded' }],
      ['attempt_started', { attemptId: 'a1', cardId: 'c1' }],
    ]);
    expect(s.attempts.a1).toMatchObject({ status: 'succeeded', startedAt: 1_002_000 });
  });

  it('caps attempt logs at the newest lines', () => {
    const emit = endpoint('kb', 'kanban');
    let s = emptyKanban();
    for (let i = 0; i < LOG_CAP + 20; i++) s = reduceKanban(s, emit('attempt_log', { attemptId: 'a1', cardId: 'c1', line: `l${i}` }));
    const logs = s.attempts.a1?.logs ?? [];
    expect(logs).toHaveLength(LOG_CAP);
    expect(logs[0]?.line).toBe('l20');
    expect(logs.at(-1)?.line).toBe(`l${LOG_CAP + 19}`);
  });

  it('keeps the agent list and profiles from agent events', () => {
    const s = fold(endpoint('kb', 'kanban'), [
      ['agent_registered', { agent: { id: 'agent-1', name: 'Atlas', kind: 'worker' } }],
      ['agent_profile', { action: 'created', profile: { id: 'p1', name: 'Default', model: 'm1' } }],
      ['agent_profile', { action: 'created', profile: { id: 'p2', name: 'Other' } }],
      ['agent_profile', { action: 'updated', profile: { id: 'p1', name: 'Default', model: 'm2' } }],
      ['agent_profile', { action: 'deleted', profile: { id: 'p2', name: 'Other' } }],
    ]);
    expect(s.agents['agent-1']).toMatchObject({ name: 'Atlas', kind: 'worker' });
    expect(Object.keys(s.profiles)).toEqual(['p1']);
    expect(s.profiles.p1).toMatchObject({ model: 'm2', trace: { seqs: [2, 4] } });
  });

  it('keeps the latest dashboard overview and heartbeat', () => {
    const s = fold(endpoint('dash', 'kanban'), [
      ['hello', { serverTime: '2024-01-01T00:00:00Z' }],
      ['dashboard_overview', { boards: 1, cards: 3, activeAttempts: 1, agents: 2, byStatus: { running: 1 } }],
      ['dashboard_overview', { boards: 2, cards: 5, activeAttempts: 0, agents: 2 }],
      ['heartbeat', { serverTime: '2024-01-01T00:00:15Z' }],
    ]);
    expect(s.dashboard?.overview).toEqual({ boards: 2, cards: 5, activeAttempts: 0, agents: 2 });
    expect(s.serverTime).toBe('2024-01-01T00:00:15Z');
    expect(s.lastHeartbeat).toBe(1_004_000);
  });

  it('applies invalid events only where safe and marks what they touched', () => {
    const s = fold(endpoint('kb', 'kanban'), [
      ['attempt_status', { attemptId: 'a1', cardId: 'c1', status: 'running' }],
      ['attempt_status', { attemptId: 'a1', cardId: 'c1', status: 42 }, { invalid: true }],
      ['attempt_log', { attemptId: 'a1', line: 'kept', level: 7 }, { invalid: true }],
      ['attempt_log', { line: 'no attempt id' }, { invalid: true }],
      ['agent_profile', { action: 'renamed', profile: { id: 'nobody' } }, { invalid: true }],
    ]);
    expect(s.attempts.a1).toMatchObject({ status: 'running', logs: [{ line: 'kept', level: undefined }] });
    expect(s.attempts.a1?.trace.invalidSeqs).toEqual([2, 3]);
    expect(s.profiles).toEqual({});
  });

  it('ignores unknown types, sent frames and odd payloads without throwing', () => {
    const emit = endpoint('kb', 'kanban');
    const s = emptyKanban();
    for (const payload of [undefined, null, 3, 'x', [], { attemptId: {} }, { board: 5, columns: 'no', cards: [] }]) {
      for (const type of ['state', 'attempt_log', 'agent_profile', 'dashboard_overview', 'mystery', 'constructor']) {
        expect(() => reduceKanban(s, emit(type, payload, { invalid: true }))).not.toThrow();
      }
    }
    expect(reduceKanban(s, emit('mystery', { attemptId: 'a1' }))).toBe(s);
    expect(reduceKanban(s, emit('attempt_log', { attemptId: 'a1', line: 'x' }, { dir: 'out' }))).toBe(s);
  });

  it('keeps ids such as __proto__ as ordinary entries', () => {
    const s = fold(endpoint('kb', 'kanban'), [
      ['state', JSON.parse('{"cards":{"__proto__":{"title":"odd"}},"columns":[]}')],
      ['attempt_log', { attemptId: '__proto__', line: 'x' }],
    ]);
    expect(Object.keys(s.cards)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(s.attempts)).toBe(Object.prototype);
    expect(Object.hasOwn(s.attempts, '__proto__')).toBe(true);
  });
});
