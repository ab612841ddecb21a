import type { StreamEvent } from '../model/event';
import type { TypedEvent } from '../model/typed';
import type { ChunkInfo } from '../store/view';
import { foldEvent, type EndpointState, type MergedState } from '../state/index';
import { batch } from '../state/immutable';

/** The part of the shared event typing (lib/protocols/typing.ts) that folding needs. */
export interface Typing {
  readonly revision: number;
  typed(ev: StreamEvent): TypedEvent;
}

/** What travelling needs of the panel's history (lib/panel/history.ts). */
export interface TravelSource {
  readonly chunks: readonly ChunkInfo[];
  /** Live events not on disk yet. */
  readonly tail: readonly StreamEvent[];
  readonly store: { stateAt(endpointId: string, atSeq?: number): Promise<{ state: EndpointState; seq: number }> };
  find(key: string): Promise<{ ev: StreamEvent } | undefined>;
}

/** The state of one endpoint just before and just after one of its events. */
export interface Moment {
  endpointId: string;
  /** Seq of the event; 0 when the endpoint has no events. */
  seq: number;
  ev: StreamEvent | undefined;
  before: MergedState;
  after: MergedState;
  /** Time taken to compute it. */
  ms: number;
}

/** Least time between two reads of the newest moment caused by a family disagreement. */
const REREAD_MS = 1000;

export const sliceState = (endpointId: string, slice: EndpointState | undefined): MergedState => ({ endpoints: slice ? { [endpointId]: slice } : {} });

/**
 * Time travel through one endpoint's stored events. The store folds (`stateAt`, from its nearest
 * snapshot); what the store has not written yet comes from the live tail and is folded here.
 * Live, the newest moment is kept up to date by folding each new event of the endpoint.
 */
export class EndpointTravel {
  private liveMoment: Moment | undefined;
  private liveLoading: Promise<Moment> | undefined;
  /** The last moment read: a step to the next event starts from its state after. */
  private lastMoment: Moment | undefined;
  private typingRevision: number;
  private rereadAt = -Infinity;

  constructor(
    readonly endpointId: string,
    private readonly history: TravelSource,
    private readonly typing: Typing,
  ) {
    this.typingRevision = typing.revision;
  }

  /** First and last seq of the endpoint's events (stored or live); undefined when it has none. */
  range(): { first: number; last: number } | undefined {
    let first = Infinity;
    let last = 0;
    for (const c of this.history.chunks) {
      if (c.endpointId !== this.endpointId) continue;
      first = Math.min(first, c.firstSeq);
      last = Math.max(last, c.lastSeq);
    }
    for (const e of this.history.tail) {
      if (e.endpointId !== this.endpointId) continue;
      first = Math.min(first, e.seq);
      last = Math.max(last, e.seq);
    }
    return last === 0 ? undefined : { first, last };
  }

  private fold(state: MergedState, ev: StreamEvent): MergedState {
    return foldEvent(state, { ...ev, typed: this.typing.typed(ev) });
  }

  /** The endpoint's state after every event up to `seq`. */
  async stateThrough(seq: number): Promise<MergedState> {
    if (seq <= 0) return sliceState(this.endpointId, undefined);
    const base = await this.history.store.stateAt(this.endpointId, seq);
    let state = sliceState(this.endpointId, base.seq > 0 ? base.state : undefined);
    // Events not on disk yet: the live tail holds them.
    return batch(() => {
      for (const e of this.history.tail) if (e.endpointId === this.endpointId && e.seq > base.seq && e.seq <= seq) state = this.fold(state, e);
      return state;
    });
  }

  /**
   * The moment at the event `seq`: the state before it, the event, the state after it. A step
   * to the next event from the last moment read reads nothing: the state before it is the state
   * after that moment.
   */
  async momentAt(seq: number): Promise<Moment> {
    const t0 = performance.now();
    if (this.typing.revision !== this.typingRevision) this.reset();
    const last = this.lastMoment;
    const known = last?.ev && seq === last.seq + 1 ? last.after : undefined;
    const [before, found] = await Promise.all([known ?? this.stateThrough(seq - 1), this.history.find(`${this.endpointId}#${seq}`)]);
    const ev = found?.ev;
    const after = ev ? this.fold(before, ev) : await this.stateThrough(seq);
    const m = { endpointId: this.endpointId, seq, ev, before, after, ms: performance.now() - t0 };
    this.lastMoment = m;
    return m;
  }

  /** The newest moment; kept current by `takeLive` once read. */
  live(): Promise<Moment> {
    if (this.typing.revision !== this.typingRevision) this.reset();
    if (this.liveMoment) return Promise.resolve(this.liveMoment);
    this.liveLoading ??= (async () => {
      const last = this.range()?.last ?? 0;
      const m = last === 0 ? { endpointId: this.endpointId, seq: 0, ev: undefined, before: sliceState(this.endpointId, undefined), after: sliceState(this.endpointId, undefined), ms: 0 } : await this.momentAt(last);
      this.liveMoment = m;
      this.liveLoading = undefined;
      return m;
    })();
    return this.liveLoading;
  }

  /** Folds new live events of the endpoint into the newest moment; true when it moved. */
  takeLive(events: readonly StreamEvent[]): boolean {
    const m = this.liveMoment;
    if (!m) return false;
    const started = performance.now();
    const fresh = events.filter((e) => e.endpointId === this.endpointId && e.seq > m.seq);
    const last = fresh.pop();
    if (!last) return false;
    // The store had typed the endpoint with another family when the moment was read (its
    // detection settles a flush later than this page's): live events would fold into nothing.
    // Read the moment again, at most once a second while the two disagree.
    const slice = m.after.endpoints[this.endpointId];
    if (slice && last.dir !== 'sys' && this.typing.typed(last).family !== slice.family) {
      if (performance.now() - this.rereadAt < REREAD_MS) return false;
      this.rereadAt = performance.now();
      this.reset();
      return true;
    }
    // Only the newest moment is shown: the events before it fold as one batch.
    const before = batch(() => fresh.reduce((state, e) => this.fold(state, e), m.after));
    const after = this.fold(before, last);
    this.liveMoment = { endpointId: this.endpointId, seq: last.seq, ev: last, before, after, ms: performance.now() - started };
    return true;
  }

  /** Forget the newest moment (history cleared or re-typed): it is read again. */
  reset(): void {
    this.liveMoment = undefined;
    this.liveLoading = undefined;
    this.lastMoment = undefined;
    this.typingRevision = this.typing.revision;
  }
}

