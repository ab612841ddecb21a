import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { viewPaths, type RowSource } from '../../../lib/timeline/field-paths';
import { ev } from './fixtures';

/** Rows over a list, counting how many were asked for; `missing` rows are not in memory. */
function rows(list: StreamEvent[], missing = new Set<number>()): RowSource & { asked: number } {
  const src = {
    asked: 0,
    count: list.length,
    eventAt(row: number) {
      src.asked++;
      return missing.has(row) ? undefined : list[row];
    },
  };
  return src;
}

const paths = (known: { path: string }[]) => known.map((k) => k.path).sort();
const all = () => true;

describe('viewPaths', () => {
  it('learns from the rows in view, then the newest events of the kept endpoints', () => {
    const view = rows([ev({ seq: 1, data: '{"old":1}' }), ev({ seq: 2, data: '{"payload":{"status":"ok"}}' }), ev({ seq: 3, data: '{"later":1}' })]);
    const newest = rows([ev({ seq: 9, endpointId: 'b', data: '{"other":1}' }), ev({ seq: 10, data: '{"n":5}' }), ev({ seq: 11, dir: 'sys', name: 'connected', data: '{"marker":1}' })]);
    expect(paths(viewPaths(view, 1, 1, newest, (e) => e.endpointId === 'a'))).toEqual(['n', 'payload', 'payload.status']);
    expect(paths(viewPaths(view, 0, 3, rows([]), all))).toEqual(['later', 'old', 'payload', 'payload.status']);
  });

  it('skips rows not in memory and events that are not JSON', () => {
    const view = rows([ev({ seq: 1, data: '{"a":1}' }), ev({ seq: 2, data: 'plain text' }), ev({ seq: 3, data: '{"c":1}' })], new Set([0]));
    expect(paths(viewPaths(view, 0, 3, rows([]), all))).toEqual(['c']);
  });

  it('looks at a bounded number of rows, however long the history', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ev({ seq: i + 1, endpointId: 'b', data: `{"k${i}":1}` }));
    const newest = rows(many);
    expect(viewPaths(rows([]), 0, 0, newest, (e) => e.endpointId === 'a', 50)).toEqual([]);
    expect(newest.asked).toBe(100);
    const known = viewPaths(rows([]), 0, 0, rows(many), all, 50);
    expect(known).toHaveLength(50);
  });
});
