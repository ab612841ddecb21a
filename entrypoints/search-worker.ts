import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveSearches } from '../lib/timeline/search-worker';

// Loaded as a dedicated Worker by the panel pages (lib/panel/page-boot.ts): the timeline's search.
export default defineUnlistedScript(() => serveSearches(globalThis as unknown as Parameters<typeof serveSearches>[0]));
