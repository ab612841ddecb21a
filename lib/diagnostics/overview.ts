import type { EndpointConfig } from '../config/endpoint';
import type { EndpointStatus } from '../messaging/protocol';
import type { ConnState } from '../model/connection';
import type { AttemptRecord } from '../model/connection';
import type { StreamEvent } from '../model/event';
import type { ChunkInfo, EndpointCounters } from '../store/schema';
import { rateBuckets } from './rate';

/** The overview's window: the sparkline and the uptime cover the last 10 minutes. */
export const OVERVIEW_SPAN_MS = 10 * 60_000;
export const OVERVIEW_BUCKETS = 30;

/** How much an endpoint needs a look: 0 most. Problems sort first. */
export type Severity = 0 | 1 | 2 | 3;

export interface OverviewRow {
  endpointId: string;
  name: string;
  url?: string;
  transport?: 'sse' | 'ws';
  state: ConnState;
  severity: Severity;
  /** Why it needs a look, in words; undefined when all is well. */
  problem?: string;
  /** Received events per bucket over the window, oldest first (OVERVIEW_BUCKETS of them). */
  rate: number[];
  lastEventAt?: number;
  /** Failed attempts since the last successful open. */
  failing: number;
}

export interface OverviewInput {
  configs: readonly EndpointConfig[];
  status: ReadonlyMap<string, EndpointStatus>;
  counters: ReadonlyMap<string, EndpointCounters>;
  /** The store's chunk index, oldest first: received counts per chunk, no events read. */
  chunks: readonly ChunkInfo[];
  /** Live events not in `chunks` yet, per endpoint, oldest first (bounded). */
  tail: ReadonlyMap<string, readonly StreamEvent[]>;
  now: number;
}

/**
 * Adds each chunk's received events to the buckets its time span overlaps, in proportion. The
 * index is walked from the newest chunk back and stops at the first chunk that ended before
 * the window, so the cost is the chunks in the window, not the history.
 */
export function chunkRates(chunks: readonly ChunkInfo[], from: number, to: number, count: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const width = (to - from) / count;
  for (let i = chunks.length - 1; i >= 0; i--) {
    const c = chunks[i]!;
    if (c.t1 < from) break; // cids run in the order of chunks' last events
    if (c.dirs.in === 0 || c.t0 > to) continue;
    let buckets = out.get(c.endpointId);
    if (!buckets) out.set(c.endpointId, (buckets = new Array<number>(count).fill(0)));
    const span = Math.max(1, c.t1 - c.t0);
    const first = Math.max(0, Math.floor((Math.max(c.t0, from) - from) / width));
    const last = Math.min(count - 1, Math.floor((Math.min(c.t1, to) - from) / width));
    for (let b = first; b <= last; b++) {
      const overlap = Math.min(c.t1, from + (b + 1) * width) - Math.max(c.t0, from + b * width);
      buckets[b]! += c.t1 === c.t0 ? c.dirs.in : (c.dirs.in * Math.max(0, overlap)) / span;
    }
  }
  return out;
}

function assess(cfg: EndpointConfig | undefined, st: EndpointStatus | undefined, counters: EndpointCounters | undefined): { severity: Severity; problem?: string } {
  if (!cfg) return { severity: 0, problem: st?.reason ?? 'Invalid configuration' };
  const state = st?.state ?? 'idle';
  if (state === 'given_up') return { severity: 0, problem: st?.reason ?? 'Stopped reconnecting' };
  if (state === 'backoff') return { severity: 1, problem: st?.reason ?? 'Reconnecting' };
  if (st?.overloaded) return { severity: 1, problem: 'Overloaded: events are waiting for the disk' };
  const broken = (counters?.gaps ?? 0) + (counters?.duplicates ?? 0) + (counters?.malformed ?? 0);
  if (broken > 0) return { severity: 2, problem: `${broken.toLocaleString()} gaps, duplicates or malformed frames stored` };
  return { severity: 3 };
}

/** One row per endpoint (configured ones in their order, then any only the background knows), problems first. */
export function overviewRows(input: OverviewInput): OverviewRow[] {
  const { configs, status, counters, now } = input;
  const from = now - OVERVIEW_SPAN_MS;
  const stored = chunkRates(input.chunks, from, now, OVERVIEW_BUCKETS);
  const byId = new Map(configs.map((c) => [c.id, c]));
  const ids = [...new Set([...byId.keys(), ...status.keys()])];
  const rows = ids.map((id): OverviewRow => {
    const cfg = byId.get(id);
    const st = status.get(id);
    const state = st?.state ?? 'idle';
    const live = rateBuckets(input.tail.get(id) ?? [], from, now, OVERVIEW_BUCKETS);
    const rate = live.map((n, b) => n + (stored.get(id)?.[b] ?? 0));
    return { endpointId: id, name: cfg?.name ?? id, url: cfg?.url, transport: cfg?.transport, state, ...assess(cfg, st, counters.get(id)), rate, lastEventAt: st?.lastEventAt, failing: st?.attempt ?? 0 };
  });
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => a.severity - b.severity || order.get(a.endpointId)! - order.get(b.endpointId)!);
}

export interface WindowUptime {
  /** Share of the known part of the window the line was open, 0..1; undefined when no attempt tells. */
  share?: number;
  /** Attempts started in the window. */
  attempts: number;
}

/**
 * Uptime over [from, now] from the stored attempts (any order): open from `openedAt` until
 * `endedAt` (or now, for the attempt still open). Time before the oldest attempt read is not
 * known and does not count, so a short history is not read as downtime.
 */
export function windowUptime(attempts: readonly Pick<AttemptRecord, 'startedAt' | 'openedAt' | 'endedAt'>[], from: number, now: number): WindowUptime {
  if (attempts.length === 0) return { attempts: 0 };
  let oldest = Infinity;
  let open = 0;
  let started = 0;
  for (const a of attempts) {
    oldest = Math.min(oldest, a.startedAt);
    if (a.startedAt >= from) started++;
    if (a.openedAt === undefined) continue;
    open += Math.max(0, Math.min(a.endedAt ?? now, now) - Math.max(a.openedAt, from));
  }
  const known = now - Math.max(from, oldest);
  return { share: known > 0 ? Math.min(1, open / known) : undefined, attempts: started };
}
