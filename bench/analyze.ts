import type { DemoStats } from '../demo/stats';
import type { IngestResult } from './protocol';

/** [Date.now(), value] pairs in time order. */
export type Series = [number, number][];

/** The value at `t`, linear between samples, flat outside them. */
export function at(series: Series, t: number): number {
  const i = series.findIndex(([ts]) => ts >= t);
  if (i === -1) return series[series.length - 1]?.[1] ?? 0;
  const [t1, v1] = series[i]!;
  const prev = series[i - 1];
  if (!prev || t1 === prev[0]) return v1;
  return prev[1] + ((v1 - prev[1]) * (t - prev[0])) / (t1 - prev[0]);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: number[]): number => percentile(values, 50);

/**
 * Frames the demo sent on connection `n` of `stream` (1-based, as the demo numbers a stream's
 * connections) and when it opened (ms). A stream's own totals add up every connection its key
 * ever had, so a run counts only the connection it opened: runs in different sessions share the
 * one demo server and may use the same key.
 */
export function connectionSent(stats: DemoStats, stream: string, n: number): { events: number; startedAt?: number } {
  const conn = stats.streams[stream]?.perConnection.find((c) => c.n === n);
  return conn ? { events: conn.events, startedAt: Date.parse(conn.startedAt) } : { events: 0 };
}

export interface IngestFigures {
  /** When the connection opened and when the last frame was sent (wall clock). */
  sendStart: number;
  sendEnd: number;
  sent: number;
  sentPerS: number;
  /** Growth of what is on disk while the server was sending. */
  storedPerS: number;
  /** All stored events over first send → last one on disk. */
  endToEndPerS: number;
  /** Last send → last event on disk. */
  drainS: number;
  loss: number;
  /** Most events sent but not yet on disk (in the worker's queue or in socket buffers). */
  maxBacklog: number;
  /** Longest time the stored count did not grow between the first send and the last event on disk. */
  maxStallS: number;
}

function longestStall(stored: Series, from: number, to: number): number {
  let longest = 0;
  let since = from;
  let last = 0;
  for (const [t, v] of stored) {
    if (t < from || t > to) continue;
    if (v !== last) [last, since] = [v, t];
    else longest = Math.max(longest, t - since);
  }
  return longest / 1000;
}

/**
 * `sentSeries` is the demo's count of frames sent, polled by the runner; `r.samples` the
 * endpoint's stored count, polled by the page; both on this machine's wall clock.
 */
export function ingestFigures(sendStart: number, sentSeries: Series, r: IngestResult): IngestFigures {
  const sent = sentSeries[sentSeries.length - 1]?.[1] ?? 0;
  const sendEnd = sentSeries.find(([, v]) => v >= sent)?.[0] ?? sendStart;
  const sendS = Math.max(0.001, (sendEnd - sendStart) / 1000);
  const stored = r.samples;
  const final = stored[stored.length - 1]?.[1] ?? 0;
  const doneAt = stored.find(([, v]) => v >= final)?.[0] ?? sendEnd;
  return {
    sendStart,
    sendEnd,
    sent,
    sentPerS: sent / sendS,
    storedPerS: (at(stored, sendEnd) - at(stored, sendStart)) / sendS,
    endToEndPerS: r.storedIn / Math.max(0.001, (doneAt - sendStart) / 1000),
    drainS: Math.max(0, (doneAt - sendEnd) / 1000),
    loss: sent - r.storedIn,
    maxBacklog: Math.max(0, ...stored.map(([t, v]) => Math.round(at(sentSeries, t) - v))),
    maxStallS: longestStall(stored, sendStart, doneAt),
  };
}
