import type { EndpointConfig } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import type { DB } from '../store/schema';
import { importFile } from './import-file';
import { HAR_MIME } from './har-format';
import { exportEndpointHar, exportViewHar } from './har-export';
import { exportEndpoint, exportFileName, exportView, ndjsonBlob } from './ndjson-export';
import type { StorageArea } from '../config/stored';
import { addRecordingEndpoints, type ImportResult } from './recording';
import { loadReplayEvents } from './replay-source';

/** The file and replay operations a panel page offers; the views call these, never I/O directly. */
/** NDJSON (Streamscope's own, line by line) or HAR (for DevTools, HAR tools and `streamscope serve`). */
export type ExportFormat = 'ndjson' | 'har';

export interface ExchangeActions {
  exportView(events: readonly StreamEvent[], endpoints: readonly EndpointConfig[], format?: ExportFormat): Promise<string>;
  exportEndpoint(endpoint: EndpointConfig, format?: ExportFormat): Promise<string>;
  importFile(file: File): Promise<ImportResult>;
  loadReplay(endpointId: string, from?: number, to?: number): Promise<StreamEvent[]>;
}

/** Hands a Blob to the user as a download. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exchangeActions(db: DB, storage: StorageArea, afterImport: () => Promise<void>): ExchangeActions {
  return {
    async exportView(events, endpoints, format = 'ndjson') {
      const name = exportFileName('view', Date.now(), format);
      const parts = format === 'har' ? exportViewHar(events, endpoints) : exportView(events, endpoints);
      download(await ndjsonBlob(parts, format === 'har' ? HAR_MIME : undefined), name);
      return `Exported ${events.length.toLocaleString()} events to ${name}`;
    },
    async exportEndpoint(endpoint, format = 'ndjson') {
      const name = exportFileName(endpoint.name, Date.now(), format);
      const parts = format === 'har' ? exportEndpointHar(db, endpoint) : exportEndpoint(db, endpoint);
      download(await ndjsonBlob(parts, format === 'har' ? HAR_MIME : undefined), name);
      return `Exported ${endpoint.name} to ${name}`;
    },
    async importFile(file) {
      const result = await importFile(db, file);
      await addRecordingEndpoints(storage, result.endpoints);
      await afterImport();
      return result;
    },
    loadReplay: (endpointId, from, to) => loadReplayEvents(db, endpointId, { from, to }),
  };
}
