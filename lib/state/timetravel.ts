import type { TypedStreamEvent } from '../model/typed';
import { emptyState, foldEvent, type MergedState } from './index';

export { diffStates, type StateChange } from './diff';

export const CHECKPOINT_INTERVAL = 1000;

/**
 * Any past state of an append-only list of events. The state after every `interval` events is
 * kept as it is (consecutive states share all unchanged parts, so this costs little), and a
 * jump folds forward from the nearest checkpoint: at most `interval - 1` events.
 */
export class TimeTravel {
  private readonly events: TypedStreamEvent[] = [];
  /** Entry k is the state after the first k * interval events. */
  private readonly checkpoints: MergedState[];
  private head: MergedState;
  /** The last state handed out: stepping forward from it beats starting at the checkpoint. */
  private cursor: { index: number; state: MergedState };

  constructor(readonly interval = CHECKPOINT_INTERVAL) {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`checkpoint interval must be a positive integer: ${interval}`);
    this.head = emptyState();
    this.checkpoints = [this.head];
    this.cursor = { index: -1, state: this.head };
  }

  get length(): number {
    return this.events.length;
  }

  append(events: Iterable<TypedStreamEvent>): void {
    for (const ev of events) {
      this.events.push(ev);
      this.head = foldEvent(this.head, ev);
      if (this.events.length % this.interval === 0) this.checkpoints.push(this.head);
    }
  }

  /** The state after all events so far. */
  latest(): MergedState {
    return this.head;
  }

  /** The state after events 0..index; an index outside the list is clamped (-1: before any event). */
  stateAt(index: number): MergedState {
    const last = this.events.length - 1;
    const target = Math.min(Math.max(Math.trunc(index), -1), last);
    if (target === last || Number.isNaN(target)) return this.head;
    const k = Math.floor((target + 1) / this.interval);
    let next = k * this.interval;
    let state = this.checkpoints[k];
    if (!state) throw new Error(`no checkpoint ${k} for ${this.events.length} events`);
    if (this.cursor.index >= next - 1 && this.cursor.index <= target) {
      next = this.cursor.index + 1;
      state = this.cursor.state;
    }
    for (const ev of this.events.slice(next, target + 1)) state = foldEvent(state, ev);
    this.cursor = { index: target, state };
    return state;
  }
}
