import { describe, expect, it } from 'vitest';
import { newEndpoint, type EndpointConfig } from '../../../lib/config/endpoint';
import { listForPanel } from '../../../lib/capture/visible';

// Captured sources pile up in the store (every tab, every page load); the panel lists the
// configured endpoints and only the inspected tab's current ones unless asked for all.

const configured = newEndpoint({ id: 'ep', name: 'configured', url: 'https://api.test/sse', transport: 'sse' });
const captured = (id: string, tabId: number): EndpointConfig =>
  newEndpoint({ id, name: id, url: 'wss://app.test/ws', transport: 'ws', recording: true, captured: { tabId, frameUrl: 'https://app.test/', kind: 'ws' } });

const all = [configured, captured('cap-old', 7), captured('cap-now', 7), captured('cap-live', 7), captured('cap-other-tab', 9)];
const ids = (l: EndpointConfig[]) => l.map((e) => e.id);

describe('which captured sources the panel lists', () => {
  it('configured endpoints, and the inspected tab current page load or live ones', () => {
    const { shown, hidden } = listForPanel(all, { tabId: 7, current: ['cap-now', 'cap-other-tab'], live: ['cap-live'], showAll: false });
    expect(ids(shown)).toEqual(['ep', 'cap-now', 'cap-live']);
    expect(hidden).toBe(2);
  });

  it('everything when asked, or where no tab is inspected (the history page)', () => {
    expect(ids(listForPanel(all, { tabId: 7, current: [], live: [], showAll: true }).shown)).toEqual(ids(all));
    expect(listForPanel(all, undefined)).toEqual({ shown: all, hidden: 0 });
  });

  it('a thousand old sources do not reach the list', () => {
    const many = [configured, ...Array.from({ length: 1000 }, (_, i) => captured(`cap-${i}`, i % 3))];
    const { shown, hidden } = listForPanel(many, { tabId: 1, current: ['cap-1'], live: [], showAll: false });
    expect(ids(shown)).toEqual(['ep', 'cap-1']);
    expect(hidden).toBe(999);
  });
});
