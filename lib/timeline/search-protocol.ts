import type { ChunkInfo } from '../panel/store-view';
import type { ScanProgress } from './search-scan';
import type { SearchQuery } from './stored-filter';

/** Page -> search Worker. `more` extends a running search to chunks written since it started. */
export type SearchRequest =
  | { type: 'search'; id: number; query: SearchQuery; chunks: ChunkInfo[] }
  | { type: 'more'; id: number; chunks: ChunkInfo[] }
  | { type: 'cancel'; id: number };

/** Search Worker -> page. */
export type SearchReply = { type: 'progress'; id: number; progress: ScanProgress } | { type: 'failed'; id: number; message: string };

/** Events in chunks handed to a search (by their index counts): its progress counts them. */
export const eventsIn = (chunks: readonly ChunkInfo[]): number => chunks.reduce((n, c) => n + c.count, 0);
