import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { entityNeighbours, findEventIndex, parseEventKey } from '../../../lib/panel/lookup';
import { ev, typed } from '../timeline/fixtures';

describe('event lookup', () => {
  it('parses keys whose endpoint id contains #', () => {
    expect(parseEventKey('a#b#12')).toEqual({ endpointId: 'a#b', seq: 12 });
    expect(parseEventKey('nohash')).toBeUndefined();
    expect(parseEventKey('a#x')).toBeUndefined();
  });

  it('finds an event by key', () => {
    const events = [ev({ seq: 1 }), ev({ seq: 1, endpointId: 'b' }), ev({ seq: 2 })];
    expect(findEventIndex(events, 'b#1')).toBe(1);
    expect(findEventIndex(events, 'b#2')).toBe(-1);
  });

  it('lists the nearest events of the same entities, markers left out', () => {
    const card = (id: string) => ({ kind: 'card' as const, id });
    const entities = new Map<number, ReturnType<typeof card>[]>([
      [1, [card('c1')]],
      [2, [card('c2')]],
      [3, [card('c1')]],
      [5, [card('c1'), card('c2')]],
      [6, [card('c1')]],
      [7, [card('c1')]],
    ]);
    const events = Array.from({ length: 7 }, (_, i) => ev({ seq: i + 1, dir: i === 3 ? 'sys' : 'in' }));
    const t = (e: StreamEvent) => typed({ entities: entities.get(e.seq) ?? [card('c1')] });
    const n = entityNeighbours(events, 4, t, 2);
    expect(n.before.map((e) => e.seq)).toEqual([2, 3]);
    expect(n.after.map((e) => e.seq)).toEqual([6, 7]);
    expect(entityNeighbours(events, 1, (e) => typed({ entities: e.seq === 2 ? [card('c2')] : [] }))).toEqual({ before: [], after: [] });
  });
});
