import { eventKey } from '../model/event';

/** Query parameter of the history page naming the event to focus, as `endpointId#seq`. */
export const FOCUS_PARAM = 'focus';

export interface EventRef {
  endpointId: string;
  seq: number;
}

/** Extension path of the history page focused on one event: `/streams.html?focus=ep-1%2342`. */
export const historyFocusPath = (ref: EventRef): `/streams.html${string}` =>
  `/streams.html?${new URLSearchParams({ [FOCUS_PARAM]: eventKey(ref) }).toString()}`;

/** The event key (`endpointId#seq`, as `eventKey` makes it) a history page URL asks to focus. */
export function focusFromSearch(search: string): string | undefined {
  const key = new URLSearchParams(search).get(FOCUS_PARAM);
  return key && /#\d+$/.test(key) ? key : undefined;
}

const ALERT_PREFIX = 'streamscope?';

/**
 * Desktop alert ids carry what a click needs, so a click still works after the background
 * was restarted and has forgotten the alerts it made.
 */
export function alertId(ref: EventRef, rowKey: number | undefined): string {
  const q = new URLSearchParams({ ep: ref.endpointId, seq: String(ref.seq) });
  if (rowKey !== undefined) q.set('row', String(rowKey));
  return ALERT_PREFIX + q.toString();
}

export function parseAlertId(id: string): (EventRef & { rowKey?: number }) | undefined {
  if (!id.startsWith(ALERT_PREFIX)) return undefined;
  const q = new URLSearchParams(id.slice(ALERT_PREFIX.length));
  const endpointId = q.get('ep');
  const seq = Number(q.get('seq'));
  const row = q.get('row');
  if (!endpointId || !Number.isInteger(seq) || seq < 1) return undefined;
  return row !== null && /^\d+$/.test(row) ? { endpointId, seq, rowKey: Number(row) } : { endpointId, seq };
}
