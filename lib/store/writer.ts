import type { StreamEvent } from '../model/event';
import type { DB, EndpointMeta } from './schema';

export interface WriterHooks {
  /** Events of a flush are on disk (meta counters updated). */
  persisted?(events: StreamEvent[]): void;
  /** The in-memory queue of an endpoint crossed the bound (true) or drained below it (false). */
  overload?(endpointId: string, overloaded: boolean): void;
  /** A write failed for a reason other than quota; events stay queued and are retried. */
  error?(message: string): void;
  /** The disk was full: `evicted` oldest events were deleted to make room. */
  quota?(evicted: number): void;
}

export interface WriterOptions {
  /** Flush when this many events are queued... */
  maxBatch: number;
  /** ...or this long after the first queued event. */
  maxDelayMs: number;
  /** Queued events per endpoint above which the endpoint is reported overloaded. */
  overloadAt: number;
}

const DEFAULTS: WriterOptions = { maxBatch: 5000, maxDelayMs: 30, overloadAt: 100_000 };

const isQuotaError = (e: unknown): boolean =>
  e instanceof DOMException ? e.name === 'QuotaExceededError' : /quota/i.test(String(e));

/**
 * Assigns per-endpoint sequence numbers and writes events in batches: one transaction per
 * flush, one chunk per endpoint, with the endpoint's counters and resume id in the same
 * transaction, so what is on disk and the resume point always agree. One transaction is in
 * flight at a time; the queue grows meanwhile, which makes batches larger under load.
 */
export class EventWriter {
  private readonly opts: WriterOptions;
  private queue: StreamEvent[] = [];
  private readonly queuedPer = new Map<string, number>();
  private readonly overloaded = new Set<string>();
  private metas = new Map<string, EndpointMeta>();
  private readonly nextSeq = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private inFlight = false;

  constructor(
    private readonly db: DB,
    private readonly hooks: WriterHooks = {},
    opts: Partial<WriterOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** Loads the counters; call once before `append`. */
  async init(): Promise<void> {
    this.metas = new Map((await this.db.getAll('meta')).map((m) => [m.endpointId, m]));
    for (const m of this.metas.values()) this.nextSeq.set(m.endpointId, m.lastSeq + 1);
  }

  /** Loads counters written by someone else (an import in a page) for endpoints not yet known. */
  async adopt(endpointIds: string[]): Promise<void> {
    for (const id of endpointIds) {
      if (this.metas.has(id)) continue;
      const m = await this.db.get('meta', id);
      if (m && !this.metas.has(id)) {
        this.metas.set(id, m);
        this.nextSeq.set(id, m.lastSeq + 1);
      }
    }
  }

  meta(endpointId: string): EndpointMeta | undefined {
    return this.metas.get(endpointId);
  }

  allMeta(): EndpointMeta[] {
    return [...this.metas.values()];
  }

  queued(endpointId?: string): number {
    return endpointId === undefined ? this.queue.length : (this.queuedPer.get(endpointId) ?? 0);
  }

  isOverloaded(endpointId: string): boolean {
    return this.overloaded.has(endpointId);
  }

  /** Events accepted but not yet on disk (sent to a page on subscribe, so no seam gap). */
  pending(): StreamEvent[] {
    return this.queue.slice();
  }

  /** Assigns the next sequence number and queues the event for the disk. */
  append(ev: Omit<StreamEvent, 'seq'>): StreamEvent {
    const seq = this.nextSeq.get(ev.endpointId) ?? 1;
    this.nextSeq.set(ev.endpointId, seq + 1);
    const full = { ...ev, seq } as StreamEvent;
    this.queue.push(full);
    const n = (this.queuedPer.get(ev.endpointId) ?? 0) + 1;
    this.queuedPer.set(ev.endpointId, n);
    if (n > this.opts.overloadAt && !this.overloaded.has(ev.endpointId)) {
      this.overloaded.add(ev.endpointId);
      this.hooks.overload?.(ev.endpointId, true);
    }
    this.schedule();
    return full;
  }

  private schedule(): void {
    if (this.inFlight) return; // the running flush picks the queue up when it ends
    if (this.queue.length >= this.opts.maxBatch) {
      void this.flush();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.opts.maxDelayMs);
    }
  }

