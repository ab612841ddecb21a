import { describe, expect, it } from 'vitest';
import { alertId, focusFromSearch, historyFocusPath, parseAlertId } from '../../../lib/notify/links';

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
