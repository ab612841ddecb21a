import type { EndpointStatus } from '../messaging/protocol';
import type { StreamEvent } from '../model/event';
import { weave, weaveEvents, type Weave } from '../model/weave';
import { parseEventKey } from './lookup';
import { RowMap } from './row-map';
import type { ChunkInfo, EndpointCounters, StoredEvent, StoreView } from './store-view';

/** Events of read chunks kept in memory (least recently used chunks go first). */
export const CACHE_EVENTS = 20_000;
/** Live events kept while the store's index has not caught up with them; older ones are dropped. */
export const TAIL_MAX = 20_000;
/**
 * Above these live rates (events/s) views draw at most once per `everyMs` (and say so): a list
 * moving that fast cannot be read, and each draw lays the whole panel out again.
 */
const DRAW_STEPS = [
  { above: 10_000, everyMs: 500 },
  { above: 2_000, everyMs: 250 },
  { above: 500, everyMs: 100 },
];
/** How soon after live events arrive the index is re-read, at the least. */
const REFRESH_MS = 1000;

export type HistoryEvent = StreamEvent | StoredEvent;

/**
 * What a page knows of the stream: a view over the whole store, not a copy of it. The chunk
 * index (small) says where every stored event is; chunks are read as rows come into view and a
 * bounded number are kept. Live events from the background form a bounded tail after the stored
 * rows until a re-read of the index covers them (deduplicated by endpoint and seq, so the seam has
 * no gap and no duplicate). Memory stays the same whatever the history's size or rate.
 * Framework-free; the UI subscribes and re-renders.
 */
export class EventHistory {
  /** The store's chunks, oldest first. */
  chunks: ChunkInfo[] = [];
  /** Live events not in `chunks` yet, oldest first. Treat as read-only. */
  tail: StreamEvent[] = [];
  counters = new Map<string, EndpointCounters>();
  status = new Map<string, EndpointStatus>();
  online = true;
  /** The first read of the index is done. */
  ready = false;
  /** Bumped on every change so views can memoise on it. */
  version = 0;
  /** Bumped when stored rows were added, removed or reordered (not when a chunk was read). */
  indexVersion = 0;
  /** The all-endpoints order's units: one chunk, or a group's chunks (lib/model/weave.ts). Rows are numbered over them. */
  private units: Unit[] = [];
  private rows = new RowMap([]);
  /** Chunk position of each cid. */
  private readonly position = new Map<number, number>();
  /** Unit of each chunk position. */
  private unitOf: number[] = [];
  /** Laid-out groups, by their first cid (bounded: cleared when it fills). */
  private weaves = new Map<number, Weave>();
  /** Per endpoint, the highest seq the index covers: live events up to it are on disk. */
  private readonly covered = new Map<string, number>();
  private readonly cache = new Map<number, StoredEvent[]>();
  private cached = 0;
  private readonly reading = new Map<number, Promise<StoredEvent[]>>();
  /**
   * Live events the newest index rows took over from the tail, by cid, shown until their chunk
   * is read: otherwise the rows at the live edge blank out every time the index catches up.
   */
  private handoff = new Map<number, StreamEvent[]>();
  private refreshing: Promise<void> | undefined;
  /** A whole re-read was asked for (maybe while another read ran). */
  private wholeDue = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRefreshMs = 0;
  private readonly listeners = new Set<() => void>();
  private readonly clearListeners = new Set<(endpointId: string | undefined) => void>();
  private readonly liveListeners = new Set<(events: readonly StreamEvent[]) => void>();
  private changeQueued = false;
  /** Live events counted in the current and the previous second. */
  private rateWindow = { start: 0, count: 0, last: 0 };

  constructor(
    readonly store: StoreView,
    private readonly onProblem: (m: string) => void = () => undefined,
  ) {}

  /** Stored events. */
  get storedCount(): number {
    return this.rows.total;
  }

  /** Live events per second, over the last full second. */
  get liveRate(): number {
    const w = this.rateWindow;
    return Date.now() - w.start > 2000 ? 0 : w.last;
  }

