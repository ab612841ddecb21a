import { describe, expect, it } from 'vitest';
import { matchFieldQuery, parseFieldQuery } from '../../../lib/query/field-query';

const match = (q: string, data: unknown): boolean => {
  const r = parseFieldQuery(q);
  if (!r.ok) throw new Error(r.error);
  return matchFieldQuery(r.query, data);
};

describe('field query parser', () => {
  it('reads each operator', () => {
    expect(parseFieldQuery('payload.status=failed')).toEqual({ ok: true, query: { kind: 'compare', path: ['payload', 'status'], op: '=', value: 'failed' } });
    expect(parseFieldQuery('a!=b')).toEqual({ ok: true, query: { kind: 'compare', path: ['a'], op: '!=', value: 'b' } });
    expect(parseFieldQuery('a~HeLLo')).toEqual({ ok: true, query: { kind: 'compare', path: ['a'], op: '~', value: 'hello' } });
    expect(parseFieldQuery('payload.error')).toEqual({ ok: true, query: { kind: 'exists', path: ['payload', 'error'] } });
    expect(parseFieldQuery('n >= 15')).toEqual({ ok: true, query: { kind: 'compare', path: ['n'], op: '>=', value: '15' } });
    expect(parseFieldQuery('s in (a, "b c")')).toEqual({ ok: true, query: { kind: 'in', path: ['s'], values: ['a', 'b c'] } });
  });

  it('splits clauses on spaces outside quotes and brackets', () => {
    const r = parseFieldQuery('name="two words"  a["b c"]=1');
    expect(r).toEqual({
      ok: true,
      query: {
        kind: 'and',
        exprs: [
          { kind: 'compare', path: ['name'], op: '=', value: 'two words' },
          { kind: 'compare', path: ['a', 'b c'], op: '=', value: '1' },
        ],
      },
    });
  });

  it('keeps operators inside quoted keys and values', () => {
    expect(parseFieldQuery('a["x=y"]=b=c')).toEqual({ ok: true, query: { kind: 'compare', path: ['a', 'x=y'], op: '=', value: 'b=c' } });
  });

  it('explains errors', () => {
    expect(parseFieldQuery('=x')).toMatchObject({ ok: false, error: expect.stringContaining('Missing field path') });
    expect(parseFieldQuery('a="open')).toMatchObject({ ok: false, error: 'Unclosed quote (at 3)', at: 2 });
    expect(parseFieldQuery('n>')).toMatchObject({ ok: false, error: expect.stringContaining('Expected a value after ">"') });
    expect(parseFieldQuery('n>15 and')).toMatchObject({ ok: false, error: expect.stringContaining('Expected a field path') });
    expect(parseFieldQuery('(a=1 or b=2')).toMatchObject({ ok: false, error: 'Missing ")" (at 1)' });
    expect(parseFieldQuery('a=1)')).toMatchObject({ ok: false, error: expect.stringContaining('Unmatched ")"') });
    expect(parseFieldQuery('s in a, b')).toMatchObject({ ok: false, error: expect.stringContaining('Expected a list after "in"') });
    expect(parseFieldQuery('s in ()')).toMatchObject({ ok: false, error: expect.stringContaining('The list is empty') });
    expect(parseFieldQuery('s in (a, b')).toMatchObject({ ok: false, error: expect.stringContaining('Missing ")"') });
    expect(parseFieldQuery('or a=1')).toMatchObject({ ok: false, error: expect.stringContaining('before "or"') });
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

  it('compares numbers as numbers, and other values in text order', () => {
    const n = (v: unknown) => ({ n: v });
    expect([5, 15, 16, 100, '20', 'x', null].filter((v) => match('n>15', n(v)))).toEqual([16, 100, '20']);
    expect([14, 15, 16].filter((v) => match('n>=15', n(v)))).toEqual([15, 16]);
    expect([14, 15, 16].filter((v) => match('n<15', n(v)))).toEqual([14]);
    expect([14, 15, 16].filter((v) => match('n<=15', n(v)))).toEqual([14, 15]);
    expect(match('n=15', n(15.0))).toBe(true);
    expect(match('n=15.0', n(15))).toBe(true);
    expect(match('at>2024-06-01', { at: '2024-07-01T00:00:00Z' })).toBe(true);
    expect(match('at<2024-06-01', { at: '2024-07-01T00:00:00Z' })).toBe(false);
    expect(match('n>15', {})).toBe(false);
  });

  it('in lists, and / or / not with parentheses, existence', () => {
    const d = { status: 'failed', n: 3 };
    expect(match('status in (failed, stopped)', d)).toBe(true);
    expect(match('status in [running]', d)).toBe(false);
    expect(match('n in (1, 3)', d)).toBe(true);
    expect(match('status=running or n=3', d)).toBe(true);
    expect(match('status=running OR n=4', d)).toBe(false);
    expect(match('n>1 and n<5', d)).toBe(true);
    expect(match('(status=running or n=3) and not error', d)).toBe(true);
    expect(match('!status', d)).toBe(false);
    expect(match('not missing', d)).toBe(true);
    expect(match('status=running or n=3 and status=x', d)).toBe(false); // and binds tighter than or
  });

  it('paths work with or without the family envelope', () => {
    const flat = { type: 'job', status: 'failed' };
    const wrapped = { type: 'task_update', payload: { status: 'failed' } };
    const notes = { type: 'notification', data: { title: 'Build' } };
    const open = { type: 'session.idle', properties: { sessionID: 's1' } };
    expect(match('payload.status=failed', flat)).toBe(true);
    expect(match('status=failed', wrapped)).toBe(true);
    expect(match('title=Build', notes)).toBe(true);
    expect(match('sessionID=s1', open)).toBe(true);
    expect(match('properties.sessionID', open)).toBe(true);
    expect(match('payload.status=running', flat)).toBe(false);
    // The direct path wins over the envelope.
    expect(match('type=job', flat)).toBe(true);
  });
});
