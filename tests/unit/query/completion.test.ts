import { describe, expect, it } from 'vitest';
import { acceptPath, collectPaths, completionSpot, PATH_LIMITS, suggestPaths } from '../../../lib/query/completion';
import { matchFieldQuery, parseFieldQuery } from '../../../lib/query/field-query';

const officeplane = (i: number) => ({ type: 'job.update', payload: { id: `job-${i}`, status: i % 2 ? 'failed' : 'done', progress: { pct: i }, tags: [{ name: 'x' }] } });

describe('collectPaths', () => {
  it('lists every path of the sample with how many values had it', () => {
    const known = collectPaths([officeplane(1), officeplane(2), { type: 'ping' }]);
    const byPath = new Map(known.map((k) => [k.path, k]));
    expect([...byPath.keys()].sort()).toEqual(['payload', 'payload.id', 'payload.progress', 'payload.progress.pct', 'payload.status', 'payload.tags', 'payload.tags[0]', 'payload.tags[0].name', 'type']);
    expect(byPath.get('type')).toEqual({ path: 'type', count: 3, leaf: true });
    expect(byPath.get('payload.status')).toEqual({ path: 'payload.status', count: 2, leaf: true });
    expect(byPath.get('payload.progress')?.leaf).toBe(false);
  });

  it('writes odd keys the way the query reads them', () => {
    const [odd] = collectPaths([{ 'a b': 1 }]);
    expect(odd?.path).toBe('["a b"]');
  });

  it('stays bounded: samples, paths, depth and keys per object', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(collectPaths([wide])).toHaveLength(PATH_LIMITS.keys);
    const many = Array.from({ length: 5000 }, (_, i) => ({ [`f${i}`]: { [`g${i}`]: 1 } }));
    expect(collectPaths(many)).toHaveLength(PATH_LIMITS.paths);
    expect(collectPaths(many, { ...PATH_LIMITS, samples: 10 })).toHaveLength(20);
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { d: deep };
    expect(Math.max(...collectPaths([deep]).map((k) => k.path.split('.').length))).toBe(PATH_LIMITS.depth);
    expect(collectPaths(['text', 3, null, undefined, []])).toEqual([]);
  });
});

describe('completionSpot', () => {
  const spot = (text: string, cursor = text.length) => completionSpot(text, cursor);
  it('finds the path being typed', () => {
    expect(spot('pay')).toEqual({ start: 0, end: 3, prefix: 'pay' });
    expect(spot('')).toEqual({ start: 0, end: 0, prefix: '' });
    expect(spot('n>15 and pay')).toEqual({ start: 9, end: 12, prefix: 'pay' });
    expect(spot('n>15 pay')).toEqual({ start: 5, end: 8, prefix: 'pay' });
    expect(spot('(st')).toEqual({ start: 1, end: 3, prefix: 'st' });
    expect(spot('not payload.st')).toEqual({ start: 4, end: 14, prefix: 'payload.st' });
    expect(spot('a=1 or (b in (x, y)) c')).toEqual({ start: 21, end: 22, prefix: 'c' });
    // In the middle of a word: the whole word is replaced, the prefix is up to the cursor.
    expect(spot('payload.status=failed', 3)).toEqual({ start: 0, end: 14, prefix: 'pay' });
  });

  it('stays out of values', () => {
    for (const text of ['status=fa', 'status = fa', 'n>', 'status in (fa', 'status in (a, b', 'text~"two wo', 'status in ']) expect(spot(text), text).toBeUndefined();
  });
});

describe('suggestPaths', () => {
  const known = collectPaths([officeplane(1), officeplane(2), { status: 'flat', count: 2 }]);
  it('offers the real paths starting with what is typed, plain values first', () => {
    expect(suggestPaths(known, 'pay').slice(0, 4)).toEqual(['payload.id', 'payload.status', 'payload.progress.pct', 'payload.tags[0].name']);
    expect(suggestPaths(known, 'pay')).toContain('payload');
  });

  it('reads paths with or without the envelope', () => {
    const s = suggestPaths(known, 'sta');
    expect(s).toContain('status');
    expect(suggestPaths(known, 'payload.sta')).toEqual(['payload.status']);
    expect(suggestPaths(known, 'pro')).toEqual(['progress.pct', 'progress', 'payload.progress.pct', 'payload.progress']);
    // A later part matches too, after the paths that start with it.
    expect(suggestPaths(known, 'pct')).toEqual(['progress.pct', 'payload.progress.pct']);
  });

  it('leaves out what is typed in full, and caps the list', () => {
    expect(suggestPaths(known, 'payload.status')).toEqual([]);
    expect(suggestPaths(known, '', 3)).toHaveLength(3);
  });

  it('every suggestion is a path the query finds', () => {
    const sample = officeplane(1);
    for (const path of suggestPaths(collectPaths([sample]), '', 50)) {
      const q = parseFieldQuery(path);
      expect(q.ok, path).toBe(true);
      if (q.ok) expect(matchFieldQuery(q.query, sample), path).toBe(true);
    }
  });
});

describe('acceptPath', () => {
  it('replaces the word at the spot and puts the cursor after it', () => {
    const text = 'n>15 and pay=3';
    expect(acceptPath(text, completionSpot(text, 12)!, 'payload.n')).toEqual({ text: 'n>15 and payload.n=3', cursor: 18 });
    expect(acceptPath('sta', completionSpot('sta', 3)!, 'status')).toEqual({ text: 'status', cursor: 6 });
  });
});
