import { formatClock } from '../../lib/format/units';

interface Props {
  /** Seq of the endpoint's event shown. */
  seq: number;
  /** The endpoint's first and last seq; undefined when it has no events. */
  range: { first: number; last: number } | undefined;
  live: boolean;
  /** Receive time of the event shown. */
  time: number | undefined;
  /** The position is the event selected in the timeline. */
  fromSelection: boolean;
  /** How long computing the state at the position took. */
  jumpMs: number;
  moveTo(seq: number): void;
  goLive(): void;
}

const clamp = (n: number, r: { first: number; last: number }): number => Math.min(r.last, Math.max(r.first, n));

/** Slider and step buttons over the picked endpoint's events, and a banner while in the past. */
export function TravelBar({ seq, range, live, time, fromSelection, jumpMs, moveTo, goLive }: Props) {
  const r = range ?? { first: 0, last: 0 };
  const empty = range === undefined;
  const step = (to: number) => moveTo(clamp(to, r));
  const when = time === undefined ? '' : `${new Date(time).toLocaleDateString()} ${formatClock(time)}`;
  return (
    <>
      <div class="sv-travel" role="toolbar" aria-label="Time travel">
        <button data-testid="tt-start" title="First event" aria-label="First event" disabled={empty || seq <= r.first} onClick={() => step(r.first)}>
          ⏮
        </button>
        <button data-testid="tt-back" title="Previous event" aria-label="Previous event" disabled={empty || seq <= r.first} onClick={() => step(seq - 1)}>
          ◀
        </button>
        <input
          type="range"
          class="sv-slider"
          data-testid="tt-slider"
          aria-label="Event position"
          min={r.first}
          max={r.last}
          step={1}
          value={seq}
          disabled={empty}
          onChange={(e) => moveTo(Number(e.currentTarget.value))}
        />
        <button data-testid="tt-forward" title="Next event" aria-label="Next event" disabled={empty || seq >= r.last} onClick={() => step(seq + 1)}>
          ▶
        </button>
        <button data-testid="tt-live" aria-pressed={live} title="Follow the newest event" onClick={goLive}>
          Live
        </button>
        <span class="sv-position" data-testid="tt-position">
          {empty ? '0 / 0' : `#${seq} of ${r.first}–${r.last}`}
        </span>
        <span class="sv-jump muted" data-testid="tt-jump-ms" title="Time to compute the state at this position">
          {jumpMs.toFixed(1)} ms
        </span>
      </div>
      {!live && !empty && (
        <div class="sv-past" role="status" data-testid="tt-past">
          <strong>Viewing the past:</strong> the state after event #{seq}
          {when && ` received ${when}`}
          {fromSelection ? ' (the event selected in the timeline)' : ''}.{' '}
          <button data-testid="tt-back-to-live" onClick={goLive}>
            Back to live
          </button>
        </div>
      )}
    </>
  );
}
