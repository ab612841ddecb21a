import { describe, expect, it } from 'vitest';
import { alertId, focusFromSearch, historyFocusPath, parseAlertId } from '../../../lib/notify/links';
import { relativeTime } from '../../../lib/notify/time';

describe('links', () => {
  it('round-trips the focused event through the history URL', () => {
    const path = historyFocusPath({ endpointId: 'demo-x', seq: 42 });
    expect(path).toBe('/streams.html?focus=demo-x%2342');
    expect(focusFromSearch(path.slice(path.indexOf('?')))).toBe('demo-x#42');
    expect(focusFromSearch('?focus=nonsense')).toBeUndefined();
    expect(focusFromSearch('')).toBeUndefined();
  });

  it('round-trips alert ids, with and without a row', () => {
    expect(parseAlertId(alertId({ endpointId: 'a&b', seq: 3 }, 9))).toEqual({ endpointId: 'a&b', seq: 3, rowKey: 9 });
    expect(parseAlertId(alertId({ endpointId: 'e', seq: 3 }, undefined))).toEqual({ endpointId: 'e', seq: 3 });
    expect(parseAlertId('someone-else')).toBeUndefined();
    expect(parseAlertId('streamscope?ep=e&seq=x')).toBeUndefined();
  });
});

describe('relativeTime', () => {
  it('is coarse', () => {
    expect(relativeTime(0, 10_000)).toBe('just now');
    expect(relativeTime(0, 5 * 60_000)).toBe('5 min ago');
    expect(relativeTime(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(relativeTime(0, 2 * 86_400_000)).toBe('2 d ago');
  });
});
