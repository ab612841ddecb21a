import { describe, expect, it } from 'vitest';
import { formatPath, getPath, parsePath } from '../../../lib/query/path';

describe('paths', () => {
  it('parses dots, indexes and quoted keys', () => {
    expect(parsePath('payload.items[0].id')).toEqual({ ok: true, segments: ['payload', 'items', 0, 'id'] });
    expect(parsePath('parts.1.text')).toEqual({ ok: true, segments: ['parts', 1, 'text'] });
    expect(parsePath('a["x.y"].b')).toEqual({ ok: true, segments: ['a', 'x.y', 'b'] });
    expect(parsePath('[2]')).toEqual({ ok: true, segments: [2] });
  });

  it('rejects malformed paths with a message', () => {
    for (const bad of ['', 'a..b', 'a.', 'a[0', 'a[x]', 'a["x]']) expect(parsePath(bad).ok, bad).toBe(false);
  });

  it('formats what it parses', () => {
    const segs = ['payload', 'items', 0, 'odd key', 'x'];
    expect(formatPath(segs)).toBe('payload.items[0]["odd key"].x');
    const again = parsePath(formatPath(segs));
    expect(again.ok && again.segments).toEqual(segs);
  });

  it('reads values, undefined when a step is missing', () => {
    const v = { payload: { items: [{ id: 'x' }], n: null } };
    expect(getPath(v, ['payload', 'items', 0, 'id'])).toBe('x');
    expect(getPath(v, ['payload', 'n'])).toBeNull();
    expect(getPath(v, ['payload', 'n', 'deeper'])).toBeUndefined();
    expect(getPath(v, ['payload', 'items', 3])).toBeUndefined();
    expect(getPath(v, ['toString'])).toBeUndefined();
  });
});
