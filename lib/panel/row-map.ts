/**
 * Row numbers over a sequence of groups (chunks, or the matches found in each chunk): row `i`
 * is `offset` within group `group`. Only counts are kept, so a million rows cost a few KB.
 */
export class RowMap {
  /** `starts[k]`: rows before group k; one longer than the groups. */
  private readonly starts: Float64Array;

  constructor(counts: ArrayLike<number>) {
    this.starts = new Float64Array(counts.length + 1);
    for (let k = 0; k < counts.length; k++) this.starts[k + 1] = this.starts[k]! + counts[k]!;
  }

  get total(): number {
    return this.starts[this.starts.length - 1]!;
  }

  get groups(): number {
    return this.starts.length - 1;
  }

  /** First row of group `k`. */
  startOf(k: number): number {
    return this.starts[k]!;
  }

  /** The group and offset of `row`, or undefined outside `[0, total)`. */
  locate(row: number): { group: number; offset: number } | undefined {
    if (!(row >= 0 && row < this.total)) return undefined;
    let lo = 0;
    let hi = this.starts.length - 2;
    // Last group whose start is <= row (empty groups share a start with the next one).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return { group: lo, offset: row - this.starts[lo]! };
  }
}
