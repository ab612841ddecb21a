import { describe, expect, it } from 'vitest';
import { base64Bytes, formatClock, formatDelta, formatSize, hexDump, MARKER_LABELS, markerText } from '../../../lib/format/event-text';

describe('formatting', () => {
  it('clock time in local time with milliseconds', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5, 67).getTime())).toBe('03:04:05.067');
    expect(formatClock(new Date(2024, 0, 2, 23, 59, 59, 999).getTime())).toBe('23:59:59.999');
  });

  it('deltas pick a readable unit', () => {
    expect(formatDelta(0)).toBe('+0ms');
    expect(formatDelta(120)).toBe('+120ms');
    expect(formatDelta(1250)).toBe('+1.25s');
    expect(formatDelta(12_340)).toBe('+12.3s');
    expect(formatDelta(123_000)).toBe('+2m03s');
    expect(formatDelta(3_720_000)).toBe('+1h02m');
    expect(formatDelta(-40)).toBe('-40ms');
  });

  it('sizes', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(20 * 1024)).toBe('20 KB');
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
  });

  it('marker words', () => {
    expect(markerText({ name: 'dropped', data: '{"message":"socket closed (1006)"}' })).toEqual({ kind: 'dropped', label: 'connection dropped', message: 'socket closed (1006)' });
    expect(markerText({ name: 'connected', data: '{"message":"open"}' }, true).label).toBe('reconnected');
    expect(markerText({ name: 'connected', data: '{}' }).label).toBe('connected');
    expect(markerText({ name: 'worker_started', data: '{}' }).label).toBe('worker restarted');
    expect(markerText({ name: 'new_kind', data: 'not json' })).toEqual({ kind: 'new_kind', label: 'new_kind', message: 'not json' });
    expect(markerText({ name: 'toString', data: '{}' }).label).toBe('toString');
  });

  it('page capture markers read as words, not their raw names', () => {
    expect(markerText({ name: 'truncated', data: '{"message":"Frame of 16777216 bytes kept truncated"}' }).label).toBe('frame truncated');
    expect(markerText({ name: 'capture_dropped', data: '{}' }).label).toBe('capture dropped frames');
    expect(markerText({ name: 'injected', data: '{}' }).label).toBe('delivered from the panel');
    // Every kind has words of its own (the type makes a new kind without a label fail to compile).
    for (const [kind, label] of Object.entries(MARKER_LABELS)) expect(label, kind).not.toMatch(/_/);
  });

  it('binary as hex', () => {
    const bytes = base64Bytes(btoa('Hi\u0000\u00ff'));
    expect(bytes && [...bytes]).toEqual([72, 105, 0, 255]);
    expect(hexDump(bytes!)).toBe(`00000000  48 69 00 ff${' '.repeat(36)}  Hi..`);
    expect(base64Bytes('%%%')).toBeUndefined();
    expect(hexDump(new Uint8Array(40), 16).split('\n')).toHaveLength(2);
  });
});
