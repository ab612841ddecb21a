import { eventKey, type StreamEvent } from '../model/event';
import { compileFilter, EMPTY_FILTER, type CompiledFilter, type FilterScope, type TimelineFilter } from './filter';
import { findEventIndex } from '../panel/lookup';
import type { EventTyping } from '../protocols/typing';

/**
 * The timeline's rows: the history filtered, kept up to date incrementally. Live events are
 * appended to the history's array and older pages put in front of it as a new array; both are
 * recognised and only the new events are typed and tested. Anything else (filters changed,
 * history cleared, a family re-detected) recomputes from scratch.
 */
export class TimelineModel {
  /** The events shown, oldest first. */
  rows: StreamEvent[] = [];
  /** Per type: events that pass every filter but the type list. */
  typeCounts = new Map<string, number>();
  /** Pinned events found so far, by key. */
  pinned = new Map<string, StreamEvent>();
  /** Rows appended since the last rebuild (counts the "new events" pill). */
  appended = 0;
  /** Bumped on every rebuild. */
  epoch = 0;
  /** Freeze the live edge: new events stay in the history but are not shown. */
  paused = false;

  private filter: TimelineFilter = EMPTY_FILTER;
  private scope: FilterScope = { pins: new Set() };
  private compiled: CompiledFilter = compileFilter(EMPTY_FILTER, this.scope);
  private dirty = true;
  private src: StreamEvent[] = [];
  /** `src[0, hi)` has been taken in. */
  private hi = 0;
  private revision = -1;
  private prepended = 0;
  private firstConnected = new Map<string, number>();
  private lastIndex = { key: '', index: -1 };

  constructor(private readonly typing: EventTyping) {}

  get errors(): CompiledFilter['errors'] {
    return this.compiled.errors;
  }

  /** Events stored but held back by the pause. */
  get waiting(): number {
    return this.src.length - this.hi;
  }

  /** Rebuilds on the next sync only if something that decides the rows changed. */
  setFilter(filter: TimelineFilter, scope: FilterScope): void {
    const pinsMatter = filter.pinnedOnly && scope.pins !== this.scope.pins;
    const changed = filter !== this.filter || scope.after !== this.scope.after || pinsMatter;
    const pinsChanged = scope.pins !== this.scope.pins;
    this.filter = filter;
    this.scope = scope;
    if (changed) {
      this.compiled = compileFilter(filter, scope);
      this.dirty = true;
    } else if (pinsChanged) {
      this.resolvePins();
    }
  }

  sync(events: StreamEvent[]): void {
    this.typing.refresh();
    const d = events.length - this.src.length;
    const same = events === this.src;
    const prepend = !same && this.src.length > 0 && d >= 0 && events[d] === this.src[0];
    if (!same && !prepend) return this.rebuild(events, events.length);
    // `held`: where the events taken in so far end in `events`; a pause keeps the view there.
    const held = prepend ? this.hi + d : this.hi;
    const end = this.paused ? held : events.length;
    if (prepend) this.typing.observe(events.slice(0, d));
    this.typing.observe(events.slice(held, end));
    if (this.dirty || this.typing.revision !== this.revision) return this.rebuild(events, held);
    if (prepend) {
      const front = this.take(events, 0, d);
      this.rows = front.concat(this.rows);
      this.prepended += front.length;
      this.src = events;
      this.hi += d;
    }
    if (end > held) {
      const back = this.take(events, held, end);
      for (const ev of back) this.rows.push(ev);
      this.appended += back.length;
      this.hi = end;
    }
  }

  /** Rows put in front since the last call: the view shifts its scroll position by as many. */
  takePrepended(): number {
    const n = this.prepended;
    this.prepended = 0;
    return n;
  }

  /** A `connected` marker with an earlier one before it in the same endpoint. */
  isReconnect(ev: StreamEvent): boolean {
    const first = this.firstConnected.get(ev.endpointId);
    return ev.dir === 'sys' && ev.name === 'connected' && first !== undefined && ev.seq > first;
  }

  /** Row index of an event key, or -1. */
  indexOf(key: string): number {
    const hint = this.lastIndex;
    if (hint.key === key && this.rows[hint.index] && eventKey(this.rows[hint.index]!) === key) return hint.index;
    const index = findEventIndex(this.rows, key);
    this.lastIndex = { key, index };
    return index;
  }

  private rebuild(events: StreamEvent[], upTo: number): void {
    const end = this.paused ? Math.min(upTo, events.length) : events.length;
    this.typing.observe(events.slice(0, end));
    this.revision = this.typing.revision;
    this.typeCounts = new Map();
    this.pinned = new Map();
    this.firstConnected = new Map();
    this.rows = this.take(events, 0, end);
    // Typing the events may have settled a family after all: then the counts above are stale.
    if (this.typing.revision !== this.revision) return this.rebuild(events, upTo);
    this.src = events;
    this.hi = end;
    this.dirty = false;
    this.prepended = 0;
    this.appended = 0;
    this.epoch++;
  }

  /** Types and tests `events[from, to)`, updating counts and pins; returns the ones shown. */
  private take(events: StreamEvent[], from: number, to: number): StreamEvent[] {
    const out: StreamEvent[] = [];
    const { base, type } = this.compiled;
    const pins = this.scope.pins;
    for (let i = from; i < to; i++) {
      const ev = events[i]!;
      if (ev.dir === 'sys' && ev.name === 'connected') {
        const first = this.firstConnected.get(ev.endpointId);
        if (first === undefined || ev.seq < first) this.firstConnected.set(ev.endpointId, ev.seq);
      }
      if (pins.size > 0) {
        const key = eventKey(ev);
        if (pins.has(key)) this.pinned.set(key, ev);
      }
      const t = this.typing.typed(ev);
      if (!base(ev, t)) continue;
      this.typeCounts.set(t.type, (this.typeCounts.get(t.type) ?? 0) + 1);
      if (type(t)) out.push(ev);
    }
    return out;
  }

  /** Pins changed without changing the rows: keep the found ones, look up new ones in the history. */
  private resolvePins(): void {
    const pins = this.scope.pins;
    for (const key of this.pinned.keys()) if (!pins.has(key)) this.pinned.delete(key);
    for (const key of pins) {
      if (this.pinned.has(key)) continue;
      const i = findEventIndex(this.src, key);
      if (i >= 0) this.pinned.set(key, this.src[i]!);
    }
  }
}