  /** Writes everything queued; resolves when it is on disk (or failed and re-queued). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.running = this.running.then(() => this.writeQueued());
    return this.running;
  }

  /** Runs `work` after pending writes, with nothing else writing meanwhile (clear, prune). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.running.then(work);
    this.running = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      this.inFlight = true;
      try {
        await this.writeBatch(batch);
      } catch (err) {
        this.queue = batch.concat(this.queue);
        this.metas = new Map((await this.db.getAll('meta')).map((m) => [m.endpointId, m]));
        if (isQuotaError(err)) {
          this.hooks.quota?.(await this.evictOldest());
        } else {
          this.hooks.error?.(`Could not write events: ${String(err)}`);
          this.inFlight = false;
          this.timer = setTimeout(() => void this.flush(), 1000);
          return;
        }
      } finally {
        this.inFlight = false;
      }
    }
  }

  private async writeBatch(batch: StreamEvent[]): Promise<void> {
    const byEndpoint = new Map<string, StreamEvent[]>();
    for (const ev of batch) {
      const list = byEndpoint.get(ev.endpointId);
      if (list) list.push(ev);
      else byEndpoint.set(ev.endpointId, [ev]);
    }
    const tx = this.db.transaction(['chunks', 'meta'], 'readwrite', { durability: 'relaxed' });
    const chunks = tx.objectStore('chunks');
    const metaStore = tx.objectStore('meta');
    const updated: EndpointMeta[] = [];
    for (const [endpointId, events] of byEndpoint) {
      const prev = this.metas.get(endpointId);
      let bytes = 0;
      let lastEventId: string | undefined;
      // Chunks stay bounded even when an overload flushes a huge queue: reads load whole chunks.
      for (let i = 0; i < events.length; i += this.opts.maxBatch) {
        const part = events.slice(i, i + this.opts.maxBatch);
        let partBytes = 0;
        for (const e of part) {
          partBytes += e.size;
          if (e.id !== undefined && e.dir === 'in') lastEventId = e.id;
        }
        bytes += partBytes;
        const first = part[0]!;
        const last = part[part.length - 1]!;
        void chunks.add({ endpointId, firstSeq: first.seq, lastSeq: last.seq, t0: first.time, t1: last.time, bytes: partBytes, events: part });
      }
      const first = events[0]!;
      const last = events[events.length - 1]!;
      const meta: EndpointMeta = {
        endpointId,
        lastSeq: last.seq,
        lastEventId: lastEventId ?? prev?.lastEventId,
        count: (prev?.count ?? 0) + events.length,
        bytes: (prev?.bytes ?? 0) + bytes,
        firstTime: prev?.firstTime ?? first.time,
        lastTime: last.time,
      };
      void metaStore.put(meta);
      updated.push(meta);
    }
    await tx.done;
    for (const m of updated) {
      this.metas.set(m.endpointId, m);
      const left = (this.queuedPer.get(m.endpointId) ?? 0) - (byEndpoint.get(m.endpointId)?.length ?? 0);
      this.queuedPer.set(m.endpointId, Math.max(0, left));
      if (left <= this.opts.overloadAt / 2 && this.overloaded.delete(m.endpointId)) this.hooks.overload?.(m.endpointId, false);
    }
    this.hooks.persisted?.(batch);
  }

  /** Deletes the oldest tenth of all chunks (at least one) to recover from a full disk. */
  private async evictOldest(): Promise<number> {
    const total = await this.db.count('chunks');
    return this.deleteChunks(await this.db.getAllKeys('chunks', null, Math.max(1, Math.ceil(total / 10))));
  }

  /** Deletes chunks by key and keeps the counters right. Returns the events deleted. */
  async deleteChunks(keys: number[]): Promise<number> {
    if (keys.length === 0) return 0;
    const tx = this.db.transaction(['chunks', 'meta'], 'readwrite');
    const chunks = tx.objectStore('chunks');
    const lost = new Map<string, { count: number; bytes: number }>();
    const rows = await Promise.all(keys.map((k) => chunks.get(k)));
    for (const row of rows) {
      if (!row) continue;
      const l = lost.get(row.endpointId) ?? { count: 0, bytes: 0 };
      l.count += row.events.length;
      l.bytes += row.bytes;
      lost.set(row.endpointId, l);
      void chunks.delete(row.cid!);
    }
    let total = 0;
    for (const [endpointId, l] of lost) {
      const m = this.metas.get(endpointId);
      total += l.count;
      if (!m) continue;
      const next = { ...m, count: Math.max(0, m.count - l.count), bytes: Math.max(0, m.bytes - l.bytes) };
      void tx.objectStore('meta').put(next);
      this.metas.set(endpointId, next);
    }
    await tx.done;
    return total;
  }
}
