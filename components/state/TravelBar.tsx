import { positionText, stepTarget, type Step } from '../../lib/stateview/position';

interface Props {
  index: number;
  length: number;
  live: boolean;
  /** Key of the event at the position. */
  eventKey: string | undefined;
  /** How long computing the state at the position took. */
  jumpMs: number;
  /** History events still being read in. */
  behind: number;
  moveTo(index: number): void;
  goLive(): void;
}

/** Slider and step buttons over the whole event sequence (all endpoints, oldest first). */
export function TravelBar({ index, length, live, eventKey, jumpMs, behind, moveTo, goLive }: Props) {
  const empty = length === 0;
  const step = (s: Step) => moveTo(stepTarget(index, s, length));
  return (
    <div class="sv-travel" role="toolbar" aria-label="Time travel">
      <button data-testid="tt-start" title="First event" aria-label="First event" disabled={empty || index === 0} onClick={() => step('start')}>
        ⏮
      </button>
      <button data-testid="tt-back" title="Previous event" aria-label="Previous event" disabled={empty || index === 0} onClick={() => step('back')}>
        ◀
      </button>
      <input
        type="range"
        class="sv-slider"
        data-testid="tt-slider"
        aria-label="Event position"
        min={0}
        max={Math.max(length - 1, 0)}
        step={1}
        value={Math.max(index, 0)}
        disabled={empty}
        onInput={(e) => moveTo(Number(e.currentTarget.value))}
      />
      <button
        data-testid="tt-forward"
        title="Next event"
        aria-label="Next event"
        disabled={empty || index >= length - 1}
        onClick={() => step('forward')}
      >
        ▶
      </button>
      <button data-testid="tt-live" aria-pressed={live} title="Follow the newest event" onClick={goLive}>
        Live
      </button>
      <span class="sv-position" data-testid="tt-position">
        {positionText(index, length)}
      </span>
      {eventKey !== undefined && <span class="sv-key muted">{eventKey}</span>}
      <span class="sv-jump muted" data-testid="tt-jump-ms" title="Time to compute the state at this position">
        {jumpMs.toFixed(1)} ms
      </span>
      {behind > 0 && <span class="sv-behind muted">reading history… {behind} events left</span>}
    </div>
  );
}
