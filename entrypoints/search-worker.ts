import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openStore, type DB } from '../lib/store/schema';
import { readChunkTypings, readRawChunks } from '../lib/store/view';
import { serveSearches } from '../lib/timeline/search-worker';

// Loaded as a dedicated Worker by the panel pages (lib/panel/page-boot.ts): the timeline's search.
export default defineUnlistedScript(() => {
  const db = openStore();
  /** The `n` reads of one batch, each settling on its own, once the store is open. */
  const batch = <T>(n: number, read: (d: DB) => Promise<T>[]): Promise<T>[] => {
    const reads = db.then(read);
    return Array.from({ length: n }, (_, i) => reads.then((r) => r[i]!));
  };
  serveSearches(globalThis as unknown as Parameters<typeof serveSearches>[0], {
    readRaw: (reads) => batch(reads.length, (d) => readRawChunks(d, reads)),
    readTyping: (cids) => batch(cids.length, (d) => readChunkTypings(d, cids)),
  });
});
