import type { WorkerPort } from './search-client';
import type { SearchReply, SearchRequest } from './search-protocol';
import type { ChunkSource } from './search-scan';
import { serveSearches } from './search-worker';

/**
 * The search served on the page's own thread, for a browser where the panel cannot start the
 * Worker: the same code, one chunk per task, so the page still never blocks for long.
 */
export function inPageSearch(source: ChunkSource): WorkerPort {
  let onRequest: ((e: MessageEvent<SearchRequest>) => void) | undefined;
  const port: WorkerPort = {
    onmessage: null,
    postMessage: (m) => setTimeout(() => onRequest?.({ data: m } as MessageEvent<SearchRequest>), 0),
  };
  serveSearches(
    {
      postMessage: (m: SearchReply) => setTimeout(() => port.onmessage?.({ data: m } as MessageEvent<SearchReply>), 0),
      addEventListener: (_type, fn) => (onRequest = fn),
    },
    source,
  );
  return port;
}
