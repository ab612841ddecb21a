import { describe, expect, it } from 'vitest';
import { emptyKanban, reduceKanban, type KanbanState } from '../../../lib/state/kanban';
import { refKey, touchedBy, traceLinks } from '../../../lib/stateview/entities';
import { boardLayout, latestAttempt } from '../../../lib/stateview/kanban-board';
import { sparkPoints } from '../../../lib/stateview/sparkline';
import { toneOf } from '../../../lib/stateview/tone';
import { endpoint } from '../state/events';

describe('boardLayout', () => {
  const emit = endpoint('kb', 'kanban');
  let s: KanbanState = emptyKanban();
  for (const ev of [
    emit('state', {
      board: { id: 'b', name: 'B' },
      columns: [
        { id: 'todo', cardIds: ['c1', 'ghost', 'c2'] },
        { id: 'done', cardIds: ['c2'] },
      ],
      cards: { c1: { id: 'c1', columnId: 'todo' }, c2: { id: 'c2', columnId: 'done' }, c3: { id: 'c3', columnId: 'done' }, c4: { id: 'c4', columnId: 'nowhere' } },
    }),
    emit('attempt_started', { attemptId: 'a1', cardId: 'c1' }),
    emit('attempt_status', { attemptId: 'a1', cardId: 'c1', status: 'failed' }),
    emit('attempt_started', { attemptId: 'a2', cardId: 'c1' }),
    emit('attempt_status', { attemptId: 'a2', cardId: 'c1', status: 'running' }),
    emit('attempt_status', { attemptId: 'a9', cardId: 'elsewhere', status: 'queued' }),
  ])
    s = reduceKanban(s, ev);

  it('places cards by the columns that list them, then by their columnId', () => {
    const { columns, unplaced, loose } = boardLayout(s);
    expect(columns.map((c) => [c.id, c.cards.map((x) => x.id)])).toEqual([
      ['todo', ['c1', 'c2']],
      ['done', ['c3']],
    ]);
    expect(unplaced.map((c) => c.id)).toEqual(['c4']);
    expect(loose.map((a) => a.id)).toEqual(['a9']);
  });

  it("takes a card's newest attempt", () => {
    expect(latestAttempt(s, 'c1')?.status).toBe('running');
    expect(latestAttempt(s, 'c3')).toBeUndefined();
  });

  it('links an entity to its events, newest first', () => {
    const a1 = s.attempts.a1!;
    expect(traceLinks(a1.trace).map((l) => l.key)).toEqual(['kb#3', 'kb#2']);
  });
});

describe('view helpers', () => {
  it('collects the entities an event touched', () => {
    const typed = { entities: [{ kind: 'card' as const, id: 'c1' }, { kind: 'attempt' as const, id: 'a1' }] };
    const set = touchedBy(typed as Parameters<typeof touchedBy>[0]);
    expect(set.has(refKey('card', 'c1'))).toBe(true);
    expect(set.has(refKey('card', 'a1'))).toBe(false);
    expect(touchedBy(undefined).size).toBe(0);
  });

  it('draws a sparkline over the series range', () => {
    expect(sparkPoints([0, 5, 10], 20, 10)).toBe('0,10 10,5 20,0');
    expect(sparkPoints([3, 3], 10, 8)).toBe('0,4 10,4');
    expect(sparkPoints([1, undefined, 2], 10, 10)).toBe('0,10 10,0');
    expect(sparkPoints([], 10, 10)).toBe('');
  });

  it('colours statuses by meaning and leaves unknown words neutral', () => {
    expect(toneOf('succeeded')).toBe('ok');
    expect(toneOf('FAILED')).toBe('err');
    expect(toneOf('running')).toBe('run');
    expect(toneOf('constructor')).toBe('idle');
    expect(toneOf(undefined)).toBe('idle');
  });
});
