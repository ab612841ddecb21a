import { describe, expect, it } from 'vitest';
import { typeList } from '../../../lib/timeline/type-list';

describe('type list', () => {
  it('merges counted and extra types, most frequent first, then by name', () => {
    const counts = new Map([['pong', 2], ['notification', 5], ['ack', 2]]);
    expect(typeList(counts, ['zeta', 'pong', 'alpha'])).toEqual([
      { type: 'notification', count: 5 },
      { type: 'ack', count: 2 },
      { type: 'pong', count: 2 },
      { type: 'alpha', count: 0 },
      { type: 'zeta', count: 0 },
    ]);
  });
});
