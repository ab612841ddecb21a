import type { Rng } from '../random';

/** One event before it is numbered: SSE event name (absent for unnamed/WS) and JSON data. */
export interface Draft {
  name?: string;
  data: Record<string, unknown>;
  /**
   * The frame's text as is, for framings that are not one JSON object (`[DONE]`, Socket.IO's
   * `42[…]`, STOMP frames, SignalR records); `data` then only describes it.
   */
  text?: string;
}

/**
 * What a family script works with. Scripts call `wait(ms)` before each event; that advances a
 * virtual clock (ms at rate 1), which both paces the stream and stamps the event's times, so
 * `iso()` is the moment the event is due, not the moment it was computed.
 */
export interface FamilyContext {
  rng: Rng;
  /** Ids taken from the stream's path and query (job_id, boardId, user_id, ...). */
  params: Readonly<Record<string, string>>;
  /** False when the connection asked for `stallHeartbeat`: scripts then send no heartbeats. */
  heartbeats: boolean;
  /** Virtual ms since the stream began, at rate 1. */
  readonly elapsed: number;
  wait(ms: number): void;
  /** The usual gap between two events at rate 1 (0.5 to 1.5 s, so about one event a second). */
  pause(): void;
  iso(): string;
}

export type FamilyScript = (ctx: FamilyContext) => Generator<Draft, void>;
