import { describe, expect, it } from 'vitest';
import { formatRate, rateBuckets, recentRate } from '../../../lib/diagnostics/rate';
import { frame, marker } from './fixtures';

describe('event rate', () => {
  it('counts received events per bucket; sent frames and markers do not count', () => {
    const events = [
      frame(1, 50),
      frame(2, 100),
      frame(3, 149),
      frame(4, 150, { dir: 'out' }),
      marker(5, 160, 'connected'),
      frame(6, 199),
      frame(7, 200),
      frame(8, 250),
    ];
    expect(rateBuckets(events, 100, 200, 2)).toEqual([2, 2]);
  });

  it('an event at exactly the end falls in the last bucket; before the start it stops', () => {
    expect(rateBuckets([frame(1, 99), frame(2, 100), frame(3, 300)], 100, 300, 4)).toEqual([1, 0, 0, 1]);
  });

  it('empty and degenerate windows', () => {
    expect(rateBuckets([], 0, 100, 3)).toEqual([0, 0, 0]);
    expect(rateBuckets([frame(1, 50)], 100, 100, 2)).toEqual([0, 0]);
    expect(rateBuckets([frame(1, 50)], 0, 100, 0)).toEqual([]);
  });

  it('recent rate is events per second over the window before now', () => {
    const events = Array.from({ length: 30 }, (_, i) => frame(i + 1, 10_000 + i * 500));
    // 10 s before 24_500 is [14_500, 24_500]: the events at 14_500 … 24_500, 21 of them.
    expect(recentRate(events, 24_500)).toBeCloseTo(2.1);
    expect(recentRate(events, 100_000)).toBe(0);
    expect(recentRate(events, 24_500, 1_000)).toBe(3);
  });

  it('formats with a decimal only for slow streams', () => {
    expect(formatRate(0)).toBe('0.0/s');
    expect(formatRate(2.14)).toBe('2.1/s');
    expect(formatRate(12.6)).toBe('13/s');
  });
});
