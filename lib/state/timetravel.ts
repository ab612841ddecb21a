import type { TypedStreamEvent } from '../model/typed';
import { emptyState, foldEvent, type MergedState } from './index';

export { diffStates, type StateChange } from './diff';

export const CHECKPOINT_INTERVAL = 1000;
/** Fold time after which a checkpoint is taken early, so no jump refolds more than this. */
export const CHECKPOINT_BUDGET_MS = 5;

interface Checkpoint {
  /** Events folded into `state`. */
  at: number;
  state: MergedState;
}

/**
 * Any past state of an append-only list of events. A checkpoint (the state as it was) is kept
 * every `interval` events, or sooner once folding since the last one took `budgetMs` (some
 * events are much dearer than others), and consecutive states share all unchanged parts, so
 * this costs little. A jump folds forward from the nearest checkpoint before it.
 */
export class TimeTravel {
  private readonly events: TypedStreamEvent[] = [];
  private readonly checkpoints: Checkpoint[];
  private head: MergedState;
  private foldMsSinceCheckpoint = 0;
  /** The last state handed out: stepping forward from it beats starting at the checkpoint. */
  private cursor: { index: number; state: MergedState };

  constructor(
    readonly interval = CHECKPOINT_INTERVAL,
    private readonly budgetMs = CHECKPOINT_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`checkpoint interval must be a positive integer: ${interval}`);
    this.head = emptyState();
    this.checkpoints = [{ at: 0, state: this.head }];
    this.cursor = { index: -1, state: this.head };
  }

  get length(): number {
    return this.events.length;
  }

  append(events: Iterable<TypedStreamEvent>): void {
    for (const ev of events) {
      this.events.push(ev);
      const t0 = this.now();
      this.head = foldEvent(this.head, ev);
      this.foldMsSinceCheckpoint += this.now() - t0;
      const sinceLast = this.events.length - this.checkpoints[this.checkpoints.length - 1]!.at;
      if (sinceLast >= this.interval || this.foldMsSinceCheckpoint >= this.budgetMs) {
        this.checkpoints.push({ at: this.events.length, state: this.head });
        this.foldMsSinceCheckpoint = 0;
      }
    }
  }

  /** The state after all events so far. */
  latest(): MergedState {
    return this.head;
  }

  /** The last checkpoint with at most `count` events folded in. */
  private checkpointFor(count: number): Checkpoint {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.at <= count) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo]!;
  }

  /** The state after events 0..index; an index outside the list is clamped (-1: before any event). */
  stateAt(index: number): MergedState {
    const last = this.events.length - 1;
    const target = Math.min(Math.max(Math.trunc(index), -1), last);
    if (target === last || Number.isNaN(target)) return this.head;
    const cp = this.checkpointFor(target + 1);
    let next = cp.at;
    let state = cp.state;
    if (this.cursor.index >= next - 1 && this.cursor.index <= target) {
      next = this.cursor.index + 1;
      state = this.cursor.state;
    }
    for (let i = next; i <= target; i++) state = foldEvent(state, this.events[i]!);
    this.cursor = { index: target, state };
    return state;
  }
}
