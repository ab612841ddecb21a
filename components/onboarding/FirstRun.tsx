import './first-run.css';

export interface FirstRunActions {
  /** Opens the endpoint form (or the options page, where it lives). */
  add(): void;
  /** Records the streams of the page in front; absent where there is no such page. */
  capture?: () => void;
  /** Adds the demo endpoints if the demo server answers. */
  loadDemo(): void;
}

/**
 * What a fresh install shows instead of an empty list: the three ways to get a first stream.
 * Nothing connects until the user picks one, so a new profile stays quiet.
 */
export function FirstRun({ actions, busy = false, note }: { actions: FirstRunActions; busy?: boolean; note?: string }) {
  return (
    <section class="first-run" data-testid="first-run">
      <h2>No endpoints yet</h2>
      <p>Streamscope records Server-Sent-Events and WebSocket streams. Start with one:</p>
      <div class="first-run-actions">
        <button type="button" class="primary" data-testid="first-run-add" onClick={actions.add}>
          Add an endpoint
        </button>
        {actions.capture && (
          <button type="button" data-testid="first-run-capture" onClick={actions.capture}>
            Capture this site
          </button>
        )}
        <button type="button" data-testid="first-run-demo" disabled={busy} onClick={actions.loadDemo}>
          {busy ? 'Looking for the demo…' : 'Load the demo'}
        </button>
      </div>
      <p class="first-run-hint">
        The demo needs its server: run <code>npm start</code> or <code>npm run demo</code> in the Streamscope repository.
      </p>
      {note && (
        <p class="first-run-note" role="alert" data-testid="first-run-note">
          {note}
        </p>
      )}
    </section>
  );
}
