import type { DemoTransport } from './streams';

/** Sorted, disjoint, inclusive id ranges: `[[1, 50], [52, 60]]`. */
export type IdRanges = [number, number][];

/** Why a connection ended: the client left, count reached, dropAfter fired, the stream ran out, server closed, forced status. */
export type EndReason = 'client' | 'count' | 'drop' | 'end' | 'server' | 'status';

export interface ConnectionStats {
  /** 1-based number of the connection within its stream. */
  n: number;
  startedAt: string;
  open: boolean;
  /** Last-Event-ID the client resumed from (0 = fresh). */
  resumedFrom: number;
  events: number;
  firstId: number | null;
  lastId: number | null;
  pongs: number;
  ended: EndReason | null;
}

export interface StreamStats {
  transport: DemoTransport;
  connections: number;
  open: number;
  events: number;
  /** Ids sent more than once over all connections; a clean resume keeps this at 0. */
  duplicates: number;
  /** SSE ids sent (WS: frame numbers), over all connections. */
  ids: IdRanges;
  /** The most recent connections. */
  perConnection: ConnectionStats[];
}

export interface DemoStats {
  streams: Record<string, StreamStats>;
}

export interface ConnectionHandle {
  sent(firstId: number, lastId: number): void;
  pong(): void;
  /** The first reason given wins. */
  close(reason: EndReason): void;
}

const KEPT_CONNECTIONS = 100;

/** Adds [lo, hi] to the set and returns how many of its ids were new. */
export function addRange(set: IdRanges, lo: number, hi: number): number {
  // Ranges are sorted by both ends; search from the end, where new ids almost always land.
  let i = set.length;
  while (i > 0 && (set[i - 1]?.[1] ?? 0) >= lo - 1) i--;
  let j = i;
  let from = lo;
  let to = hi;
  let known = 0;
  for (let r = set[j]; r && r[0] <= hi + 1; r = set[++j]) {
    known += Math.max(0, Math.min(r[1], hi) - Math.max(r[0], lo) + 1);
    from = Math.min(from, r[0]);
    to = Math.max(to, r[1]);
  }
  set.splice(i, j - i, [from, to]);
  return hi - lo + 1 - known;
}

export class StatsBook {
  private streams = new Map<string, StreamStats>();
  private live = new Set<ConnectionStats>();

  open(key: string, transport: DemoTransport, resumedFrom: number): ConnectionHandle {
    let stream = this.streams.get(key);
    if (!stream) {
      stream = { transport, connections: 0, open: 0, events: 0, duplicates: 0, ids: [], perConnection: [] };
      this.streams.set(key, stream);
    }
    const s = stream;
    const conn: ConnectionStats = {
      n: ++s.connections,
      startedAt: new Date().toISOString(),
      open: true,
      resumedFrom,
      events: 0,
      firstId: null,
      lastId: null,
      pongs: 0,
      ended: null,
    };
    s.open++;
    s.perConnection.push(conn);
    if (s.perConnection.length > KEPT_CONNECTIONS) s.perConnection.shift();
    this.live.add(conn);
    return {
      sent(firstId, lastId) {
        const count = lastId - firstId + 1;
        s.events += count;
        conn.events += count;
        conn.firstId ??= firstId;
        conn.lastId = lastId;
        s.duplicates += count - addRange(s.ids, firstId, lastId);
      },
      pong() {
        conn.pongs++;
      },
      close: (reason) => {
        if (!conn.open) return;
        conn.open = false;
        conn.ended ??= reason;
        s.open--;
        this.live.delete(conn);
      },
    };
  }

  /** Marks every open connection as ended by the server, before the server drops them. */
  closingAll(): void {
    for (const conn of this.live) conn.ended = 'server';
  }

  /** Forgets everything; connections still open keep running but are no longer counted. */
  reset(): void {
    this.streams.clear();
    this.live.clear();
  }

  snapshot(): DemoStats {
    return { streams: structuredClone(Object.fromEntries(this.streams)) };
  }
}
