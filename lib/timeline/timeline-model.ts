import { eventKey, type StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import type { EventHistory, HistoryEvent } from '../panel/history';
import { parseEventKey } from '../panel/lookup';
import type { StoredEvent } from '../panel/store-view';
import type { EventTyping } from '../protocols/typing';
import { EMPTY_FILTER, type FilterScope, type TimelineFilter } from './filter';
import type { StoreSearch } from './search-client';
import { compileStoredFilter, type SearchQuery, type StoredMatcher } from './stored-filter';

const sameFilter = (a: TimelineFilter, b: TimelineFilter): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The timeline's rows over the whole stored history. Unfiltered, row i is the history's row i
 * (stored chunks, then the live tail), read from disk as it comes into view. Filtered, the rows
 * are the search Workers' (cid, offset) matches over the store followed by the live tail's
 * matches (tested here: the tail is small and bounded). Nothing is copied per event.
 */
export class TimelineModel {
  /** Freeze the list's length: new events are recorded but not shown. */
  paused = false;
  /** Bumped when the rows were replaced (filters changed), not when rows were added. */
  epoch = 0;
  private filter: TimelineFilter = EMPTY_FILTER;
  private scope: FilterScope = { pins: new Set() };
  private matcher: StoredMatcher = compileStoredFilter({ filter: EMPTY_FILTER, pins: [], families: {} });
  private tailMatches: StreamEvent[] = [];
  /** The tail array and how much of it was tested. */
  private tailSeen: { tail: readonly StreamEvent[]; upTo: number } = { tail: [], upTo: 0 };
  private indexVersion = -1;
  private typingRevision = -1;
  private frozen = 0;

  constructor(
    private readonly history: EventHistory,
    private readonly typing: EventTyping,
    readonly search: StoreSearch,
  ) {}

  /** The history arrives too fast to draw every change (see lib/panel/page-boot.ts). */
  get thinned(): boolean {
    return this.history.thinned;
  }

  /** Draws per second while thinned. */
  get drawsPerSecond(): number {
    return Math.round(1000 / Math.max(1, this.history.drawEveryMs));
  }

  get liveRate(): number {
    return this.history.liveRate;
  }

  get errors(): StoredMatcher['errors'] {
    return this.matcher.errors;
  }

  get filtered(): boolean {
    return !this.matcher.all;
  }

  /** Rows there are (stored and live), ignoring the pause. */
  get available(): number {
    return this.filtered ? this.search.matches.count + this.tailMatches.length : this.history.total;
  }

  /** Rows shown. */
  get count(): number {
    return this.paused ? Math.min(this.frozen, this.available) : this.available;
  }

  /** Rows held back by the pause. */
  get waiting(): number {
    return this.available - this.count;
  }

  /** Applies the filters; a change starts a new search over the store. */
  setFilter(filter: TimelineFilter, scope: FilterScope): void {
    const pinsMatter = filter.pinnedOnly && scope.pins !== this.scope.pins;
    if (sameFilter(filter, this.filter) && scope.after === this.scope.after && !pinsMatter) {
      this.scope = scope;
      return;
    }
    this.filter = filter;
    this.scope = scope;
    const query = this.query();
    this.matcher = compileStoredFilter(query);
    this.epoch++;
    this.tailSeen = { tail: [], upTo: 0 };
    this.tailMatches = [];
    if (this.matcher.all) this.search.reset();
    else this.search.start(query, this.history.chunks);
    this.indexVersion = this.history.indexVersion;
    this.sync();
  }

  setPaused(paused: boolean): void {
    if (paused && !this.paused) this.frozen = this.available;
    this.paused = paused;
  }

  private query(): SearchQuery {
    const families: Record<string, Family> = {};
    for (const c of this.history.chunks) families[c.endpointId] ??= this.typing.family(c.endpointId).family;
    for (const e of this.history.tail) families[e.endpointId] ??= this.typing.family(e.endpointId).family;
    return { filter: this.filter, pins: [...this.scope.pins], after: this.scope.after, families };
  }

  /** Takes in what changed in the history: new chunks for the search, new live events. */
  sync(): void {
    this.typing.refresh();
    if (this.history.indexVersion !== this.indexVersion) {
      this.indexVersion = this.history.indexVersion;
      if (this.filtered) this.search.extend(this.history.chunks);
    }
    if (!this.filtered) return;
    const tail = this.history.tail;
    if (tail !== this.tailSeen.tail || this.typing.revision !== this.typingRevision) {
      this.tailSeen = { tail, upTo: 0 };
      this.tailMatches = [];
      this.typingRevision = this.typing.revision;
    }
    for (let i = this.tailSeen.upTo; i < tail.length; i++) if (this.matcher.event(this.stored(tail[i]!))) this.tailMatches.push(tail[i]!);
    this.tailSeen.upTo = tail.length;
  }

  /** A live event with the typed fields a stored one carries. */
  private stored(ev: StreamEvent): StoredEvent {
    const t = this.typing.typed(ev);
    return { ...ev, type: t.type, valid: t.issues.length === 0 };
  }

  /** The event at a row; undefined while its chunk is being read. */
  eventAt(row: number): HistoryEvent | undefined {
    if (!this.filtered) return this.history.eventAt(row);
    const stored = this.search.matches.count;
    if (row >= stored) return this.tailMatches[row - stored];
    const at = this.search.matches.locate(row);
    return at && this.history.chunkEvents(at.cid)?.[at.offset];
  }

  /** The row of an event, when it can be told without reading (-1 otherwise; its chunk is then read). */
  rowOf(key: string): number {
    const k = parseEventKey(key);
    if (!k) return -1;
    const same = (e: StreamEvent) => e.seq === k.seq && e.endpointId === k.endpointId;
    if (!this.filtered) {
      const t = this.history.tail.findIndex(same);
      if (t >= 0) return this.history.storedCount + t;
    } else {
      const t = this.tailMatches.findIndex(same);
      if (t >= 0) return this.search.matches.count + t;
    }
    const c = this.history.chunkOf(k.endpointId, k.seq);
    if (!c) return -1;
    const evs = this.history.chunkEvents(c.cid);
    const offset = evs ? evs.findIndex(same) : -1;
    if (offset < 0) return -1;
    if (this.filtered) return this.search.matches.rowOf(c.cid, offset);
    return this.history.rowOfEvent(c.cid, offset);
  }

  /** The first row received at or after `time` (in a filtered list: the first match in a chunk, or group, that reaches it). */
  rowAtTime(time: number): number {
    if (!this.filtered) return this.history.rowAtTime(time);
    const m = this.search.matches;
    const units = m.units();
    for (let k = 0; k < units.length; k++) if (this.history.unitEnd(units[k]!) >= time) return m.firstRow(k);
    const t = this.tailMatches.findIndex((e) => e.time >= time);
    return m.count + (t < 0 ? this.tailMatches.length : t);
  }

  /** Per type, whole-store counts over the endpoints the filter keeps. */
  typeCounts(): Map<string, number> {
    const out = new Map<string, number>();
    const only = this.filter.endpoints.length > 0 ? new Set(this.filter.endpoints) : undefined;
    for (const [id, c] of this.history.counters) {
      if (only && !only.has(id)) continue;
      for (const [t, n] of Object.entries(c.types)) out.set(t, (out.get(t) ?? 0) + n);
    }
    return out;
  }

  /** A `connected` marker with an earlier one in the same endpoint: shown as "reconnected". */
  isReconnect(ev: StreamEvent): boolean {
    if (ev.dir !== 'sys' || ev.name !== 'connected') return false;
    for (const c of this.history.chunks) {
      if (c.endpointId !== ev.endpointId || c.firstSeq > ev.seq) continue;
      if (c.lastSeq < ev.seq && (c.types.connected ?? 0) > 0) return true;
      if (c.lastSeq >= ev.seq) {
        const evs = this.history.chunkEvents(c.cid);
        return evs?.some((e) => e.seq < ev.seq && e.dir === 'sys' && e.name === 'connected') ?? false;
      }
    }
    return this.history.tail.some((e) => e.endpointId === ev.endpointId && e.seq < ev.seq && e.dir === 'sys' && e.name === 'connected');
  }

  /** Every event of the rows, read from disk (for exporting the view). */
  async collect(): Promise<StreamEvent[]> {
    const out: StreamEvent[] = [];
    if (!this.filtered) {
      for (let u = 0; u < this.history.unitCount; u++) out.push(...(await this.history.readUnit(u)));
      out.push(...this.history.tail);
      return out;
    }
    const m = this.search.matches;
    for (let row = 0; row < m.count; ) {
      const at = m.locate(row)!;
      const evs = await this.history.store.readChunk(at.cid);
      for (; row < m.count && m.locate(row)!.cid === at.cid; row++) out.push(evs[m.locate(row)!.offset]!);
    }
    return out.concat(this.tailMatches);
  }

  /** Key of the event at a row, when it is loaded. */
  keyAt(row: number): string | undefined {
    const ev = this.eventAt(row);
    return ev && eventKey(ev);
  }
}