  /** How long views wait between draws at the current live rate; 0: they draw every change. */
  get drawEveryMs(): number {
    const rate = this.liveRate;
    return DRAW_STEPS.find((s) => rate > s.above)?.everyMs ?? 0;
  }

  /** Arriving faster than views should draw every change. */
  get thinned(): boolean {
    return this.drawEveryMs > 0;
  }

  /** Every event: stored plus the live tail. */
  get total(): number {
    return this.rows.total + this.tail.length;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called after `clear`, before listeners, so caches keyed by event can drop their entries. */
  onClear(fn: (endpointId: string | undefined) => void): () => void {
    this.clearListeners.add(fn);
    return () => this.clearListeners.delete(fn);
  }

  /** Every live event as it arrives (new ones only), for views that fold the live edge. */
  onLive(fn: (events: readonly StreamEvent[]) => void): () => void {
    this.liveListeners.add(fn);
    return () => this.liveListeners.delete(fn);
  }

  /** Listeners run once per task however many changes it made. */
  private changed(): void {
    this.version++;
    if (this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      for (const fn of this.listeners) fn();
    });
  }

  /** Live events from the background (or pending ones from `welcome`). */
  addLive(events: readonly StreamEvent[]): void {
    const fresh: StreamEvent[] = [];
    const last = new Map<string, number>();
    for (const e of this.tail) last.set(e.endpointId, Math.max(last.get(e.endpointId) ?? 0, e.seq));
    for (const e of events) {
      const seen = Math.max(this.covered.get(e.endpointId) ?? 0, last.get(e.endpointId) ?? 0);
      if (e.seq <= seen) continue;
      last.set(e.endpointId, e.seq);
      fresh.push(e);
    }
    if (fresh.length === 0) return;
    this.countRate(fresh.length);
    for (const e of fresh) this.tail.push(e);
    if (this.tail.length > TAIL_MAX) this.tail = this.tail.slice(this.tail.length - TAIL_MAX);
    for (const fn of this.liveListeners) fn(fresh);
    this.scheduleRefresh();
    this.changed();
  }

  private countRate(n: number): void {
    const now = Date.now();
    const w = this.rateWindow;
    if (now - w.start >= 1000) {
      w.last = now - w.start < 2000 ? w.count : 0;
      w.start = now;
      w.count = 0;
    }
    w.count += n;
  }

  setStatus(list: EndpointStatus[], online: boolean): void {
    this.status = new Map(list.map((s) => [s.endpointId, s]));
    this.online = online;
    this.changed();
  }

  /** Re-reads the whole index and the counters; the tail keeps only what they do not cover yet. */
  refresh(): Promise<void> {
    this.wholeDue = true;
    return this.reread();
  }

