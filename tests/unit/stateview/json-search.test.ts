import { describe, expect, it } from 'vitest';
import { JsonSearch, leafText } from '../../../lib/stateview/json-search';

const state = {
  endpoints: {
    kb: { family: 'kanban', cards: { c1: { title: 'Fix login', assignee: 'Ana' }, c2: { title: 'Docs' } }, columns: [{ id: 'todo' }, { id: 'done' }] },
    pl: { family: 'plans', plans: { 'p-1': { state: 'running' } } },
  },
};
const keysOf = (s: JsonSearch, v: object, all = false) => s.entries(v, all).map((e) => e.key);

describe('JsonSearch', () => {
  it('lists everything without a query', () => {
    const s = new JsonSearch('  ');
    expect(s.active).toBe(false);
    expect(keysOf(s, state.endpoints.kb)).toEqual(['family', 'cards', 'columns']);
  });

  it('keeps the branches leading to matching values, case-insensitively', () => {
    const s = new JsonSearch('LOGIN');
    expect(keysOf(s, state.endpoints)).toEqual(['kb']);
    expect(keysOf(s, state.endpoints.kb)).toEqual(['cards']);
    expect(keysOf(s, state.endpoints.kb.cards)).toEqual(['c1']);
    expect(keysOf(s, state.endpoints.kb.cards.c1)).toEqual(['title']);
  });

  it('shows all of a matching key, and marks it', () => {
    const s = new JsonSearch('cards');
    const [cards] = s.entries(state.endpoints.kb);
    expect(cards).toMatchObject({ key: 'cards', keyHit: true });
    expect(keysOf(s, state.endpoints.kb.cards, true)).toEqual(['c1', 'c2']);
  });

  it('matches numbers and booleans as text but not array indices', () => {
    expect(keysOf(new JsonSearch('1'), state.endpoints)).toEqual(['kb', 'pl']);
    expect(new JsonSearch('0').contains(state.endpoints.kb.columns)).toBe(false);
    expect(new JsonSearch('true').contains({ a: [1, true] })).toBe(true);
    expect(new JsonSearch('null').contains({ a: null })).toBe(true);
  });

  it('says when nothing matches', () => {
    expect(new JsonSearch('zzz').contains(state)).toBe(false);
  });

  it('stops at a depth so a deeply nested payload cannot exhaust the stack', () => {
    let deep: unknown = 'needle';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(new JsonSearch('needle').contains(deep)).toBe(false);
  });

  it('shows leaves with strings quoted', () => {
    expect([leafText('1'), leafText(1), leafText(null), leafText(false)]).toEqual(['"1"', '1', 'null', 'false']);
  });
});
