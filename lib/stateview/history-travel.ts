import { eventKey, type StreamEvent } from '../model/event';
import type { TypedEvent, TypedStreamEvent } from '../model/typed';
import type { MergedState } from '../state/index';
import { CHECKPOINT_INTERVAL, TimeTravel } from '../state/timetravel';

/** The part of the shared event typing (lib/protocols/typing.ts) that folding needs. */
export interface Typing {
  readonly revision: number;
  typed(ev: StreamEvent): TypedEvent;
  /** Feeds family detection before typing, so a batch is typed with one family. */
  observe(events: readonly StreamEvent[]): void;
  /** Re-reads the endpoints' configured profiles. */
  refresh(): void;
}

/**
 * A TimeTravel kept in step with the panel's event history, whose indices are the history's.
 * Live events are pushed onto the end of the history, so only the new tail is typed and folded.
 * Anything else — an older page put in front, a clear, a family re-detected (every event of that
 * endpoint types differently) — starts over: a TimeTravel only appends.
 */
export class HistoryTravel {
  /** Bumped on every start-over, so views can drop what they derived from earlier positions. */
  epoch = 0;
  private travel: TimeTravel;
  private src: readonly StreamEvent[] = [];
  /** `src[0, taken)` is folded. */
  private taken = 0;
  /** Keys of the first and last folded events: if either moved, the history was rewritten. */
  private firstKey = '';
  private lastKey = '';
  private revision: number;
  private readonly index = new Map<string, number>();

  constructor(
    private readonly typing: Typing,
    private readonly interval = CHECKPOINT_INTERVAL,
  ) {
    this.travel = new TimeTravel(interval);
    this.revision = typing.revision;
  }

  get length(): number {
    return this.taken;
  }

  /** Events of the history not folded yet: a long history is folded over several syncs. */
  get behind(): number {
    return this.src.length - this.taken;
  }

  /**
   * Takes in what changed in the history since the last sync, folding at most `budget` events
   * (the rest waits for the next call), so starting over on a long history does not freeze the page.
   */
  sync(events: readonly StreamEvent[], budget = Infinity): void {
    this.typing.refresh();
    if (!this.continues(events)) this.restart();
    this.src = events;
    this.typing.observe(events.slice(this.taken, this.taken + budget));
    if (this.typing.revision !== this.revision) this.restart();
    const end = Math.min(events.length, this.taken + budget);
    if (end <= this.taken) return;
    const fresh: TypedStreamEvent[] = [];
    for (let i = this.taken; i < end; i++) {
      const ev = events[i]!;
      this.index.set(eventKey(ev), i);
      fresh.push({ ...ev, typed: this.typing.typed(ev) });
    }
    this.travel.append(fresh);
    this.taken = end;
    this.firstKey = eventKey(events[0]!);
    this.lastKey = eventKey(events[end - 1]!);
  }

  /** The state after every folded event. */
  latest(): MergedState {
    return this.travel.latest();
  }

  /** The state after events 0..index (-1: before any event). */
  stateAt(index: number): MergedState {
    return this.travel.stateAt(index);
  }

  /** Index of the event with this key among the folded events; -1 when absent. */
  indexOf(key: string): number {
    return this.index.get(key) ?? -1;
  }

  eventAt(index: number): StreamEvent | undefined {
    return index >= 0 && index < this.taken ? this.src[index] : undefined;
  }

  typedAt(index: number): TypedEvent | undefined {
    const ev = this.eventAt(index);
    return ev && this.typing.typed(ev);
  }

  /** True when `events` is the folded list with (possibly) more appended. */
  private continues(events: readonly StreamEvent[]): boolean {
    if (this.taken === 0) return true;
    const first = events[0];
    const last = events[this.taken - 1];
    return first !== undefined && last !== undefined && eventKey(first) === this.firstKey && eventKey(last) === this.lastKey;
  }

  private restart(): void {
    this.travel = new TimeTravel(this.interval);
    this.taken = 0;
    this.index.clear();
    this.revision = this.typing.revision;
    this.epoch++;
  }
}
