import { clip } from '../protocols/format';
import { TITLE_MAX } from './text';

/** A stored notification that may become a desktop alert. */
export interface AlertItem {
  endpointId: string;
  endpointName: string;
  seq: number;
  rowKey: number;
  title: string;
  message: string;
}

/** A desktop alert to show: about one event, or a summary of a burst. */
export interface Alert {
  endpointId: string;
  title: string;
  message: string;
  /** The event a click opens: the newest the alert covers. */
  seq: number;
  /** The row a click marks read; only set for an alert about a single event. */
  rowKey?: number;
  /** Events the alert stands for. */
  count: number;
}

/** The default: at most one desktop alert per endpoint per minute (see lib/config/settings.ts). */
export const COALESCE_WINDOW_MS = 60_000;

interface Slot {
  /** No other alert for this endpoint before this time. */
  until: number;
  /** Events folded into the endpoint's visible alert (since the user last dismissed it). */
  total: number;
  /** Events waiting for the window to end. */
  held: number;
  latest: AlertItem;
}

const single = (item: AlertItem): Alert => ({
  endpointId: item.endpointId,
  title: item.title,
  message: item.message ? `${item.endpointName}: ${item.message}` : item.endpointName,
  seq: item.seq,
  rowKey: item.rowKey,
  count: 1,
});

/**
 * At most one desktop alert per endpoint per window. The first event after a quiet spell
 * alerts at once; events inside the window are held and, when it ends, become one summary
 * ("12 new notifications from …") that replaces the endpoint's alert. Time is passed in and
 * no timers are kept: the caller wakes at `nextDue()` and calls `due()`.
 */
export class Coalescer {
  private readonly slots = new Map<string, Slot>();

  constructor(private windowMs = COALESCE_WINDOW_MS) {}

  /** A new window length; held summaries keep the end they were given. */
  setWindow(ms: number): void {
    this.windowMs = ms;
  }

  /** An alert to show now, or undefined when held (or suppressed by do-not-disturb). */
  offer(item: AlertItem, now: number, dnd: boolean): Alert | undefined {
    if (dnd) return undefined;
    const slot = this.slots.get(item.endpointId);
    if (!slot || (now >= slot.until && slot.held === 0)) {
      this.slots.set(item.endpointId, { until: now + this.windowMs, total: 1, held: 0, latest: item });
      return single(item);
    }
    slot.held += 1;
    slot.total += 1;
    slot.latest = item;
    return now >= slot.until ? this.release(slot, now) : undefined;
  }

  /** Alerts whose window has ended; under do-not-disturb the held events are dropped instead. */
  due(now: number, dnd: boolean): Alert[] {
    const out: Alert[] = [];
    for (const [id, slot] of this.slots) {
      if (now < slot.until) continue;
      if (slot.held === 0 || dnd) this.slots.delete(id);
      else out.push(this.release(slot, now));
    }
    return out;
  }

  /** When `due` has something to release, if ever. */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const slot of this.slots.values()) if (slot.held > 0 && (next === undefined || slot.until < next)) next = slot.until;
    return next;
  }

  /** The user clicked or closed the endpoint's alert: the next summary counts from here. */
  dismissed(endpointId: string): void {
    const slot = this.slots.get(endpointId);
    if (slot) slot.total = slot.held;
  }

  private release(slot: Slot, now: number): Alert {
    const { latest, total } = slot;
    slot.held = 0;
    slot.until = now + this.windowMs;
    if (total === 1) return single(latest);
    return {
      endpointId: latest.endpointId,
      title: clip(`${total} new notifications from ${latest.endpointName}`, TITLE_MAX),
      message: `Latest: ${latest.title}`,
      seq: latest.seq,
      count: total,
    };
  }
}