  /**
   * Reads what changed in the index: the rows of new chunks only, unless the whole index is due
   * or the counters say something known was deleted (retention, a clear, a discarded
   * recording); then all of it. So following a live stream costs the same at any history size.
   */
  private reread(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    const t0 = Date.now();
    this.refreshing = (async () => {
      try {
        do {
          const whole = this.wholeDue || this.chunks.length === 0;
          this.wholeDue = false;
          if (whole || !(await this.readNewRows())) {
            const [chunks, counters] = await Promise.all([this.store.readChunkIndex(), this.store.readCounters()]);
            this.setIndex(chunks, counters);
          }
        } while (this.wholeDue);
      } catch (e) {
        this.onProblem(`Could not read the stored history: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        this.lastRefreshMs = Date.now() - t0;
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** Appends the rows of chunks written since the newest known one; false when the known rows no longer add up. */
  private async readNewRows(): Promise<boolean> {
    const { rows, counters } = await this.store.readIndexAfter(this.chunks[this.chunks.length - 1]!.cid);
    const replaced = this.replacedBy(rows);
    let stored = 0;
    for (const c of counters.values()) stored += c.count;
    const kept = this.rows.total - this.chunks.slice(this.chunks.length - replaced).reduce((n, r) => n + r.count, 0);
    if (kept + rows.reduce((n, r) => n + r.count, 0) !== stored) return false;
    this.counters = counters;
    const carried = this.removeNewest(replaced);
    if (rows.length > 0) this.addRows(rows, carried);
    this.changed();
    return true;
  }

  /**
   * How many of the newest known rows the new `rows` took the place of: the background merges
   * the store's newest chunks when they are small (lib/store/compact.ts), under new cids. A known
   * row is replaced when a new row holds its events (an endpoint's seqs are in one chunk only).
   */
  private replacedBy(rows: readonly ChunkInfo[]): number {
    let k = 0;
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const c = this.chunks[i]!;
      if (!rows.some((r) => r.endpointId === c.endpointId && r.firstSeq <= c.firstSeq && c.lastSeq <= r.lastSeq)) break;
      k++;
    }
    return k;
  }

  /**
   * Forgets the newest `k` rows; returns their events when all were in memory, so the rows that
   * replace them show at once. Those rows follow at once (`addRows`, which places the units).
   */
  private removeNewest(k: number): StreamEvent[] {
    if (k === 0) return [];
    const events: StreamEvent[] = [];
    let whole = true;
    for (const c of this.chunks.splice(this.chunks.length - k, k)) {
      const evs = this.cache.get(c.cid) ?? this.handoff.get(c.cid);
      if (evs) events.push(...evs);
      else whole = false;
      this.position.delete(c.cid);
      this.drop(c.cid);
    }
    return whole ? events : [];
  }

  /** Forms the units from the chunks (a group's chunks follow each other) and numbers the rows over them. */
  private placeUnits(): void {
    const units: Unit[] = [];
    const unitOf: number[] = new Array<number>(this.chunks.length);
    for (let i = 0; i < this.chunks.length; i++) {
      const c = this.chunks[i]!;
      const last = units[units.length - 1];
      if (last && c.group !== undefined && this.chunks[i - 1]!.group === c.group) {
        last.size++;
        last.count += c.count;
        last.t1 = Math.max(last.t1, c.t1);
      } else units.push({ first: i, size: 1, count: c.count, t1: c.t1 });
      unitOf[i] = units.length - 1;
    }
    this.units = units;
    this.unitOf = unitOf;
    this.rows = new RowMap(units.map((u) => u.count));
    this.weaves.clear();
  }

  /** A group's layout (its rows' chunks and offsets). */
  private weaveOf(u: Unit): Weave {
    const key = this.chunks[u.first]!.cid;
    let w = this.weaves.get(key);
    if (!w) {
      if (this.weaves.size >= 256) this.weaves.clear();
      w = weave(this.chunks.slice(u.first, u.first + u.size));
      this.weaves.set(key, w);
    }
    return w;
  }

  private setIndex(chunks: ChunkInfo[], counters: Map<string, EndpointCounters>): void {
    const same = chunks.length === this.chunks.length && chunks.every((c, i) => c.cid === this.chunks[i]!.cid && c.count === this.chunks[i]!.count);
    this.counters = counters;
    this.ready = true;
    if (!same) {
      this.chunks = [];
      this.position.clear();
      this.covered.clear();
      // A chunk rewritten under the same cid (compaction) must be read again.
      const counts = new Map(chunks.map((c) => [c.cid, c.count]));
      for (const [cid, evs] of this.cache) if (counts.get(cid) !== evs.length) this.drop(cid);
      this.addRows(chunks);
    }
    this.changed();
  }

  /**
   * Appends index rows (newer than those held): their positions, what they cover, the row map;
   * the tail keeps the rest. `carried`: events of rows just replaced, which the new rows may hold.
   */
  private addRows(rows: readonly ChunkInfo[], carried: readonly StreamEvent[] = []): void {
    for (const c of rows) {
      this.position.set(c.cid, this.chunks.length);
      this.chunks.push(c);
      this.covered.set(c.endpointId, Math.max(this.covered.get(c.endpointId) ?? 0, c.lastSeq));
    }
    this.placeUnits();
    this.handoff = handoffOf(rows, carried.length > 0 ? carried.concat(this.tail) : this.tail);
    this.tail = this.tail.filter((e) => e.seq > (this.covered.get(e.endpointId) ?? 0));
    this.indexVersion++;
  }

  /** Re-reads the index soon after live events arrived, less often when reading it is slow. */
  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined) return;
    const wait = Math.max(REFRESH_MS, this.lastRefreshMs * 4);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.reread();
    }, wait);
  }

  /** The chunk's events when read; otherwise starts reading it and returns undefined. */
  chunkEvents(cid: number): StoredEvent[] | undefined {
    const evs = this.cache.get(cid);
    if (evs) {
      // Most recently used last.
      this.cache.delete(cid);
      this.cache.set(cid, evs);
      return evs;
    }
    void this.readChunk(cid).catch(() => undefined);
    return undefined;
  }

  /** Reads a chunk (once, however many ask) and keeps it in the bounded cache. */
  readChunk(cid: number): Promise<StoredEvent[]> {
    const have = this.cache.get(cid);
    if (have) return Promise.resolve(have);
    let p = this.reading.get(cid);
    if (!p) {
      p = this.store.readChunk(cid).then(
        (evs) => {
          this.reading.delete(cid);
          this.handoff.delete(cid);
          if (this.position.has(cid)) this.keep(cid, evs);
          this.changed();
          return evs;
        },
        (e: unknown) => {
          this.reading.delete(cid);
          this.onProblem(`Could not read stored events: ${e instanceof Error ? e.message : String(e)}`);
          throw e;
        },
      );
      this.reading.set(cid, p);
    }
    return p;
  }

  private keep(cid: number, evs: StoredEvent[]): void {
    this.cache.set(cid, evs);
    this.cached += evs.length;
    for (const old of this.cache.keys()) {
      if (this.cached <= CACHE_EVENTS || old === cid) break;
      this.drop(old);
    }
  }

  private drop(cid: number): void {
    const evs = this.cache.get(cid);
    if (!evs) return;
    this.cache.delete(cid);
    this.cached -= evs.length;
  }

  /**
   * Where a chunk's events are in the all-endpoints order: its unit, and for a group's chunk the
   * row within the unit of each of its events (laid out when asked). Undefined for a chunk not in the index.
   */
  placeOf(cid: number): { unit: number; rows?: () => ArrayLike<number> } | undefined {
    const pos = this.position.get(cid);
    if (pos === undefined) return undefined;
    const unit = this.unitOf[pos]!;
    return this.units[unit]!.size === 1 ? { unit } : { unit, rows: () => this.groupRows(cid) };
  }

  /** A group's chunk's rows within its unit, as the index is now (empty for a chunk no longer in it). */
  private groupRows(cid: number): ArrayLike<number> {
    const pos = this.position.get(cid);
    const u = pos === undefined ? undefined : this.units[this.unitOf[pos]!];
    return u ? this.weaveOf(u).row[pos! - u.first]! : [];
  }

  /** Units of the all-endpoints order. */
  get unitCount(): number {
    return this.units.length;
  }

  /** Receive time of a unit's last event. */
  unitEnd(unit: number): number {
    return this.units[unit]?.t1 ?? Infinity;
  }

  /** The event at a row (stored rows first, then the tail); undefined while its chunk is read. */
  eventAt(row: number): HistoryEvent | undefined {
    if (row >= this.rows.total) return this.tail[row - this.rows.total];
    const at = this.rows.locate(row);
    if (!at) return undefined;
    const u = this.units[at.group]!;
    let pos = u.first;
    let offset = at.offset;
    if (u.size > 1) {
      const w = this.weaveOf(u);
      pos += w.member[offset]!;
      offset = w.offset[offset]!;
    }
    const cid = this.chunks[pos]!.cid;
    return (this.chunkEvents(cid) ?? this.handoff.get(cid))?.[offset];
  }

  /** The row of a stored chunk's event, or -1 for a chunk not in the index. */
  rowOfEvent(cid: number, offset: number): number {
    const place = this.placeOf(cid);
    if (!place) return -1;
    return this.rows.startOf(place.unit) + (place.rows ? place.rows()[offset]! : offset);
  }

  /** A unit's events read from disk in row order (not kept: for exports). */
  async readUnit(unit: number): Promise<StoredEvent[]> {
    const u = this.units[unit];
    if (!u) return [];
    const members = this.chunks.slice(u.first, u.first + u.size);
    const events = await Promise.all(members.map((c) => this.store.readChunk(c.cid)));
    return u.size === 1 ? events[0]! : weaveEvents(members, events);
  }

  /** The row of the first event received at or after `time` (the end when there is none). */
  rowAtTime(time: number): number {
    let lo = 0;
    let hi = this.units.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.units[mid]!.t1 < time) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.units.length) return this.rows.startOf(lo);
    const i = this.tail.findIndex((e) => e.time >= time);
    return this.rows.total + (i < 0 ? this.tail.length : i);
  }

  /** The chunk that holds an endpoint's event, by seq. */
  chunkOf(endpointId: string, seq: number): ChunkInfo | undefined {
    let found: ChunkInfo | undefined;
    for (const c of this.chunks) if (c.endpointId === endpointId && c.firstSeq <= seq && seq <= c.lastSeq) found = c;
    return found;
  }

  /** Finds an event by key, in the tail or on disk; with its row among all rows. */
  async find(key: string): Promise<{ ev: HistoryEvent; row: number; chunk?: StoredEvent[] } | undefined> {
    const k = parseEventKey(key);
    if (!k) return undefined;
    const t = this.tail.findIndex((e) => e.endpointId === k.endpointId && e.seq === k.seq);
    if (t >= 0) return { ev: this.tail[t]!, row: this.rows.total + t };
    const c = this.chunkOf(k.endpointId, k.seq);
    if (!c) return undefined;
    const evs = await this.readChunk(c.cid);
    const i = evs.findIndex((e) => e.seq === k.seq);
    const row = i < 0 ? -1 : this.rowOfEvent(c.cid, i);
    if (row < 0) return undefined;
    return { ev: evs[i]!, row, chunk: evs };
  }

  /** Forget events (after the user cleared the store). */
  clear(endpointId?: string): void {
    this.tail = endpointId === undefined ? [] : this.tail.filter((e) => e.endpointId !== endpointId);
    for (const fn of this.clearListeners) fn(endpointId);
    void this.refresh();
    this.changed();
  }

  /** Re-reads the history from disk (after an import added recordings). */
  async reload(): Promise<void> {
    this.cache.clear();
    this.cached = 0;
    await this.refresh();
  }
}

/** Consecutive chunks numbered as one: a chunk, or a group's chunks; `first` is a chunk position. */
interface Unit {
  first: number;
  size: number;
  count: number;
  t1: number;
}

/** The tail's events of each new row, for the rows whose every event the tail holds. */
function handoffOf(rows: readonly ChunkInfo[], tail: readonly StreamEvent[]): Map<number, StreamEvent[]> {
  const byEndpoint = new Map<string, StreamEvent[]>();
  for (const e of tail) (byEndpoint.get(e.endpointId) ?? byEndpoint.set(e.endpointId, []).get(e.endpointId)!).push(e);
  const out = new Map<number, StreamEvent[]>();
  for (const c of rows) {
    const own = byEndpoint.get(c.endpointId);
    // Each endpoint's tail is in seq order: a row that starts before it is not all there.
    if (!own || own[0]!.seq > c.firstSeq) continue;
    const evs = own.filter((e) => e.seq >= c.firstSeq && e.seq <= c.lastSeq);
    if (evs.length === c.count) out.set(c.cid, evs);
  }
  return out;
}
