import { useState } from 'preact/hooks';
import type { Controls } from '../../lib/diagnostics/state';

interface Props {
  name: string;
  controls: Controls;
  /** Stored events the clear would delete. */
  stored: number;
  onReconnect(): void;
  onPause(action: 'pause' | 'resume'): void;
  onClear(): void;
}

/** Reconnect, pause or resume, and clear the stored events after a second, explicit click. */
export function ConnectionActions({ name, controls, stored, onReconnect, onPause, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const pause = controls.pause;
  return (
    <div class="diag-actions">
      <button data-testid="diag-reconnect" disabled={!controls.live} title={controls.why ?? 'Connect again now, with a fresh attempt count'} onClick={onReconnect}>
        Reconnect
      </button>
      <button data-testid="diag-pause" disabled={!pause} title={controls.why} onClick={() => pause && onPause(pause)}>
        {pause === 'resume' ? 'Resume' : 'Pause'}
      </button>
      {confirming ? (
        <span class="diag-confirm" role="alert">
          Delete {stored} stored events of {name}? Attempts are kept.
          <button
            data-testid="diag-clear-confirm"
            class="danger"
            onClick={() => {
              setConfirming(false);
              onClear();
            }}
          >
            Delete
          </button>
          <button onClick={() => setConfirming(false)}>Cancel</button>
        </span>
      ) : (
        <button data-testid="diag-clear" onClick={() => setConfirming(true)}>
          Clear stored events…
        </button>
      )}
    </div>
  );
}
