import { describe, expect, it } from 'vitest';
import { eventKey } from '../../../lib/model/event';
import { emptyState, foldEvents } from '../../../lib/state/index';
import { HistoryTravel } from '../../../lib/stateview/history-travel';
import { buildEvents } from '../state/arbitraries';
import { FakeTyping } from './fake-typing';

const events = buildEvents(300, 3);
const fold = (n: number) => foldEvents(emptyState(), events.slice(0, n));

describe('HistoryTravel', () => {
  it('folds only what was appended to the same array since the last sync', () => {
    const typing = new FakeTyping();
    const travel = new HistoryTravel(typing, 16);
    const live = events.slice(0, 100);
    travel.sync(live);
    expect(travel.length).toBe(100);
    live.push(...events.slice(100, 130));
    travel.sync(live);
    travel.sync(live);
    expect(travel.length).toBe(130);
    expect(typing.typedCalls).toBe(130);
    expect(travel.epoch).toBe(0);
    expect(travel.stateAt(129)).toEqual(fold(130));
    expect(travel.stateAt(57)).toEqual(fold(58));
  });

  it('accepts a new array that continues the old one (same first and last folded events)', () => {
    const travel = new HistoryTravel(new FakeTyping(), 16);
    travel.sync(events.slice(0, 50));
    travel.sync(events.slice(0, 80));
    expect(travel.epoch).toBe(0);
    expect(travel.stateAt(79)).toEqual(fold(80));
  });

  it('starts over when older events are put in front', () => {
    const typing = new FakeTyping();
    const travel = new HistoryTravel(typing, 16);
    travel.sync(events.slice(200));
    const before = travel.indexOf(eventKey(events[250]!));
    expect(before).toBe(50);
    travel.sync(events);
    expect(travel.epoch).toBe(1);
    expect(travel.length).toBe(300);
    expect(travel.indexOf(eventKey(events[250]!))).toBe(250);
    expect(travel.stateAt(299)).toEqual(fold(300));
    expect(travel.stateAt(120)).toEqual(fold(121));
  });

  it('starts over when the history is cleared, entirely or for one endpoint', () => {
    const travel = new HistoryTravel(new FakeTyping(), 16);
    travel.sync(events);
    travel.sync([]);
    expect(travel.length).toBe(0);
    expect(travel.stateAt(0)).toEqual(emptyState());
    expect(travel.indexOf(eventKey(events[0]!))).toBe(-1);

    travel.sync(events);
    const keep = events.filter((e) => e.endpointId !== events[0]!.endpointId);
    travel.sync(keep);
    expect(travel.length).toBe(keep.length);
    expect(travel.stateAt(keep.length - 1)).toEqual(foldEvents(emptyState(), keep));
  });

  it('notices a clear of one endpoint even when new events made the list as long again', () => {
    const travel = new HistoryTravel(new FakeTyping(), 16);
    const first = events.slice(0, 100);
    travel.sync(first);
    // The first event stays; one from the middle goes, and a new one arrives before the next sync.
    const rewritten = [...first.slice(0, 40), ...first.slice(41), events[100]!];
    travel.sync(rewritten);
    expect(travel.epoch).toBe(1);
    expect(travel.stateAt(99)).toEqual(foldEvents(emptyState(), rewritten));
  });

  it('starts over when the typing re-typed events (a family was re-detected)', () => {
    const typing = new FakeTyping();
    const travel = new HistoryTravel(typing, 16);
    travel.sync(events.slice(0, 60));
    typing.revision++;
    travel.sync(events.slice(0, 60));
    expect(travel.epoch).toBe(1);
    expect(travel.length).toBe(60);
    expect(travel.stateAt(59)).toEqual(fold(60));
  });

  it('maps event keys to indices and back', () => {
    const travel = new HistoryTravel(new FakeTyping(), 16);
    travel.sync(events);
    for (const i of [0, 1, 150, 299]) {
      const ev = travel.eventAt(i)!;
      expect(travel.indexOf(eventKey(ev))).toBe(i);
      expect(travel.typedAt(i)).toBe(events[i]!.typed);
    }
    expect(travel.indexOf('nope#1')).toBe(-1);
    expect(travel.eventAt(300)).toBeUndefined();
    expect(travel.eventAt(-1)).toBeUndefined();
  });

  it('does not reach past the events it folded when the array grew since', () => {
    const travel = new HistoryTravel(new FakeTyping(), 16);
    const live = events.slice(0, 10);
    travel.sync(live);
    live.push(events[10]!);
    expect(travel.eventAt(10)).toBeUndefined();
    expect(travel.length).toBe(10);
  });
  it('folds a long history over several syncs when given a budget', () => {
    const travel = new HistoryTravel(new FakeTyping(), 16);
    travel.sync(events, 120);
    expect([travel.length, travel.behind]).toEqual([120, 180]);
    expect(travel.indexOf(eventKey(events[200]!))).toBe(-1);
    travel.sync(events, 120);
    travel.sync(events, 120);
    expect([travel.length, travel.behind]).toEqual([300, 0]);
    expect(travel.epoch).toBe(0);
    expect(travel.stateAt(299)).toEqual(fold(300));
  });
});
