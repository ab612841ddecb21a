import { MAX_BATCH_RECORDS, MAX_RECORDS_PER_SECOND } from './channel';
import type { PageRecord } from './wire';

/** A record whose data is still being read (a Blob frame): it holds back the ones after it. */
export interface Slot {
  fill(r: PageRecord): void;
}

export interface RecorderDeps {
  /** Hands one batch (a JSON string) to the bridge. */
  emit(batch: string): void;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  stringify(v: unknown): string;
}

type Entry = { r: PageRecord | undefined };

/** How long records wait to be batched: short enough for a live view, long enough to batch. */
export const FLUSH_MS = 50;

/**
 * Batches the page hook's records in order and sends them as one string per flush. The page
 * never waits: above MAX_RECORDS_PER_SECOND records are dropped, counted per stream, and the
 * count is sent as a `dropped` record so the timeline says so. Nothing is sent before the
 * bridge said it is listening (`ready`).
 */
export class Recorder {
  private queue: Entry[] = [];
  private timer = false;
  private ready = false;
  private windowStart = 0;
  private inWindow = 0;
  private readonly dropped = new Map<number, number>();
  stopped = false;

  constructor(private readonly deps: RecorderDeps) {}

  /** Queues a record; false when the rate cap dropped it. */
  add(r: PageRecord): boolean {
    if (this.stopped) return false;
    if (!this.admit(r)) return false;
    this.queue.push({ r });
    this.schedule();
    return true;
  }

  /** Reserves a place in order for a record filled in later. */
  reserve(s: number): Slot | undefined {
    if (this.stopped || !this.admit({ k: 'chunk', s, t: 0, text: '' })) return undefined;
    const entry: Entry = { r: undefined };
    this.queue.push(entry);
    return {
      fill: (r) => {
        entry.r = r;
        this.schedule();
      },
    };
  }

  setReady(): void {
    this.ready = true;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.dropped.clear();
  }

  private admit(r: PageRecord): boolean {
    // Lifecycle records are few and say what happened: never dropped.
    if (r.k === 'open' || r.k === 'state') return true;
    const now = this.deps.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (++this.inWindow <= MAX_RECORDS_PER_SECOND) return true;
    this.dropped.set(r.s, (this.dropped.get(r.s) ?? 0) + 1);
    return false;
  }

  private schedule(): void {
    if (this.timer || !this.ready) return;
    this.timer = true;
    this.deps.setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    this.timer = false;
    if (this.stopped) return;
    const t = this.deps.now();
    for (const [s, n] of this.dropped) this.queue.push({ r: { k: 'dropped', s, t, n } });
    this.dropped.clear();
    let end = 0;
    while (end < this.queue.length && this.queue[end]!.r !== undefined) end++;
    for (let i = 0; i < end; i += MAX_BATCH_RECORDS) {
      const part = this.queue.slice(i, Math.min(end, i + MAX_BATCH_RECORDS)).map((e) => e.r);
      this.deps.emit(this.deps.stringify(part));
    }
    this.queue = this.queue.slice(end);
    if (this.queue.length > 0) this.schedule();
  }
}
