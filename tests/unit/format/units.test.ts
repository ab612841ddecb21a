import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatClock, formatCountdown, formatDelta, formatSpan, localDateTime, pad, parseLocalDateTime } from '../../../lib/format/units';

describe('sizes', () => {
  it('are in powers of 1024 with IEC names, one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(20 * 1024)).toBe('20 KiB');
    expect(formatBytes(117.2 * 1024)).toBe('117 KiB');
    expect(formatBytes(1024 * 1024)).toBe('1 MiB');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GiB');
    expect(formatBytes(2 * 1024 ** 5)).toBe('2048 TiB');
  });

  it('never print "10.0": a value that rounds up to 10 is shown whole', () => {
    expect(formatBytes(9.96 * 1024)).toBe('10 KiB');
    expect(formatBytes(9.94 * 1024)).toBe('9.9 KiB');
  });
});

describe('durations', () => {
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

  it('deltas between rows are compact and signed', () => {
    expect(formatDelta(0)).toBe('+0ms');
    expect(formatDelta(120)).toBe('+120ms');
    expect(formatDelta(1250)).toBe('+1.25s');
    expect(formatDelta(12_340)).toBe('+12.3s');
    expect(formatDelta(123_000)).toBe('+2m03s');
    expect(formatDelta(3_720_000)).toBe('+1h02m');
    expect(formatDelta(-40)).toBe('-40ms');
  });

  it('"ago" counts whole seconds so a ticking label does not flicker', () => {
    expect(formatAgo(0)).toBe('just now');
    expect(formatAgo(999)).toBe('just now');
    expect(formatAgo(1_000)).toBe('1 s ago');
    expect(formatAgo(59_999)).toBe('59 s ago');
    expect(formatAgo(61_000)).toBe('1 min 01 s ago');
    expect(formatAgo(-2_000)).toBe('just now');
  });

  it('a coarse "ago" is one rounded unit', () => {
    expect(formatAgo(10_000, { coarse: true })).toBe('just now');
    expect(formatAgo(44_000, { coarse: true })).toBe('just now');
    expect(formatAgo(50_000, { coarse: true })).toBe('1 min ago');
    expect(formatAgo(5 * 60_000, { coarse: true })).toBe('5 min ago');
    expect(formatAgo(3 * 3_600_000, { coarse: true })).toBe('3 h ago');
    expect(formatAgo(2 * 86_400_000, { coarse: true })).toBe('2 d ago');
    expect(formatAgo(-60_000, { coarse: true })).toBe('just now');
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

describe('clock and calendar times', () => {
  it('pads to a width', () => {
    expect(pad(5)).toBe('05');
    expect(pad(12)).toBe('12');
    expect(pad(7, 3)).toBe('007');
  });

  it('clock time in local time with milliseconds', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5, 67).getTime())).toBe('03:04:05.067');
    expect(formatClock(new Date(2024, 0, 2, 23, 59, 59, 999).getTime())).toBe('23:59:59.999');
  });

  it('datetime-local values round-trip in local time', () => {
    const t = new Date(2024, 4, 6, 7, 8, 9).getTime();
    expect(localDateTime(t)).toBe('2024-05-06T07:08:09');
    expect(parseLocalDateTime(localDateTime(t))).toBe(t);
    expect(parseLocalDateTime('  ')).toBeUndefined();
    expect(parseLocalDateTime('not a date')).toBeUndefined();
  });
});
