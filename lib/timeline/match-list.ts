import { RowMap } from '../panel/row-map';
import type { ChunkMatches } from './search-scan';

/**
 * A search's matches over the stored chunks as (cid, offset) references, in chunk order
 * whatever order they were found in. Rows are numbered over them without copying events.
 */
export class MatchList {
  private readonly byCid = new Map<number, Int32Array>();
  private order: number[] = [];
  private rows = new RowMap([]);

  constructor(
    /** Chunk position of a cid in the history's index (-1 when gone). */
    private readonly position: (cid: number) => number,
  ) {}

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
    const placed = [...this.byCid.keys()].map((cid) => [this.position(cid), cid] as const).filter(([p]) => p >= 0);
    placed.sort((a, b) => a[0] - b[0]);
    this.order = placed.map(([, cid]) => cid);
    this.rows = new RowMap(this.order.map((cid) => this.byCid.get(cid)!.length));
  }

  locate(row: number): { cid: number; offset: number } | undefined {
    const at = this.rows.locate(row);
    if (!at) return undefined;
    const cid = this.order[at.group]!;
    return { cid, offset: this.byCid.get(cid)![at.offset]! };
  }

  /** Row of a match, or -1. */
  rowOf(cid: number, offset: number): number {
    const k = this.order.indexOf(cid);
    if (k < 0) return -1;
    const i = this.byCid.get(cid)!.indexOf(offset);
    return i < 0 ? -1 : this.rows.startOf(k) + i;
  }

  /** First row of the k-th chunk with matches. */
  firstRow(k: number): number {
    return this.rows.startOf(k);
  }

  /** Cids with matches, in chunk order. */
  chunks(): readonly number[] {
    return this.order;
  }
}
