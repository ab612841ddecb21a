import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../lib/timeline/filter';
import { FILTER_KEY, loadFilter, loadPins, saveFilter, savePins } from '../../../lib/timeline/ui-storage';

function memory(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } as Storage;
}

describe('timeline UI storage', () => {
  it('round-trips filters and pins', () => {
    const s = memory();
    const f = { ...EMPTY_FILTER, types: ['pong'], text: 'x', regex: true };
    saveFilter(s, f);
    expect(loadFilter(s)).toEqual(f);
    savePins(s, new Set(['a#1']));
    expect(loadPins(s)).toEqual(['a#1']);
  });

  it('falls back to defaults on junk, partial or missing storage', () => {
    const s = memory();
    s.setItem(FILTER_KEY, '{nope');
    expect(loadFilter(s)).toEqual(EMPTY_FILTER);
    s.setItem(FILTER_KEY, JSON.stringify({ text: 'kept' }));
    expect(loadFilter(s)).toEqual({ ...EMPTY_FILTER, text: 'kept' });
    s.setItem(FILTER_KEY, JSON.stringify({ dirs: ['up'] }));
    expect(loadFilter(s)).toEqual(EMPTY_FILTER);
    expect(loadFilter(undefined)).toEqual(EMPTY_FILTER);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadPins(throwing)).toEqual([]);
    expect(() => savePins(throwing, [])).not.toThrow();
  });
});
