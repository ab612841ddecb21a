import type { JSX } from 'preact';
import type { EndpointConfig } from '../../lib/config/endpoint';
import type { ExportFormat } from '../../lib/exchange/panel-actions';

export interface ExportImportBarProps {
  endpoints: readonly Pick<EndpointConfig, 'id' | 'name'>[];
  /** Events in the current view; "Export view" is off when there are none. */
  viewCount: number;
  /** An export, import or replay read is running: the buttons are off until it ends. */
  busy?: boolean;
  onExportView(format: ExportFormat): void;
  onExportEndpoint(endpointId: string, format: ExportFormat): void;
  onImport(file: File): void;
}

const HAR_NOTE = 'WebSocket frames and SSE events, no headers or cookies';

/**
 * Export and import controls, a section each. Does no I/O: every action goes to a callback.
 * Exports download at once (no ellipsis); importing asks for a file (hence the ellipsis).
 */
export function ExportImportBar(props: ExportImportBarProps) {
  const busy = props.busy === true;
  const noEndpoint = busy || props.endpoints.length === 0;
  const exportEndpoint = (e: JSX.TargetedSubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const id = new FormData(e.currentTarget).get('endpoint');
    // The submit button pressed names the format.
    const format: ExportFormat = (e.submitter as HTMLButtonElement | null)?.value === 'har' ? 'har' : 'ndjson';
    if (typeof id === 'string' && id !== '') props.onExportEndpoint(id, format);
  };
  const pick = (e: JSX.TargetedEvent<HTMLInputElement>): void => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared so that picking the same file again (after fixing it) fires again.
    input.value = '';
    if (file) props.onImport(file);
  };
  return (
    <>
      <section class="ex-section" aria-labelledby="ex-export">
        <h3 id="ex-export">Export</h3>
        <div class="ex-row">
          <span class="ex-label">The filtered view</span>
          <button type="button" data-testid="export-view" title="The events the timeline shows now, as NDJSON" disabled={busy || props.viewCount === 0} onClick={() => props.onExportView('ndjson')}>
            Export view
          </button>
          <button type="button" data-testid="export-view-har" title={`The view as a HAR file: ${HAR_NOTE}`} disabled={busy || props.viewCount === 0} onClick={() => props.onExportView('har')}>
            as HAR
          </button>
          <span class="muted">{props.viewCount === 0 ? 'nothing in the view' : `${props.viewCount.toLocaleString()} events`}</span>
        </div>
        <form class="ex-row" onSubmit={exportEndpoint}>
          <span class="ex-label">A whole endpoint</span>
          <select name="endpoint" aria-label="Endpoint to export" data-testid="export-endpoint-select" disabled={noEndpoint}>
            {props.endpoints.map((ep) => (
              <option key={ep.id} value={ep.id}>
                {ep.name}
              </option>
            ))}
          </select>
          <button type="submit" value="ndjson" data-testid="export-endpoint" title="Every stored event of the endpoint, as NDJSON" disabled={noEndpoint}>
            Export endpoint
          </button>
          <button type="submit" value="har" data-testid="export-endpoint-har" title={`Every stored event of the endpoint as a HAR file: ${HAR_NOTE}`} disabled={noEndpoint}>
            as HAR
          </button>
        </form>
      </section>
      <section class="ex-section" aria-labelledby="ex-import">
        <h3 id="ex-import">Import</h3>
        <div class="ex-row">
          {/* A label styled as a button: the file input inside stays focusable and opens the chooser. */}
          <label class={`ex-file${busy ? ' disabled' : ''}`}>
            Import NDJSON or HAR…
            <input
              type="file"
              class="ex-file-input"
              accept=".ndjson,.jsonl,.har,.json,application/x-ndjson,application/json"
              data-testid="import-file"
              disabled={busy}
              onChange={pick}
            />
          </label>
          <span class="muted">An imported file becomes a read-only recording in the timeline.</span>
        </div>
      </section>
    </>
  );
}
