import type { JSX } from 'preact';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { localDateTime, parseLocalDateTime } from '../../lib/format/units';
import { REPLAY_SPEEDS, type ReplaySpeed, type ReplayState } from '../../lib/exchange/replay';

export interface ReplayBarProps {
  endpoints: readonly Pick<EndpointConfig, 'id' | 'name'>[];
  endpointId: string | undefined;
  /** The range replayed, ms since the epoch; undefined is open. */
  from: number | undefined;
  to: number | undefined;
  state: ReplayState;
  onEndpoint(endpointId: string): void;
  onRange(from: number | undefined, to: number | undefined): void;
  onPlayPause(): void;
  onSpeed(speed: ReplaySpeed): void;
  onStepBack(): void;
  onStepForward(): void;
  onSeek(position: number): void;
}

const speedLabel = (s: ReplaySpeed): string => (s === 'max' ? 'max' : `${s}x`);
const value = (e: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>): string => e.currentTarget.value;

/** Replay controls. Does no I/O: the controller's state comes in, every action goes to a callback. */
export function ReplayBar(props: ReplayBarProps) {
  const { position, total, playing, speed } = props.state;
  return (
    <div class="replay-bar">
      <select aria-label="Endpoint to replay" data-testid="replay-endpoint" value={props.endpointId ?? ''} onChange={(e) => props.onEndpoint(value(e))}>
        {props.endpointId === undefined && <option value="">Choose an endpoint</option>}
        {props.endpoints.map((ep) => (
          <option key={ep.id} value={ep.id}>
            {ep.name}
          </option>
        ))}
      </select>
      <label>
        From{' '}
        <input
          type="datetime-local"
          step={1}
          data-testid="replay-from"
          value={props.from === undefined ? '' : localDateTime(props.from)}
          onChange={(e) => props.onRange(parseLocalDateTime(value(e)), props.to)}
        />
      </label>
      <label>
        To{' '}
        <input
          type="datetime-local"
          step={1}
          data-testid="replay-to"
          value={props.to === undefined ? '' : localDateTime(props.to)}
          onChange={(e) => props.onRange(props.from, parseLocalDateTime(value(e)))}
        />
      </label>
      <button type="button" aria-label="Step back" title="Step back" data-testid="replay-step-back" disabled={position === 0} onClick={() => props.onStepBack()}>
        ◀︎
      </button>
      <button type="button" aria-pressed={playing} data-testid="replay-play" disabled={total === 0} onClick={() => props.onPlayPause()}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        aria-label="Step forward"
        title="Step forward"
        data-testid="replay-step-forward"
        disabled={position >= total}
        onClick={() => props.onStepForward()}
      >
        ▶︎
      </button>
      <select aria-label="Speed" data-testid="replay-speed" value={String(speed)} onChange={(e) => props.onSpeed(REPLAY_SPEEDS.find((s) => String(s) === value(e)) ?? 1)}>
        {REPLAY_SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
      <input
        type="range"
        aria-label="Position"
        data-testid="replay-position"
        min={0}
        max={total}
        value={position}
        disabled={total === 0}
        onInput={(e) => props.onSeek(Number(value(e)))}
      />
      <span class="replay-counter" data-testid="replay-counter">
        {position} / {total}
      </span>
    </div>
  );
}
