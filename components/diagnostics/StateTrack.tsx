import type { ConnState } from '../../lib/model/connection';
import { STATE_TRACK } from '../../lib/diagnostics/state';

/** The state machine laid out in order, the current state lit as a badge. */
export function StateTrack({ state }: { state: ConnState }) {
  return (
    <ol class="diag-track" aria-label="Connection state">
      {STATE_TRACK.map((s, i) => (
        <li key={s.state} class={s.state === state ? `on st-${s.state}` : undefined} aria-current={s.state === state ? 'step' : undefined}>
          {/* given up and paused are alternative ends, not a further step */}
          {i > 0 && <span class="diag-sep" aria-hidden="true">{s.state === 'paused' ? '/' : '→'}</span>}
          <span class="diag-step">{s.label}</span>
        </li>
      ))}
    </ol>
  );
}
