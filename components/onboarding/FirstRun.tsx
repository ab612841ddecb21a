import type { TabCapture } from '../../lib/capture/tab-capture';
import './first-run.css';

export interface FirstRunActions {
  /** Opens the endpoint form (or the options page, where it lives). */
  add(): void;
  /** Records the streams of the page in front; absent where there is no such page. */
  capture?: () => void;
  /** Capture is already on for that page's site: the button says so instead. */
  capturing?: boolean;
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
          <button
            type="button"
            data-testid="first-run-capture"
            disabled={actions.capturing}
            title={actions.capturing ? 'Streams this site opens are recorded and listed here as they start' : 'Record the streams this page opens (asks for access to the site)'}
            onClick={actions.capture}
          >
            {actions.capturing ? 'Capturing this site' : 'Capture this site'}
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

/**
 * "Capture this site" for the tab a view is about: the capture bar's own switch (asks for the
 * site's permission, so it runs from the click). Offered only while the tab shows an http(s) page.
 */
export function siteCaptureActions(capture: TabCapture | undefined): Pick<FirstRunActions, 'capture' | 'capturing'> {
  if (!capture?.origin.value) return {};
  return { capture: () => capture.toggle(true), capturing: capture.on.value };
}
