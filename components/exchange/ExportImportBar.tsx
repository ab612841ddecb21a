import type { JSX } from 'preact';
import type { EndpointConfig } from '../../lib/config/endpoint';
import type { ExportFormat } from '../../lib/exchange/panel-actions';

export interface ExportImportBarProps {
  endpoints: readonly Pick<EndpointConfig, 'id' | 'name'>[];
  /** Events in the current view; "Export view" is off when there are none. */
  viewCount: number;
  /** An export or import is running: the buttons are off and this says what is happening. */
  busy?: string;
  /** Why the last import failed, one problem each (`line 3: not valid JSON`). */
  errors?: readonly string[];
  /** The outcome of the last import or export, in words. */
  notice?: string;
  onExportView(format: ExportFormat): void;
  onExportEndpoint(endpointId: string, format: ExportFormat): void;
  onImport(file: File): void;
}

/** Off screen rather than `display: none`, so the file input still takes keyboard focus. */
const offscreen: JSX.CSSProperties = { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' };

/** Export and import controls. Does no I/O: every action goes to a callback. */
export function ExportImportBar(props: ExportImportBarProps) {
  const busy = props.busy !== undefined;
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
    <div class="exchange-bar">
      <button type="button" data-testid="export-view" disabled={busy || props.viewCount === 0} onClick={() => props.onExportView('ndjson')}>
        Export view
      </button>
      <button
        type="button"
        data-testid="export-view-har"
        title="The view as a HAR file: WebSocket frames and SSE events, no headers or cookies"
        disabled={busy || props.viewCount === 0}
        onClick={() => props.onExportView('har')}
      >
        as HAR
      </button>
      <form class="export-endpoint" onSubmit={exportEndpoint}>
        <select name="endpoint" aria-label="Endpoint to export" data-testid="export-endpoint-select" disabled={busy || props.endpoints.length === 0}>
          {props.endpoints.map((ep) => (
            <option key={ep.id} value={ep.id}>
              {ep.name}
            </option>
          ))}
        </select>
        <button type="submit" value="ndjson" data-testid="export-endpoint" disabled={busy || props.endpoints.length === 0}>
          Export endpoint…
        </button>
        <button
          type="submit"
          value="har"
          data-testid="export-endpoint-har"
          title="Every stored event of the endpoint as a HAR file: WebSocket frames and SSE events, no headers or cookies"
          disabled={busy || props.endpoints.length === 0}
        >
          as HAR…
        </button>
      </form>
      <label class="import-button">
        Import NDJSON/HAR…
        <input
          type="file"
          accept=".ndjson,.jsonl,.har,.json,application/x-ndjson,application/json"
          data-testid="import-file"
          style={offscreen}
          disabled={busy}
          onChange={pick}
        />
      </label>
      {busy && (
        <span class="exchange-busy" role="status">
          {props.busy}
        </span>
      )}
      {!busy && props.notice !== undefined && (
        <span class="exchange-notice" role="status" data-testid="import-notice">
          {props.notice}
        </span>
      )}
      {props.errors && props.errors.length > 0 && (
        <div class="import-error" role="alert" data-testid="import-error">
          <p>Nothing was imported:</p>
          <ul>
            {props.errors.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
