import { describe, expect, it } from 'vitest';
import { base64Bytes, hexDump, markerText } from '../../../lib/format/event-text';
import { MARKERS } from '../../../lib/model/markers';

describe('formatting', () => {
  it('marker words', () => {
    expect(markerText({ name: 'dropped', data: '{"message":"socket closed (1006)"}' })).toEqual({ kind: 'dropped', label: 'connection dropped', message: 'socket closed (1006)', tone: 'warn' });
    expect(markerText({ name: 'connected', data: '{"message":"open"}' }, true).label).toBe('reconnected');
    expect(markerText({ name: 'connected', data: '{}' }).label).toBe('connected');
    expect(markerText({ name: 'worker_started', data: '{}' }).label).toBe('worker restarted');
    expect(markerText({ name: 'new_kind', data: 'not json' })).toEqual({ kind: 'new_kind', label: 'new_kind', message: 'not json', tone: 'info' });
    expect(markerText({ name: 'toString', data: '{}' }).label).toBe('toString');
  });

  it('page capture markers read as words, not their raw names', () => {
    expect(markerText({ name: 'truncated', data: '{"message":"Frame of 16777216 bytes kept truncated"}' }).label).toBe('frame truncated');
    expect(markerText({ name: 'capture_dropped', data: '{}' }).label).toBe('frames dropped');
    expect(markerText({ name: 'injected', data: '{}' }).label).toBe('delivered from the panel');
    for (const [kind, spec] of Object.entries(MARKERS)) expect(spec.label, kind).not.toMatch(/_/);
  });

  it('binary as hex', () => {
    const bytes = base64Bytes(btoa('Hi\u0000\u00ff'));
    expect(bytes && [...bytes]).toEqual([72, 105, 0, 255]);
    expect(hexDump(bytes!)).toBe(`00000000  48 69 00 ff${' '.repeat(36)}  Hi..`);
    expect(base64Bytes('%%%')).toBeUndefined();
    expect(hexDump(new Uint8Array(40), 16).split('\n')).toHaveLength(2);
  });
});
