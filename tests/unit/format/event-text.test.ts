import { describe, expect, it } from 'vitest';
import { base64Bytes, hexDump, markerText } from '../../../lib/format/event-text';

describe('formatting', () => {
  it('marker words', () => {
    expect(markerText({ name: 'dropped', data: '{"message":"socket closed (1006)"}' })).toEqual({ kind: 'dropped', label: 'connection dropped', message: 'socket closed (1006)', tone: 'warn' });
    expect(markerText({ name: 'connected', data: '{"message":"open"}' }, true).label).toBe('reconnected');
    expect(markerText({ name: 'connected', data: '{}' }).label).toBe('connected');
    expect(markerText({ name: 'worker_started', data: '{}' }).label).toBe('worker restarted');
    expect(markerText({ name: 'new_kind', data: 'not json' })).toEqual({ kind: 'new_kind', label: 'new_kind', message: 'not json', tone: 'info' });
  });

  it('binary as hex', () => {
    const bytes = base64Bytes(btoa('Hi\u0000\u00ff'));
    expect(bytes && [...bytes]).toEqual([72, 105, 0, 255]);
    expect(hexDump(bytes!)).toBe(`00000000  48 69 00 ff${' '.repeat(36)}  Hi..`);
    expect(base64Bytes('%%%')).toBeUndefined();
    expect(hexDump(new Uint8Array(40), 16).split('\n')).toHaveLength(2);
  });
});
