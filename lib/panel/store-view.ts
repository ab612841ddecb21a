import type { EndpointState } from '../state/index';
import type { ChunkInfo, ChunkTyping, EndpointCounters, StoredEvent } from '../store/view';

export type { ChunkInfo, ChunkTyping, EndpointCounters, StoredEvent };

/**
 * The panel's read side of the store (lib/store/view.ts) bound to one open database, so views
 * and tests can pass it around; `storeView(db)` in ./panel-wiring binds the real functions.
 * The panel never touches object stores or the chunk encoding.
 */
export interface StoreView {
  readChunkIndex(endpointId?: string): Promise<ChunkInfo[]>;
  readChunk(cid: number): Promise<StoredEvent[]>;
  readChunkTyping(cid: number): Promise<ChunkTyping | undefined>;
  readCounters(): Promise<Map<string, EndpointCounters>>;
  /** Index rows of chunks after `afterCid`, and the counters of the same moment. */
  readIndexAfter(afterCid: number): Promise<{ rows: ChunkInfo[]; counters: Map<string, EndpointCounters> }>;
  stateAt(endpointId: string, atSeq?: number): Promise<{ state: EndpointState; seq: number }>;
  seqAtTime(endpointId: string | undefined, time: number): Promise<{ endpointId: string; seq: number } | undefined>;
}
