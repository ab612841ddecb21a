import type { EndpointStatus } from '../messaging/protocol';
import { eventKey, type StreamEvent } from '../model/event';
import { compareEvents, olderPage } from '../store/reader';
import type { DB } from '../store/schema';

/**
 * What a page knows of the stream: history read straight from IndexedDB (newest first,
 * more on demand) merged with the live edge from the background, deduplicated by
 * (endpoint, seq) so the seam between the two has no gap and no duplicate.
 * Framework-free; the UI subscribes and re-renders.
 */
export class EventHistory {
  /** Oldest first. Treat as read-only. */
  events: StreamEvent[] = [];
  status = new Map<string, EndpointStatus>();
  online = true;
  /** More history is on disk. */
  hasOlder = true;
  loading = false;
  /** Bumped on every change so views can memoise on it. */
  version = 0;
  private readonly keys = new Set<string>();
  private before: number | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly clearListeners = new Set<(endpointId: string | undefined) => void>();

  constructor(private readonly db: DB) {}

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called after `clear`, before listeners, so caches keyed by event can drop their entries. */
  onClear(fn: (endpointId: string | undefined) => void): () => void {
    this.clearListeners.add(fn);
    return () => this.clearListeners.delete(fn);
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /** Live events from the background (or pending ones from `welcome`). */
  addLive(events: StreamEvent[]): void {
    let added = false;
    for (const e of events) {
      const k = eventKey(e);
      if (this.keys.has(k)) continue;
      this.keys.add(k);
      this.events.push(e);
      added = true;
    }
    if (added) this.changed();
  }

  setStatus(list: EndpointStatus[], online: boolean): void {
    this.status = new Map(list.map((s) => [s.endpointId, s]));
    this.online = online;
    this.changed();
  }

  /** Reads the next older page from disk and merges it in. */
  async loadOlder(limit = 2000): Promise<void> {
    if (this.loading || !this.hasOlder) return;
    this.loading = true;
    try {
      const page = await olderPage(this.db, { limit, before: this.before });
      this.before = page.before;
      this.hasOlder = page.before !== undefined;
      const fresh = page.events.filter((e) => {
        const k = eventKey(e);
        if (this.keys.has(k)) return false;
        this.keys.add(k);
        return true;
      });
      if (fresh.length > 0) {
        const oldestKnown = this.events[0];
        const merged = fresh.concat(this.events);
        // Pages come in write order; only a page overlapping the live edge needs a re-sort.
        if (oldestKnown && compareEvents(fresh[fresh.length - 1]!, oldestKnown) > 0) merged.sort(compareEvents);
        this.events = merged;
      }
    } finally {
      this.loading = false;
      this.changed();
    }
  }

  /** Forget events (after the user cleared the store). */
  clear(endpointId?: string): void {
    this.events = endpointId === undefined ? [] : this.events.filter((e) => e.endpointId !== endpointId);
    this.keys.clear();
    for (const e of this.events) this.keys.add(eventKey(e));
    this.hasOlder = endpointId !== undefined;
    this.before = undefined;
    for (const fn of this.clearListeners) fn(endpointId);
    this.changed();
  }

  /** Re-reads history from disk from the newest page (after an import added recordings). */
  async reload(): Promise<void> {
    this.clear();
    this.hasOlder = true;
    await this.loadOlder();
  }
}
