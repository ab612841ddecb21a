import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weave, weaveEvents, type WovenMember } from '../../../lib/model/weave';

/** Splits a written order (each item an endpoint name) into one member per endpoint, as the store's merge does. */
function split(order: readonly string[]): { members: WovenMember[]; events: string[][] } {
  const byName = new Map<string, { at: number[]; events: string[] }>();
  order.forEach((name, place) => {
    const m = byName.get(name) ?? byName.set(name, { at: [], events: [] }).get(name)!;
    m.at.push(place);
    m.events.push(`${name}${m.events.length}`);
  });
  const parts = [...byName.values()];
  return { members: parts.map((p) => ({ at: Uint16Array.from(p.at), count: p.at.length })), events: parts.map((p) => p.events) };
}

const orders = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 300 });

describe('weave', () => {
  it('puts a group’s members back in the order the events were written', () => {
    fc.assert(
      fc.property(orders, (order) => {
        const { members, events } = split(order);
        const woven = weaveEvents(members, events);
        expect(woven.map((e) => e[0])).toEqual(order);
        // Every member's events stay in their own order, and rows say where each went.
        const w = weave(members);
        events.forEach((evs, k) => evs.forEach((e, i) => expect(woven[w.row[k]![i]!]).toBe(e)));
      }),
    );
  });

  it('closes up the holes a deleted member leaves, keeping the others’ order', () => {
    fc.assert(
      fc.property(orders, fc.nat(3), (order, drop) => {
        const { members, events } = split(order);
        if (drop >= members.length) return;
        const kept = members.filter((_, k) => k !== drop);
        const keptEvents = events.filter((_, k) => k !== drop);
        const expected = weaveEvents(members, events).filter((e) => !events[drop]!.includes(e));
        expect(weaveEvents(kept, keptEvents)).toEqual(expected);
        expect(weave(kept).member.length).toBe(expected.length);
      }),
    );
  });

  it('leaves out the events of a member read as gone', () => {
    const { members, events } = split(['a', 'b', 'a', 'b']);
    expect(weaveEvents(members, [events[0]!, []])).toEqual(['a0', 'a1']);
  });
});
