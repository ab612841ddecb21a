/*
 * Several endpoints taking turns at a few events a second write a chunk per event each. The
 * store merges such chunks into one chunk per endpoint under a shared group (lib/store/compact.ts)
 * and keeps, for every event, its place among the group's events in the order they were written:
 * the order the all-endpoints timeline shows. These helpers put a group's events back in that order.
 */

/** One chunk of a group, as its index row knows it: its events' places (increasing) in the group. */
export interface WovenMember {
  at?: ArrayLike<number>;
  count: number;
}

/** A group's events in their written order, and where each member's events fall in it. */
export interface Weave {
  /** For each row of the group: the member that holds it, and the event's offset in that member. */
  member: Uint16Array;
  offset: Uint16Array;
  /** Per member, the row of each of its events: increasing. */
  row: Uint16Array[];
}

/**
 * Lays out a group's members (in cid order). Places may have holes where retention deleted a
 * member; rows close them up. A member without places (never merged) keeps its own order after
 * the others, which cannot happen inside one group but keeps this total.
 */
export function weave(members: readonly WovenMember[]): Weave {
  let total = 0;
  let span = 0;
  for (const m of members) {
    total += m.count;
    if (m.at && m.at.length > 0) span = Math.max(span, m.at[m.at.length - 1]! + 1);
  }
  // slots[place] = member * 65536 + offset + 1; 0 is a hole.
  const slots = new Float64Array(span + total);
  let extra = span;
  members.forEach((m, k) => {
    for (let i = 0; i < m.count; i++) slots[m.at && i < m.at.length ? m.at[i]! : extra++] = k * 65536 + i + 1;
  });
  const member = new Uint16Array(total);
  const offset = new Uint16Array(total);
  const row = members.map((m) => new Uint16Array(m.count));
  let r = 0;
  for (const s of slots) {
    if (s === 0) continue;
    const k = Math.floor((s - 1) / 65536);
    const i = (s - 1) % 65536;
    member[r] = k;
    offset[r] = i;
    row[k]![i] = r;
    r++;
  }
  return { member, offset, row };
}

/** Each member's events (in cid order) as one list in written order; a member read as gone (no events) is left out. */
export function weaveEvents<T>(members: readonly WovenMember[], events: readonly (readonly T[])[]): T[] {
  const w = weave(members);
  const out: T[] = [];
  for (let r = 0; r < w.member.length; r++) {
    const ev = events[w.member[r]!]?.[w.offset[r]!];
    if (ev !== undefined) out.push(ev);
  }
  return out;
}
