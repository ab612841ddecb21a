/**
 * Every connection marker (`dir: 'sys'` events) in one table: its words and how alarming it is.
 * The timeline, the Connections tab (words, uptime chart) and typing all read it, so a new
 * marker is one row here.
 *
 * tone: `error` — something failed or the stream's order is broken (typed in the `error`
 * category, red); `warn` — a setback that recovers by itself (amber); `ok` — the line is up;
 * `info` — everything else.
 */
export type MarkerTone = 'ok' | 'info' | 'warn' | 'error';

export interface MarkerSpec {
  label: string;
  tone: MarkerTone;
  /**
   * What it says about the line, for the uptime chart: only `connected` opens it; every other
   * lifecycle marker means it is not open (a new `connecting` may replace an open attempt
   * without a `dropped` first, and a `worker_*` marker means the connections went away).
   */
  link?: 'open' | 'down';
}

export const MARKERS = {
  connecting: { label: 'connecting', tone: 'info', link: 'down' },
  connected: { label: 'connected', tone: 'ok', link: 'open' },
  dropped: { label: 'connection dropped', tone: 'warn', link: 'down' },
  backoff: { label: 'waiting to reconnect', tone: 'warn', link: 'down' },
  given_up: { label: 'gave up reconnecting', tone: 'error', link: 'down' },
  paused: { label: 'paused', tone: 'info', link: 'down' },
  resumed: { label: 'resumed', tone: 'info', link: 'down' },
  stale: { label: 'stale connection', tone: 'error', link: 'down' },
  http_error: { label: 'HTTP error', tone: 'error', link: 'down' },
  worker_started: { label: 'worker restarted', tone: 'info', link: 'down' },
  worker_stopped: { label: 'worker stopped', tone: 'info', link: 'down' },
  overloaded: { label: 'overloaded', tone: 'error' },
  gap: { label: 'gap in sequence', tone: 'error' },
  duplicate: { label: 'duplicate', tone: 'error' },
  malformed: { label: 'malformed frame', tone: 'error' },
  // page capture (lib/capture): a frame kept truncated, frames over the rate cap, a frame
  // delivered to the page from the panel
  truncated: { label: 'frame truncated', tone: 'warn' },
  capture_dropped: { label: 'frames dropped', tone: 'error' },
  injected: { label: 'delivered from the panel', tone: 'info' },
} as const satisfies Record<string, MarkerSpec>;

/** Connection marker names used for `dir: 'sys'` events. */
export type MarkerKind = keyof typeof MARKERS;

/** The marker's row, or undefined for a name this version does not know (an imported recording). */
export const markerSpec = (kind: string | undefined): MarkerSpec | undefined =>
  kind !== undefined && Object.hasOwn(MARKERS, kind) ? MARKERS[kind as MarkerKind] : undefined;

export const markerTone = (kind: string | undefined): MarkerTone => markerSpec(kind)?.tone ?? 'info';
