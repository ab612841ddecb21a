import { describe, expect, it } from 'vitest';
import { formatAgo, formatCountdown, formatSpan } from '../../../lib/format/time';

describe('time words', () => {
  it('spans pick the largest useful unit', () => {
    expect(formatSpan(0)).toBe('0 ms');
    expect(formatSpan(850)).toBe('850 ms');
    expect(formatSpan(4_240)).toBe('4.2 s');
    expect(formatSpan(9_960)).toBe('10 s');
    expect(formatSpan(12_400)).toBe('12 s');
    expect(formatSpan(185_000)).toBe('3 min 05 s');
    expect(formatSpan(2 * 3_600_000 + 3 * 60_000)).toBe('2 h 03 min');
    expect(formatSpan(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
    expect(formatSpan(-5)).toBe('0 ms');
  });

  it('"ago" counts whole seconds so a ticking label does not flicker', () => {
    expect(formatAgo(0)).toBe('just now');
    expect(formatAgo(999)).toBe('just now');
    expect(formatAgo(1_000)).toBe('1 s ago');
    expect(formatAgo(59_999)).toBe('59 s ago');
    expect(formatAgo(61_000)).toBe('1 min 01 s ago');
    expect(formatAgo(-2_000)).toBe('just now');
  });

  it('countdowns round up and never read zero before they are due', () => {
    expect(formatCountdown(4_001)).toBe('in 5 s');
    expect(formatCountdown(4_000)).toBe('in 4 s');
    expect(formatCountdown(1)).toBe('in 1 s');
    expect(formatCountdown(0)).toBe('any moment now');
    expect(formatCountdown(-300)).toBe('any moment now');
    expect(formatCountdown(90_000)).toBe('in 1 min 30 s');
  });
});
