import { describe, expect, it } from 'vitest';
import { diffStates } from '../../../lib/state/diff';
import { diffRows, shortValue } from '../../../lib/stateview/diff-rows';

const trace = (seqs: number[]) => ({ endpointId: 'kb', seqs, invalidSeqs: [] });

describe('diffRows', () => {
  const before = {
    endpoints: {
      kb: { family: 'kanban', cards: { c1: { id: 'c1', title: 'Old', trace: trace([1]) }, 'odd.id': { id: 'odd.id', trace: trace([2]) } }, tags: ['x'] },
    },
  };
  const after = {
    endpoints: {
      kb: { family: 'kanban', cards: { c1: { id: 'c1', title: 'New', assignee: 'ana', trace: trace([1, 3]) } }, tags: ['x', 'y'] },
    },
  };
  const changes = diffStates(before, after);

  it('lists added, removed and changed paths relative to the endpoint, with short values', () => {
    const { rows, traced, more } = diffRows(changes, ['endpoints', 'kb']);
    expect(rows).toEqual(
      expect.arrayContaining([
        { op: 'changed', path: 'cards.c1.title', before: '"Old"', after: '"New"' },
        { op: 'added', path: 'cards.c1.assignee', before: '', after: '"ana"' },
        { op: 'removed', path: 'cards["odd.id"]', before: expect.stringContaining('id: "odd.id"'), after: '' },
        { op: 'added', path: 'tags[1]', before: '', after: '"y"' },
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(traced).toBe(1);
    expect(more).toBe(0);
  });

  it('keeps full paths outside the base and names the base itself', () => {
    expect(diffRows(changes).rows[0]?.path).toMatch(/^endpoints\.kb\./);
    const first = diffRows(diffStates({ endpoints: {} }, after), ['endpoints', 'kb']);
    expect(first.rows).toEqual([{ op: 'added', path: '(all)', before: '', after: expect.stringMatching(/^\{family: "kanban"/) }]);
  });

  it('stops at the limit and counts the rest', () => {
    const big = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    const list = diffRows(diffStates({}, big), [], 10);
    expect(list.rows).toHaveLength(10);
    expect(list.more).toBe(20);
  });

  it('bounds long and multi-line values to one short line', () => {
    const text = shortValue('line one\nline two '.repeat(50));
    expect(text.length).toBeLessThanOrEqual(82);
    expect(text).not.toContain('\n');
    expect(shortValue(undefined)).toBe('');
    expect(shortValue(null)).toBe('null');
    expect(shortValue(3)).toBe('3');
  });
});
