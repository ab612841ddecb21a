import type { EndpointConfig } from '../lib/config/endpoint';

/**
 * What the runner (Node) asks the bench page to do, and what the page answers. The page
 * long-polls the runner over HTTP: nothing debugs the page or the service worker.
 */
export interface Commands {
  /** Replaces `storage.local['endpoints']`: the background reconnects to match. */
  endpoints: { args: { list: EndpointConfig[] }; result: null };
  /** Enables `endpoint`, samples its stored count until the disk caught up, then disables it. */
  ingest: { args: { endpoint: EndpointConfig; expect: number; timeoutMs: number }; result: IngestResult };
  /** Chunked layout vs one record per event, same events, two fresh databases. */
  layout: { args: { events: number; batch: number; size: number }; result: LayoutResult };
  /** Subscribes like the panel, enables `endpoint` and records when each event arrives. */
  latency: { args: { endpoint: EndpointConfig; seconds: number }; result: LatencyResult };
  /** The pipeline's stages one at a time, in this page (a thread like the worker's). */
  stages: { args: { wsUrl: string; expect: number; chunkSizes: number[]; events: number }; result: StagesResult };
  /**
   * Writes `events` synthetic events in chunks of `chunk` with EventWriter into the product's DB:
   * `noise` pads (incompressible, an upper bound) or `realistic` JSON (random ids, words, numbers).
   */
  fill: { args: { endpoint: EndpointConfig; events: number; chunk: number; kind: 'noise' | 'realistic'; turns?: number }; result: { ms: number; stored: number; avgSize: number } };
  /**
   * On the filled store, through lib/store/view as the panel reads it: latest state `runs` times,
   * then `jumps` random time-travel jumps, then `jumps` jumps each within NEARBY_EVENTS of the last.
   */
  travel: { args: { endpointId: string; runs: number; jumps: number }; result: TravelResult };
  /** Loads devtools-panel.html in a frame `runs` times; time until its rows are in the DOM. */
  panel: { args: { runs: number }; result: PanelResult };
  /**
   * In the panel over the full store: a type filter (when `type` is given) and a text search for
   * each event of `n`, by the `"n":n}` noise events carry or, for realistic events, by the event's `id`.
   */
  search: { args: { n: number[]; type?: string; by?: 'n' | 'id' }; result: SearchRun[] };
  /** The panel open while `endpoint` streams for `seconds`: heap, longest task, event-loop delay. */
  panelLoad: { args: { endpoint: EndpointConfig; seconds: number }; result: PanelLoadResult };
  /** Page capture on for exactly these origins (none: off); answers once the scripts are (un)registered. */
  capture: { args: { origins: string[] }; result: null };
  /** Every chunk's record read with nothing else done, then read and decoded: the floor under a search that reads them all. */
  readAll: { args: object; result: { chunks: number; mb: number; readMs: number; decodeMs: number } };
  /** Times `olderPage(limit)` on the product's DB. */
  read: { args: { runs: number; limit: number }; result: { ms: number[]; events: number } };
}

export type Op = keyof Commands;
export type Command = { [K in Op]: { op: K } & Commands[K]['args'] }[Op];

/** What the page posts: a hello, or the outcome of the last command. */
export type Report = { kind: 'hello' } | { kind: 'result'; result: unknown } | { kind: 'error'; message: string };

export interface IngestResult {
  /** [Date.now(), events stored for the endpoint (meta.count, markers included)]. */
  samples: [number, number][];
  /** `dir: 'in'` events found on disk after the drain. */
  storedIn: number;
  /** Connection markers the background wrote, by kind (overloaded, worker_started, ...). */
  markers: Record<string, number>;
  chunks: number;
  maxChunkEvents: number;
}

export interface LayoutRun {
  layout: 'chunked' | 'per-event';
  events: number;
  ms: number;
}
export interface LayoutResult {
  runs: LayoutRun[];
}

export interface LatencyResult {
  /** Per event: server send → worker receive, → page port handler, → next animation frame (ms). */
  toWorker: number[];
  toPage: number[];
  toFrame: number[];
}

export interface StagesResult {
  /** WebSocket receive + size + event object, as the worker does per frame, no storage; the demo sends faster than that. */
  receive: { events: number; ms: number };
  /** µs per frame to size it with `utf8Size`. */
  sizeUs: number;
  /** µs per event: structuredClone of a 1,000-event chunk (the serialisation IndexedDB does, plus a parse back). */
  cloneUs: number;
  /** µs per event: packing the same events by field (one string, typed arrays), then structuredClone. */
  cloneColumnarUs: number;
  /** EventWriter with pre-built events, one chunk per transaction, per chunk size. */
  idb: { chunk: number; events: number; ms: number }[];
}

/**
 * How far apart the nearby jumps of `travel` are: events picked one after another in a few
 * screens of the timeline, or stepped through with the travel buttons.
 */
export const NEARBY_EVENTS = 300;

export interface TravelResult {
  /** stateAt(latest), ms per run (the first on a cold store). */
  openMs: number[];
  /** stateAt(random seq), ms per jump. */
  jumpMs: number[];
  /** stateAt(seq), each seq within NEARBY_EVENTS of the last: ms per jump. */
  nearMs: number[];
  /** readCounters and readChunkIndex, ms, and the index's row count. */
  countersMs: number;
  indexMs: number;
  indexRows: number;
}

export interface PanelResult {
  /** performance.now() from setting the frame's src to the first event row in its DOM. */
  firstRowMs: number[];
  rows: number;
  /** Highest `data-seq` rendered: the newest event when the panel opens at the live edge. */
  maxSeq: number;
}

export interface SearchRun {
  what: string;
  /** From applying the filter to a screen of matching rows, and to the search reporting it is done. */
  firstScreenMs: number;
  completeMs: number;
  /** Longest task in the panel page meanwhile. */
  longestTaskMs: number;
  /** The count line when done. */
  result: string;
}

export interface PanelLoadResult {
  /** The panel page's used JS heap, every second (MB). */
  heapMb: number[];
  maxHeapMb: number;
  longestTaskMs: number;
  /** Seconds into the run the longest task started. */
  longestTaskAtS: number;
  /** Long tasks over 100 ms, and over 200 ms. */
  tasksOver100Ms: number;
  tasksOver200Ms: number;
  /** p95 of how late a message posted every 100 ms ran on the panel's thread (what input waits for). */
  delayP95Ms: number;
  /** The count line at the end. */
  count: string;
}
