import type { ChunkInfo } from '../panel/store-view';
import { MatchList, type Placement } from './match-list';
import type { SearchReply, SearchRequest } from './search-protocol';
import type { SearchQuery } from './stored-filter';

/** The part of a Worker the search uses (a fake in unit tests). */
export interface WorkerPort {
  postMessage(m: SearchRequest): void;
  onmessage: ((e: MessageEvent<SearchReply>) => void) | null;
  /** The Worker's script could not load or threw: the search would never answer. */
  onerror?: ((e: ErrorEvent) => void) | null;
}

export interface SearchProgress {
  running: boolean;
  searched: number;
  total: number;
  error?: string;
}

const IDLE: SearchProgress = { running: false, searched: 0, total: 0 };

/**
 * A search over the whole store, run by the search Worker: results stream in as (cid, offset)
 * matches with progress, a new search or `cancel` stops the old one, and chunks written while it
 * runs are searched too. The Worker is started on the first search.
 */
export class StoreSearch {
  matches: MatchList;
  progress: SearchProgress = IDLE;
  private worker: WorkerPort | undefined;
  private id = 0;
  private query: SearchQuery | undefined;
  /** Chunks handed to the Worker for this search, by cid, with their counts. */
  private sent = new Map<number, number>();
  private maxCid = -1;
  /**
   * Events of handed-over chunks that were deleted since (retention, or merged into a new chunk,
   * which is searched as one): the Worker still counts them in its progress, the store no longer.
   */
  private gone = 0;

  constructor(
    private readonly makeWorker: () => WorkerPort,
    private readonly position: (cid: number) => Placement,
    private readonly changed: () => void,
  ) {
    this.matches = new MatchList(position);
  }

  start(query: SearchQuery, chunks: readonly ChunkInfo[]): void {
    this.id++;
    this.query = query;
    this.matches = new MatchList(this.position);
    this.sent = new Map(chunks.map((c) => [c.cid, c.count]));
    this.maxCid = chunks.reduce((m, c) => Math.max(m, c.cid), -1);
    this.gone = 0;
    this.progress = { running: true, searched: 0, total: chunks.reduce((n, c) => n + c.count, 0) };
    this.port().postMessage({ type: 'search', id: this.id, query, chunks: [...chunks] });
    this.changed();
  }

  /** The history's index changed: search the new chunks, or start over if old ones were rewritten. */
  extend(chunks: readonly ChunkInfo[]): void {
    if (!this.query) return;
    const rewritten = chunks.some((c) => c.cid <= this.maxCid && this.sent.get(c.cid) !== c.count);
    if (rewritten) return this.start(this.query, chunks);
    const present = new Set(chunks.map((c) => c.cid));
    let lost = 0;
    for (const [cid, count] of this.sent) {
      if (present.has(cid)) continue;
      this.sent.delete(cid);
      lost += count;
    }
    this.gone += lost;
    const fresh = chunks.filter((c) => c.cid > this.maxCid);
    this.matches.reorder();
    const total = this.progress.total - lost + fresh.reduce((n, c) => n + c.count, 0);
    this.progress = { ...this.progress, searched: Math.min(this.progress.searched, total), total };
    if (fresh.length === 0) return;
    for (const c of fresh) this.sent.set(c.cid, c.count);
    this.maxCid = Math.max(this.maxCid, ...fresh.map((c) => c.cid));
    this.progress = { ...this.progress, running: true };
    this.port().postMessage({ type: 'more', id: this.id, chunks: fresh });
  }

  cancel(): void {
    if (!this.query) return;
    this.worker?.postMessage({ type: 'cancel', id: this.id });
    this.query = undefined;
    this.progress = { ...this.progress, running: false };
    this.changed();
  }

  /** Forget the search (no filter any more). */
  reset(): void {
    this.cancel();
    this.matches = new MatchList(this.position);
    this.progress = IDLE;
  }

  private port(): WorkerPort {
    if (!this.worker) {
      this.worker = this.makeWorker();
      this.worker.onmessage = (e) => this.receive(e.data);
      this.worker.onerror = (e) => this.fail(e.message || 'the search worker stopped');
    }
    return this.worker;
  }

  private receive(m: SearchReply): void {
    if (m.id !== this.id || !this.query) return;
    if (m.type === 'failed') return this.fail(m.message);
    this.matches.add(m.progress.found);
    const { searched, total, done } = m.progress;
    this.progress = { running: !done, searched: Math.max(0, searched - this.gone), total: total - this.gone };
    this.changed();
  }

  private fail(message: string): void {
    if (!this.query) return;
    this.progress = { ...this.progress, running: false, error: message };
    this.changed();
  }
}
