import { RowMap } from '../panel/row-map';
import type { ChunkMatches } from './search-scan';

/**
 * Where a chunk's events are in the history's all-endpoints order: its unit, and for a chunk of a
 * group the row within the unit of each of its events, laid out when asked (lib/panel/history.ts `placeOf`).
 */
export type Placement = { unit: number; rows?: () => ArrayLike<number> } | undefined;

/** The matches of one unit: the chunks that have some; for a group, merged in row order when first asked. */
interface Slot {
  unit: number;
  cids: number[];
  count: number;
  merged?: { cids: Int32Array; offsets: Int32Array };
}

/**
 * A search's matches over the stored chunks as (cid, offset) references, in the history's order
 * whatever order they were found in. Rows are numbered over them without copying events.
 */
export class MatchList {
  private readonly byCid = new Map<number, Int32Array>();
  private slots: Slot[] = [];
  private rows = new RowMap([]);

  constructor(private readonly placeOf: (cid: number) => Placement) {}

  get count(): number {
    return this.rows.total;
  }

  add(found: readonly ChunkMatches[]): void {
    if (found.length === 0) return;
    for (const f of found) this.byCid.set(f.cid, Int32Array.from(f.offsets));
    this.reorder();
  }

  /** Places the chunks again (the history's index changed); chunks that are gone drop out. */
  reorder(): void {
    const byUnit = new Map<number, Slot>();
    for (const [cid, offsets] of this.byCid) {
      const place = this.placeOf(cid);
      if (!place) continue;
      const slot = byUnit.get(place.unit) ?? byUnit.set(place.unit, { unit: place.unit, cids: [], count: 0 }).get(place.unit)!;
      slot.cids.push(cid);
      slot.count += offsets.length;
    }
    this.slots = [...byUnit.values()].sort((a, b) => a.unit - b.unit);
    this.rows = new RowMap(this.slots.map((s) => s.count));
  }

  /** A group's matches in row order: its chunks' matches merged by their rows in the unit. */
  private merged(slot: Slot): NonNullable<Slot['merged']> {
    if (slot.merged) return slot.merged;
    const all: { row: number; cid: number; offset: number }[] = [];
    for (const cid of slot.cids) {
      const rows = this.placeOf(cid)?.rows?.();
      for (const offset of this.byCid.get(cid)!) all.push({ row: rows ? rows[offset]! : offset, cid, offset });
    }
    all.sort((a, b) => a.row - b.row);
    slot.merged = { cids: Int32Array.from(all, (m) => m.cid), offsets: Int32Array.from(all, (m) => m.offset) };
    return slot.merged;
  }

  locate(row: number): { cid: number; offset: number } | undefined {
    const at = this.rows.locate(row);
    if (!at) return undefined;
    const slot = this.slots[at.group]!;
    if (slot.cids.length === 1) return { cid: slot.cids[0]!, offset: this.byCid.get(slot.cids[0]!)![at.offset]! };
    const m = this.merged(slot);
    return { cid: m.cids[at.offset]!, offset: m.offsets[at.offset]! };
  }

  /** Row of a match, or -1. */
  rowOf(cid: number, offset: number): number {
    const k = this.slots.findIndex((s) => s.cids.includes(cid));
    if (k < 0) return -1;
    const slot = this.slots[k]!;
    let i: number;
    if (slot.cids.length === 1) i = this.byCid.get(cid)!.indexOf(offset);
    else {
      const m = this.merged(slot);
      i = m.cids.findIndex((c, j) => c === cid && m.offsets[j] === offset);
    }
    return i < 0 ? -1 : this.rows.startOf(k) + i;
  }

  /** First row of the k-th unit with matches. */
  firstRow(k: number): number {
    return this.rows.startOf(k);
  }

  /** The history's units with matches, in order. */
  units(): number[] {
    return this.slots.map((s) => s.unit);
  }
}
