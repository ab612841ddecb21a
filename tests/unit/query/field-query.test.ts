import { describe, expect, it } from 'vitest';
import { matchFieldQuery, parseFieldQuery } from '../../../lib/query/field-query';

const match = (q: string, data: unknown): boolean => {
  const r = parseFieldQuery(q);
  if (!r.ok) throw new Error(r.error);
  return matchFieldQuery(r.clauses, data);
};

describe('field query parser', () => {
  it('reads each operator', () => {
    expect(parseFieldQuery('payload.status=failed')).toEqual({ ok: true, clauses: [{ path: ['payload', 'status'], op: '=', value: 'failed' }] });
    expect(parseFieldQuery('a!=b')).toEqual({ ok: true, clauses: [{ path: ['a'], op: '!=', value: 'b' }] });
    expect(parseFieldQuery('a~HeLLo')).toEqual({ ok: true, clauses: [{ path: ['a'], op: '~', value: 'hello' }] });
    expect(parseFieldQuery('payload.error')).toEqual({ ok: true, clauses: [{ path: ['payload', 'error'], op: 'exists', value: '' }] });
  });

  it('splits clauses on spaces outside quotes and brackets', () => {
    const r = parseFieldQuery('name="two words"  a["b c"]=1');
    expect(r).toEqual({
      ok: true,
      clauses: [
        { path: ['name'], op: '=', value: 'two words' },
        { path: ['a', 'b c'], op: '=', value: '1' },
      ],
    });
  });

  it('keeps operators inside quoted keys and values', () => {
    expect(parseFieldQuery('a["x=y"]=b=c')).toEqual({ ok: true, clauses: [{ path: ['a', 'x=y'], op: '=', value: 'b=c' }] });
  });

  it('explains errors', () => {
    expect(parseFieldQuery('=x')).toMatchObject({ ok: false, error: expect.stringContaining('Missing field path') });
    expect(parseFieldQuery('a="open')).toMatchObject({ ok: false, error: 'Unclosed quote' });
    expect(parseFieldQuery('a..b=1').ok).toBe(false);
  });

  it('an empty query matches everything', () => {
    expect(match('   ', { a: 1 })).toBe(true);
  });
});

describe('field query matching', () => {
  const data = { type: 'task_update', payload: { status: 'failed', id: 7, ok: false, tags: ['x', 'y'], items: [{ name: 'Alpha' }], deep: { a: { b: 'c' } } } };

  it('= compares as text, on nested paths and array items', () => {
    expect(match('payload.status=failed', data)).toBe(true);
    expect(match('payload.status=Failed', data)).toBe(false);
    expect(match('payload.id=7', data)).toBe(true);
    expect(match('payload.ok=false', data)).toBe(true);
    expect(match('payload.deep.a.b=c', data)).toBe(true);
    expect(match('payload.items[0].name=Alpha', data)).toBe(true);
    expect(match('payload.items.0.name=Alpha', data)).toBe(true);
    expect(match('payload.missing=x', data)).toBe(false);
  });

  it('!= also matches a missing field', () => {
    expect(match('payload.status!=failed', data)).toBe(false);
    expect(match('payload.status!=running', data)).toBe(true);
    expect(match('payload.missing!=x', data)).toBe(true);
  });

  it('~ is a case-insensitive contains, objects searched as JSON', () => {
    expect(match('payload.items[0].name~alp', data)).toBe(true);
    expect(match('payload.tags~"y"', data)).toBe(true);
    expect(match('payload.items~alpha', data)).toBe(true);
    expect(match('payload.status~run', data)).toBe(false);
  });

  it('all clauses must hold', () => {
    expect(match('type=task_update payload.status=failed', data)).toBe(true);
    expect(match('type=task_update payload.status=running', data)).toBe(false);
  });

  it('non-JSON data has no fields', () => {
    expect(match('a=1', undefined)).toBe(false);
    expect(match('a', 'text')).toBe(false);
  });
});
