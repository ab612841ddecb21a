/**
 * Where the list goes back to when a search ends (Esc, or the box emptied): the selected row if
 * there is one, else the row that was at the top before the search began, else the live edge
 * when the list was following it — never the top of the history, where the bare scroll offset
 * would land once the full list is back.
 */
export type Place = { live: true } | { key: string };

export type Return = { live: true } | { row: number };

export class SearchReturn {
  private searching = false;
  private before: Place | undefined;
  private pending: Place | undefined;

  /**
   * Call on each render with the search text the list is filtered by, before the list renders;
   * `here` is where the list was at its last render (read only when a search begins).
   */
  observe(text: string, here: () => Place): void {
    const on = text !== '';
    if (on && !this.searching) {
      this.before = here();
      this.pending = undefined;
    } else if (!on && this.searching) {
      this.pending = this.before ?? { live: true };
      this.before = undefined;
    }
    this.searching = on;
  }

  /**
   * The scroll to make now, once: the selection wins over the place before the search. A row
   * not found yet waits while the list is still being filtered (`settled` false); a row that is
   * gone gives the live edge.
   */
  take(selected: string | undefined, rowOf: (key: string) => number, settled: boolean): Return | undefined {
    const p = this.pending;
    if (!p) return undefined;
    const key = selected ?? ('key' in p ? p.key : undefined);
    if (key !== undefined) {
      const row = rowOf(key);
      if (row >= 0) {
        this.pending = undefined;
        return { row };
      }
      if (!settled) return undefined;
    }
    this.pending = undefined;
    return { live: true };
  }
}
