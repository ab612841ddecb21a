import { z } from 'zod';

/** Where a connection is; the background reports it, pages show it. */
export const ConnStateSchema = z.enum(['idle', 'connecting', 'open', 'backoff', 'given_up', 'paused']);
export type ConnState = z.infer<typeof ConnStateSchema>;

/** One connection attempt, for diagnostics; sent when it starts and again as it changes. */
export interface AttemptRecord {
  endpointId: string;
  /** 1-based, per connection. */
  n: number;
  startedAt: number;
  openedAt?: number;
  endedAt?: number;
  /** 'open' while open, then how it ended: "HTTP 500 Internal Server Error", "close 1006 (…)", "paused". */
  outcome?: string;
  httpStatus?: number;
  closeCode?: number;
  closeReason?: string;
  lastEventIdSent?: string;
  /** The wait before the next attempt, when this one failed. */
  delayMs?: number;
  delayWhy?: string;
}
