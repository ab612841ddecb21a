import type { StreamEvent } from '../model/event';
import { parseData } from '../protocols';
import { collectPaths, PATH_LIMITS, type KnownPath } from '../query/completion';

/** Rows by number, as the timeline model and the history give them (undefined while not in memory). */
export interface RowSource {
  readonly count: number;
  eventAt(row: number): StreamEvent | undefined;
}

/**
 * The field paths of the current view, for the field query's completion. Learnt from the
 * rows in view first, then from the newest events the view's endpoints (`keep`) have, at most
 * `limit` events and never more than twice that many rows looked at: the cost does not grow with
 * the history. Rows not in memory are skipped (asking for them starts their read).
 */
export function viewPaths(view: RowSource, firstVisible: number, visibleRows: number, recent: RowSource, keep: (ev: StreamEvent) => boolean, limit = PATH_LIMITS.samples): KnownPath[] {
  const picked: StreamEvent[] = [];
  const seen = new Set<StreamEvent>();
  const take = (ev: StreamEvent | undefined) => {
    if (ev && ev.dir !== 'sys' && !seen.has(ev) && keep(ev)) {
      seen.add(ev);
      picked.push(ev);
    }
  };
  const last = Math.min(view.count, firstVisible + visibleRows);
  for (let row = Math.max(0, firstVisible); row < last && picked.length < limit; row++) take(view.eventAt(row));
  for (let row = recent.count - 1, looked = 0; row >= 0 && looked < 2 * limit && picked.length < limit; row--, looked++) take(recent.eventAt(row));
  return collectPaths(picked.map((ev) => parseData(ev).payload));
}
