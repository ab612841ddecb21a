import type { MarkerKind, StreamEvent } from '../model/event';

/**
 * One frame as received (`in`) or sent (`out`): a StreamEvent before the background gives it
 * an endpoint, a seq and a time. For SSE, `id` is the last event id as it applies to this
 * event ('' once the server reset it) and `retry` a value seen since the previous event.
 */
export type Frame = Pick<StreamEvent, 'name' | 'id' | 'retry' | 'opcode' | 'data' | 'size'> & { dir: 'in' | 'out' };

export type SendResult = { ok: true } | { ok: false; error: string };

/** How one attempt ended and what the connection should do about it. */
export interface Ending {
  /** Plain words, e.g. "HTTP 404 Not Found" or "close 1006 (abnormal: no close frame)". */
  reason: string;
  /** `policy`: the endpoint's onHttpError decides between stopping and retrying. */
  next: 'retry' | 'stop' | 'policy';
  httpStatus?: number;
  closeCode?: number;
  closeReason?: string;
}

/** What a transport reports about one attempt. Never called synchronously from `connect`. */
export interface AttemptHandlers {
  opened(message: string, detail: Record<string, unknown>): void;
  frame(f: Frame): void;
  /** Traffic that is not a frame (an SSE comment): the line is alive. */
  activity(): void;
  marker(kind: MarkerKind, message: string, detail?: Record<string, unknown>): void;
  /** Called at most once, and never after `close()`. */
  ended(e: Ending): void;
}

export interface Attempt {
  /** Ends the attempt quietly: no more handler calls. */
  close(): void;
  send(text: string): SendResult;
}

/** One endpoint's transport; it keeps what must survive reconnects (SSE id and retry). */
export interface Transport {
  connect(h: AttemptHandlers): Attempt;
  /** SSE last event id: undefined if never set, '' after the server reset it. */
  readonly lastEventId: string | undefined;
  /** SSE `retry:` from the server: the floor of the reconnect delay. */
  readonly serverRetryMs: number | undefined;
}

/** Injected so tests can drive time; `unknown` handles fit both browser and Node timers. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
