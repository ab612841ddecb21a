import { describe, expect, it } from 'vitest';
import { RowMap } from '../../../lib/panel/row-map';

describe('RowMap', () => {
  it('numbers rows over groups, skipping empty ones', () => {
    const m = new RowMap([3, 0, 2, 0, 0, 1]);
    expect(m.total).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((r) => m.locate(r))).toEqual([
      { group: 0, offset: 0 },
      { group: 0, offset: 1 },
      { group: 0, offset: 2 },
      { group: 2, offset: 0 },
      { group: 2, offset: 1 },
      { group: 5, offset: 0 },
    ]);
    expect(m.locate(6)).toBeUndefined();
    expect(m.locate(-1)).toBeUndefined();
    expect(m.startOf(2)).toBe(3);
  });

  it('has no rows without groups', () => {
    expect(new RowMap([]).locate(0)).toBeUndefined();
  });
});
