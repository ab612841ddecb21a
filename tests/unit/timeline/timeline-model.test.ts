import { describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import type { Family } from '../../../lib/model/typed';
import { EMPTY_FILTER } from '../../../lib/timeline/filter';
import { TimelineModel } from '../../../lib/timeline/timeline-model';
import { EventTyping } from '../../../lib/protocols/typing';
import { ev, fakeTypeEvent } from './fixtures';

const typeOf = (seq: number) => (seq % 2 ? 'odd' : 'even');
const make = (n: number, from = 1): StreamEvent[] => Array.from({ length: n }, (_, i) => ev({ seq: from + i, data: `{"type":"${typeOf(from + i)}"}` }));
const seqs = (m: TimelineModel) => m.rows.map((e) => e.seq);

function setup(detect?: (events: StreamEvent[]) => { family: Family; confidence: number } | undefined) {
  const typeEvent = vi.fn(fakeTypeEvent);
  const typing = new EventTyping(() => (detect ? 'auto' : 'generic'), { typeEvent, detectFamily: detect ?? (() => undefined) });
  return { model: new TimelineModel(typing), typeEvent, typing };
}

describe('TimelineModel', () => {
  it('appends live events without re-typing the old ones', () => {
    const { model, typeEvent } = setup();
    const events = make(3);
    model.sync(events);
    expect(seqs(model)).toEqual([1, 2, 3]);
    events.push(...make(2, 4));
    model.sync(events);
    expect(seqs(model)).toEqual([1, 2, 3, 4, 5]);
    expect(model.appended).toBe(2);
    expect(typeEvent).toHaveBeenCalledTimes(5);
  });

  it('takes older pages put in front and reports how many rows they added', () => {
    const { model, typeEvent } = setup();
    const live = make(3, 11);
    model.sync(live);
    const merged = make(10).concat(live);
    typeEvent.mockClear();
    model.sync(merged);
    expect(seqs(model)).toEqual([...Array.from({ length: 13 }, (_, i) => i + 1)]);
    expect(model.takePrepended()).toBe(10);
    expect(model.takePrepended()).toBe(0);
    expect(typeEvent).toHaveBeenCalledTimes(10);
  });

  it('filters, counts types for the other filters, and rebuilds on a filter change', () => {
    const { model } = setup();
    const events = make(6);
    model.setFilter({ ...EMPTY_FILTER, types: ['even'] }, { pins: new Set() });
    model.sync(events);
    expect(seqs(model)).toEqual([2, 4, 6]);
    expect(Object.fromEntries(model.typeCounts)).toEqual({ odd: 3, even: 3 });
    model.setFilter({ ...EMPTY_FILTER, types: ['even'], text: '"even"' }, { pins: new Set() });
    model.sync(events);
    expect(Object.fromEntries(model.typeCounts)).toEqual({ even: 3 });
    expect(model.errors).toEqual({});
  });

  it('pause holds the live edge, even through a rebuild and an older page; resume catches up', () => {
    const { model } = setup();
    const events = make(3, 11);
    model.sync(events);
    model.paused = true;
    events.push(...make(2, 14));
    model.sync(events);
    expect(seqs(model)).toEqual([11, 12, 13]);
    expect(model.waiting).toBe(2);
    model.setFilter({ ...EMPTY_FILTER }, { pins: new Set() });
    model.sync(events);
    expect(seqs(model)).toEqual([11, 12, 13]);
    const merged = make(2, 9).concat(events);
    model.sync(merged);
    expect(seqs(model)).toEqual([9, 10, 11, 12, 13]);
    model.paused = false;
    model.sync(merged);
    expect(seqs(model)).toEqual([9, 10, 11, 12, 13, 14, 15]);
    expect(model.waiting).toBe(0);
  });

  it('starts over when the history is replaced (cleared)', () => {
    const { model } = setup();
    model.sync(make(5));
    const epoch = model.epoch;
    model.sync(make(2, 6));
    expect(seqs(model)).toEqual([6, 7]);
    expect(model.epoch).toBe(epoch + 1);
  });

  it('clear view hides earlier events; pins resolve and pinned-only filters', () => {
    const { model } = setup();
    const events = make(4);
    model.setFilter(EMPTY_FILTER, { pins: new Set(), after: events[1]!.time });
    model.sync(events);
    expect(seqs(model)).toEqual([3, 4]);
    const pins = new Set(['a#4']);
    model.setFilter(EMPTY_FILTER, { pins, after: events[1]!.time });
    model.sync(events);
    expect([...model.pinned.keys()]).toEqual(['a#4']);
    model.setFilter({ ...EMPTY_FILTER, pinnedOnly: true }, { pins });
    model.sync(events);
    expect(seqs(model)).toEqual([4]);
  });

  it('re-types everything once a family is detected', () => {
    const { model } = setup((events) => (events.length >= 2 ? { family: 'kanban', confidence: 1 } : undefined));
    const events = make(1);
    model.sync(events);
    expect(model.epoch).toBe(1);
    events.push(...make(2, 2));
    model.sync(events);
    expect(model.epoch).toBe(2);
    expect(seqs(model)).toEqual([1, 2, 3]);
  });

  it('tells reconnects from the first connect and finds rows by key', () => {
    const { model } = setup();
    const marker = (seq: number) => ev({ seq, dir: 'sys', name: 'connected', data: '{"message":"open"}' });
    const events = [marker(1), ev({ seq: 2 }), marker(3)];
    model.sync(events);
    expect(model.isReconnect(events[0]!)).toBe(false);
    expect(model.isReconnect(events[2]!)).toBe(true);
    expect(model.indexOf('a#2')).toBe(1);
    expect(model.indexOf('a#9')).toBe(-1);
  });
});
