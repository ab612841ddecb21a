import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventKey } from '../../../lib/model/event';
import { emptyState, foldEvent } from '../../../lib/state/index';
import { HistoryTravel } from '../../../lib/stateview/history-travel';
import { buildEvents } from '../state/arbitraries';
import { FakeTyping } from './fake-typing';

describe('HistoryTravel over 100,000 events', () => {
  it('gives the folded state at random points, reached in random order', () => {
    const events = buildEvents(100_000, 11);
    const travel = new HistoryTravel(new FakeTyping());
    // Fed the way the panel feeds it: a first page, then live events in batches.
    const live = events.slice(0, 2000);
    travel.sync(live);
    for (let i = 2000; i < events.length; i += 7919) {
      live.push(...events.slice(i, i + 7919));
      travel.sync(live);
    }
    expect(travel.length).toBe(100_000);

    const points = fc.sample(fc.integer({ min: 0, max: 99_999 }), { numRuns: 12, seed: 5 });
    points.push(0, 999, 1000, 99_999);
    const expected = new Map<number, ReturnType<typeof travel.stateAt>>();
    let state = emptyState();
    const wanted = new Set(points);
    events.forEach((ev, i) => {
      state = foldEvent(state, ev);
      if (wanted.has(i)) expected.set(i, state);
    });
    for (const i of points) {
      expect(travel.stateAt(i)).toEqual(expected.get(i));
      expect(travel.indexOf(eventKey(events[i]!))).toBe(i);
    }
  }, 120_000);
});
