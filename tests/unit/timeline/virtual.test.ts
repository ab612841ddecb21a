import { describe, expect, it } from 'vitest';
import {
  bottomScrollTop,
  contentHeight,
  isAtBottom,
  MAX_CONTENT_HEIGHT,
  rowTop,
  scrollTopAfterPrepend,
  scrollTopToReveal,
  visibleRange,
  type ListGeometry,
} from '../../../lib/timeline/virtual';

const g = (count: number, viewport = 200, rowHeight = 20): ListGeometry => ({ count, rowHeight, viewport });

describe('virtual window', () => {
  it('covers the viewport plus overscan', () => {
    expect(visibleRange(g(1000), 0, 5)).toEqual({ start: 0, end: 15, firstVisible: 0 });
    expect(visibleRange(g(1000), 400, 5)).toEqual({ start: 15, end: 35, firstVisible: 20 });
    // A partly visible row at each edge counts.
    expect(visibleRange(g(1000), 410, 0)).toEqual({ start: 20, end: 31, firstVisible: 20 });
  });

  it('clamps at the ends and for tiny lists', () => {
    expect(visibleRange(g(1000), 19_800, 5)).toEqual({ start: 985, end: 1000, firstVisible: 990 });
    expect(visibleRange(g(3), 0, 5)).toEqual({ start: 0, end: 3, firstVisible: 0 });
    expect(visibleRange(g(0), 0, 5)).toEqual({ start: 0, end: 0, firstVisible: 0 });
    expect(visibleRange(g(10), 5_000, 0)).toEqual({ start: 9, end: 10, firstVisible: 9 });
  });

  it('places rows at i * rowHeight when no scaling is needed', () => {
    expect(contentHeight(g(1000))).toBe(20_000);
    expect(rowTop(g(1000), 400, 25)).toBe(500);
  });

  it('scales huge lists under the height cap and still reaches the last row', () => {
    const big = g(2_000_000);
    expect(contentHeight(big)).toBe(MAX_CONTENT_HEIGHT);
    const end = bottomScrollTop(big);
    const w = visibleRange(big, end, 0);
    expect(w.end).toBe(2_000_000);
    expect(w.firstVisible).toBe(2_000_000 - 10);
    // The last row sits at the bottom of the content.
    expect(rowTop(big, end, 1_999_999)).toBeCloseTo(MAX_CONTENT_HEIGHT - 20);
    // Half way down shows the middle rows, positioned inside the viewport.
    const mid = visibleRange(big, end / 2, 0);
    expect(mid.firstVisible).toBeGreaterThan(999_000);
    expect(mid.firstVisible).toBeLessThan(1_001_000);
    const top = rowTop(big, end / 2, mid.firstVisible);
    expect(top).toBeLessThanOrEqual(end / 2);
    expect(top).toBeGreaterThan(end / 2 - 20);
  });

  it('knows the live edge', () => {
    expect(isAtBottom(g(1000), 19_800, 4)).toBe(true);
    expect(isAtBottom(g(1000), 19_700, 4)).toBe(false);
    expect(isAtBottom(g(3), 0, 4)).toBe(true);
    expect(bottomScrollTop(g(3))).toBe(0);
  });

  it('keeps the same rows in view when older rows are put in front', () => {
    expect(scrollTopAfterPrepend(g(1000), 400, 50)).toBe(1_400);
    const big = g(1_000_000);
    const before = visibleRange(big, 3_000_000, 0).firstVisible;
    const after = visibleRange(g(1_002_000), scrollTopAfterPrepend(big, 3_000_000, 2000), 0).firstVisible;
    expect(after).toBe(before + 2000);
  });

  it('reveals a row with the least movement', () => {
    expect(scrollTopToReveal(g(1000), 400, 25)).toBe(400);
    expect(scrollTopToReveal(g(1000), 400, 10)).toBe(200);
    expect(scrollTopToReveal(g(1000), 400, 40)).toBe(620);
  });
});
