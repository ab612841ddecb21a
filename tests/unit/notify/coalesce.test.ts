import { describe, expect, it } from 'vitest';
import { Coalescer, type AlertItem } from '../../../lib/notify/coalesce';

const item = (seq: number, endpointId = 'n'): AlertItem => ({
  endpointId,
  endpointName: endpointId === 'n' ? 'Notifications (user-1)' : 'Kanban',
  seq,
  rowKey: seq * 10,
  title: `Title ${seq}`,
  message: `Message ${seq}`,
});

describe('Coalescer', () => {
  it('alerts at once after a quiet spell', () => {
    const c = new Coalescer(5000);
    expect(c.offer(item(1), 0, false)).toEqual({
      endpointId: 'n',
      title: 'Title 1',
      message: 'Notifications (user-1): Message 1',
      seq: 1,
      rowKey: 10,
      count: 1,
    });
    expect(c.nextDue()).toBeUndefined();
  });

  it('turns a burst into one summary when the window ends', () => {
    const c = new Coalescer(5000);
    expect(c.offer(item(1), 0, false)).toBeDefined();
    for (let s = 2; s <= 12; s++) expect(c.offer(item(s), s * 100, false)).toBeUndefined();
    expect(c.nextDue()).toBe(5000);
    expect(c.due(4999, false)).toEqual([]);
    expect(c.due(5000, false)).toEqual([
      { endpointId: 'n', title: '12 new notifications from Notifications (user-1)', message: 'Latest: Title 12', seq: 12, count: 12 },
    ]);
    expect(c.nextDue()).toBeUndefined();
  });

  it('shows at most one alert per endpoint per window, each endpoint on its own', () => {
    const c = new Coalescer(5000);
    const shown: Record<string, number[]> = { n: [], k: [] };
    for (let t = 0; t < 20_000; t += 250) {
      for (const ep of ['n', 'k']) if (c.offer(item(t + 1, ep), t, false)) shown[ep]!.push(t);
      for (const a of c.due(t, false)) shown[a.endpointId]!.push(t);
    }
    expect(shown).toEqual({ n: [0, 5000, 10_000, 15_000], k: [0, 5000, 10_000, 15_000] });
  });

  it('releases a held event late when no timer ran, without a second alert in the window', () => {
    const c = new Coalescer(5000);
    c.offer(item(1), 0, false);
    expect(c.offer(item(2), 1000, false)).toBeUndefined();
    expect(c.offer(item(3), 7000, false)?.count).toBe(3);
    expect(c.offer(item(4), 8000, false)).toBeUndefined();
  });

  it('starts afresh after a quiet window', () => {
    const c = new Coalescer(5000);
    c.offer(item(1), 0, false);
    expect(c.due(5000, false)).toEqual([]);
    expect(c.offer(item(2), 6000, false)?.count).toBe(1);
  });

  it('counts from the dismissal, and a single held event alerts as itself', () => {
    const c = new Coalescer(5000);
    c.offer(item(1), 0, false);
    c.dismissed('n');
    expect(c.offer(item(2), 100, false)).toBeUndefined();
    expect(c.due(5000, false)).toEqual([{ endpointId: 'n', title: 'Title 2', message: 'Notifications (user-1): Message 2', seq: 2, rowKey: 20, count: 1 }]);
    c.offer(item(3), 5100, false);
    c.dismissed('n');
    c.offer(item(4), 5200, false);
    expect(c.due(10_000, false)[0]?.title).toBe('2 new notifications from Notifications (user-1)');
  });

  it('shows nothing under do-not-disturb and drops what was held', () => {
    const c = new Coalescer(5000);
    expect(c.offer(item(1), 0, true)).toBeUndefined();
    expect(c.offer(item(2), 0, false)?.seq).toBe(2);
    c.offer(item(3), 100, false);
    expect(c.due(5000, true)).toEqual([]);
    expect(c.nextDue()).toBeUndefined();
    expect(c.offer(item(4), 5100, false)?.count).toBe(1);
  });

  it('by default alerts at most once per endpoint per minute; a new window length applies to what follows', () => {
    const c = new Coalescer();
    expect(c.offer(item(1), 0, false)).toBeDefined();
    for (let s = 2; s <= 30; s++) expect(c.offer(item(s), s * 1000, false)).toBeUndefined();
    expect(c.due(59_999, false)).toEqual([]);
    expect(c.due(60_000, false)).toHaveLength(1);
    c.setWindow(0);
    expect(c.offer(item(31), 120_000, false)).toBeDefined();
    expect(c.offer(item(32), 120_000, false)).toBeDefined();
  });
});
