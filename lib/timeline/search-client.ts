import type { ChunkInfo } from '../panel/store-view';
import { MatchList, type Placement } from './match-list';
import { eventsIn, type SearchReply, type SearchRequest } from './search-protocol';
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
 * How many search Workers to start on a machine with `cores` logical cores (undefined when the
 * browser does not say): one per core, at most four. Each keeps a few chunks in memory as it reads
 * ahead, and the page and IndexedDB need cores too. More Workers than cores gain nothing: on two
 * cores, the slowest search over 1M events took 2.8–2.9 s with three Workers and 2.8–3.1 s with
 * two (the two builds measured in turns, on one machine).
 */
export function searchPoolSize(cores: number | undefined): number {
  return Math.min(4, Math.max(1, cores ?? 1));
}

/**
 * Reports redraw the panel at most this often (ms), except the first matches (the first screen)
 * and a Worker finishing. Each redraw renders the timeline, and with every Worker reporting every
 * 50 ms, the page took a fifth of a core from the Workers during a search that reads every chunk.
 */
export const REDRAW_MS = 200;

/** What one Worker of the pool was given for the current search and has reported of it. */
interface Share {
  searched: number;
  total: number;
  done: boolean;
}

/**
 * A search over the whole store, run by a pool of search Workers: each gets every n-th chunk
 * (newest first for all of them, so the rows at the live edge come first), results stream in as
 * (cid, offset) matches with progress, a new search or `cancel` stops the old one, and chunks
 * written while it runs are searched too. The Workers are started on the first search.
 * A search that reads every chunk keeps a Worker busy inflating, decoding and parsing while
 * IndexedDB reads the next ones. IndexedDB serves the reads of all the Workers one at a time
 * (about 320 MB/s in the bench's Chromium, one Worker reading or two), so the pool shortens the
 * work on the text, not the reading: on two cores, the bench's slowest search went from
 * 3.7–4.5 s to 3.3–3.4 s with two Workers.
 */
export class StoreSearch {
  matches: MatchList;
  progress: SearchProgress = IDLE;
  private workers: WorkerPort[] | undefined;
  private shares: Share[] = [];
  /** The Worker the next chunk goes to. */
  private turn = 0;
  private id = 0;
  private query: SearchQuery | undefined;
  /** Chunks handed to the Workers for this search, by cid, with their counts. */
  private sent = new Map<number, number>();
  private maxCid = -1;
  /**
   * Events of handed-over chunks that were deleted since (retention, or merged into a new chunk,
   * which is searched as one): the Workers still count them in their progress, the store no longer.
   */
  private gone = 0;
  /** When a report last redrew the panel. */
  private drawnAt = -Infinity;

  constructor(
    private readonly makeWorkers: () => WorkerPort[],
    private readonly position: (cid: number) => Placement,
    private readonly changed: () => void,
    private readonly now: () => number = () => performance.now(),
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
    const workers = this.pool();
    // Dealt from the newest chunk down, so every Worker starts at the live edge.
    this.turn = 0;
    const dealt = this.deal(chunks);
    this.shares = dealt.map((mine) => ({ searched: 0, total: eventsIn(mine), done: mine.length === 0 }));
    // Every Worker hears of the search, those given nothing too: they may get chunks written later.
    workers.forEach((w, k) => w.postMessage({ type: 'search', id: this.id, query, chunks: dealt[k]! }));
    this.sum();
    this.changed();
  }

  /** The history's index changed: search the new chunks, or start over if old ones were rewritten. */
  extend(chunks: readonly ChunkInfo[]): void {
    if (!this.query) return;
    const rewritten = chunks.some((c) => c.cid <= this.maxCid && this.sent.get(c.cid) !== c.count);
    if (rewritten) return this.start(this.query, chunks);
    const present = new Set(chunks.map((c) => c.cid));
    for (const [cid, count] of this.sent) {
      if (present.has(cid)) continue;
      this.sent.delete(cid);
      this.gone += count;
    }
    const fresh = chunks.filter((c) => c.cid > this.maxCid);
    this.matches.reorder();
    for (const c of fresh) this.sent.set(c.cid, c.count);
    this.maxCid = Math.max(this.maxCid, ...fresh.map((c) => c.cid));
    this.deal(fresh).forEach((mine, k) => {
      if (mine.length === 0) return;
      const share = this.shares[k]!;
      this.shares[k] = { ...share, total: share.total + eventsIn(mine), done: false };
      this.workers![k]!.postMessage({ type: 'more', id: this.id, chunks: mine });
    });
    this.sum();
  }

  cancel(): void {
    if (!this.query) return;
    for (const w of this.workers ?? []) w.postMessage({ type: 'cancel', id: this.id });
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

  /** `chunks` (oldest first) shared out in turns from the newest, each Worker's oldest first. */
  private deal(chunks: readonly ChunkInfo[]): ChunkInfo[][] {
    const n = this.pool().length;
    const out: ChunkInfo[][] = Array.from({ length: n }, () => []);
    for (let i = chunks.length - 1; i >= 0; i--) {
      out[this.turn]!.push(chunks[i]!);
      this.turn = (this.turn + 1) % n;
    }
    for (const mine of out) mine.reverse();
    return out;
  }

  private pool(): WorkerPort[] {
    if (!this.workers) {
      const workers = this.makeWorkers();
      workers.forEach((w, k) => {
        w.onmessage = (e) => this.receive(k, e.data);
        w.onerror = (e) => this.fail(e.message || 'the search worker stopped');
      });
      this.workers = workers;
    }
    return this.workers;
  }

  /** The search's progress from its Workers' shares. */
  private sum(): void {
    let searched = 0;
    let total = 0;
    for (const s of this.shares) {
      searched += s.searched;
      total += s.total;
    }
    total -= this.gone;
    this.progress = { running: this.shares.some((s) => !s.done), searched: Math.min(total, Math.max(0, searched - this.gone)), total };
  }

  private receive(k: number, m: SearchReply): void {
    if (m.id !== this.id || !this.query) return;
    if (m.type === 'failed') return this.fail(m.message);
    const first = this.matches.count === 0;
    this.matches.add(m.progress.found);
    const { searched, total, done } = m.progress;
    this.shares[k] = { searched, total, done };
    this.sum();
    const t = this.now();
    if (done || (first && this.matches.count > 0) || t - this.drawnAt >= REDRAW_MS) {
      this.drawnAt = t;
      this.changed();
    }
  }

  private fail(message: string): void {
    if (!this.query) return;
    this.progress = { ...this.progress, running: false, error: message };
    this.changed();
  }
}
