import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openStore } from '../lib/store/schema';
import { readChunkTyping, readRawChunk } from '../lib/store/view';
import { serveSearches } from '../lib/timeline/search-worker';

// Loaded as a dedicated Worker by the panel pages (lib/panel/page-boot.ts): the timeline's search.
export default defineUnlistedScript(() => {
  const db = openStore();
  serveSearches(globalThis as unknown as Parameters<typeof serveSearches>[0], {
    readRaw: async (cid, keep) => readRawChunk(await db, cid, keep),
    readTyping: async (cid) => readChunkTyping(await db, cid),
  });
});
