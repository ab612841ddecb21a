import type { ChunkInfo } from '../store/view';
import { eventsIn, type SearchReply, type SearchRequest } from './search-protocol';
import { scanChunks, type ChunkSource } from './search-scan';
import { compileStoredFilter, type StoredMatcher } from './stored-filter';

/*
 * The timeline's search Worker: runs a filter over every stored chunk off the page's main
 * thread, reading IndexedDB through the store's view, and streams (cid, offset) matches back.
 * One search at a time; a newer one (or a cancel) stops the older at its next chunk.
 */
interface WorkerScope {
  postMessage(m: SearchReply): void;
  addEventListener(t: 'message', fn: (e: MessageEvent<SearchRequest>) => void): void;
}

/** Serves searches in the Worker whose global scope this is (entrypoints/search-worker.ts starts it). */
export function serveSearches(scope: WorkerScope, source: ChunkSource): void {
  let current = 0;
  let matcher: StoredMatcher | undefined;
  /** Chunks waiting to be searched for the current search, and whether a scan is running. */
  let queue: ChunkInfo[] = [];
  let scanning = false;
  /** Events in every chunk given to the current search, and in the chunks already scanned. */
  let total = 0;
  let scanned = 0;

  async function drain(id: number): Promise<void> {
    if (scanning) return;
    scanning = true;
    try {
      while (queue.length > 0 && id === current && matcher) {
        const chunks = queue;
        queue = [];
        const before = scanned;
        await scanChunks(chunks, matcher, {
          ...source,
          cancelled: () => id !== current,
          report: (p) => {
            if (id !== current) return;
            scanned = before + p.searched;
            const progress = { ...p, searched: scanned, total, done: p.done && queue.length === 0 };
            scope.postMessage({ type: 'progress', id, progress });
          },
        });
      }
    } catch (e) {
      scope.postMessage({ type: 'failed', id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      scanning = false;
    }
    // A newer search may have queued work while this one was stopping.
    if (current !== id && queue.length > 0) void drain(current);
  }

  scope.addEventListener('message', (e) => {
    const req = e.data;
    switch (req.type) {
      case 'search':
        current = req.id;
        matcher = compileStoredFilter(req.query);
        queue = req.chunks;
        total = eventsIn(req.chunks);
        scanned = 0;
        void drain(req.id);
        return;
      case 'more':
        if (req.id !== current) return;
        queue = queue.concat(req.chunks);
        total += eventsIn(req.chunks);
        void drain(req.id);
        return;
      case 'cancel':
        if (req.id === current) current = 0;
        queue = [];
        return;
    }
  });
}
