import type { RecordedEvent, RecordedStream } from '../exchange/recording';
import type { Transport } from '../model/event';

/**
 * How a recording is served: every recorded endpoint at its recorded path and query on one
 * origin. Two endpoints can share a path on different hosts (the demo serves `localhost` and
 * `127.0.0.1`): the first in the file keeps the plain path, and every endpoint is also served
 * under its recorded host, `/<host:port>/<path>`, which never collides.
 */
export interface MockRoute {
  transport: Transport;
  recordedUrl: string;
  /** `/<recorded host>`, made unique when two endpoints share a host and path. */
  prefix: string;
  pathname: string;
  /** Recorded query parameters: a request must carry them all (it may carry more, e.g. a token the export left out). */
  params: [string, string][];
  search: string;
  /** What the server sends, in order: received SSE events or WebSocket frames. */
  events: RecordedEvent[];
  /** Recorded milliseconds between event i-1 and event i (0 for the first and after a reconnect). */
  gaps: number[];
}

/** Where a recorded stream had reconnected: a pause there is the client's absence, not the server's pacing. */
const RECONNECTED = new Set(['connected', 'connecting', 'worker_started']);

function served(events: readonly RecordedEvent[]): { events: RecordedEvent[]; gaps: number[] } {
  const out: RecordedEvent[] = [];
  const gaps: number[] = [];
  let prev: number | undefined;
  for (const ev of events) {
    if (ev.dir === 'sys' && ev.name !== undefined && RECONNECTED.has(ev.name)) prev = undefined;
    if (ev.dir !== 'in') continue;
    gaps.push(prev === undefined ? 0 : Math.max(0, ev.time - prev));
    prev = ev.time;
    out.push(ev);
  }
  return { events: out, gaps };
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    // A recording of a URL that does not parse is still served, at its text as a path.
    return new URL(`http://recording.invalid/${encodeURIComponent(url)}`);
  }
}

export function mockRoutes(streams: readonly RecordedStream[]): MockRoute[] {
  const prefixes = new Set<string>();
  return streams.map((s) => {
    const u = parseUrl(s.source.url);
    let prefix = `/${u.host}`;
    for (let n = 2; prefixes.has(`${prefix}${u.pathname}${u.search}`); n++) prefix = `/${u.host}~${n}`;
    prefixes.add(`${prefix}${u.pathname}${u.search}`);
    return { transport: s.source.transport, recordedUrl: s.source.url, prefix, pathname: u.pathname, params: [...u.searchParams], search: u.search, ...served(s.events) };
  });
}

const carries = (want: readonly [string, string][], have: URLSearchParams): boolean => want.every(([k, v]) => have.getAll(k).includes(v));

/**
 * The route a request is for: under a host prefix only that host's routes, otherwise by plain
 * path; the recorded query must be in the request's; the most specific match wins, then the
 * first in the file.
 */
export function matchRoute(routes: readonly MockRoute[], transport: Transport, pathname: string, query: URLSearchParams): MockRoute | undefined {
  let best: MockRoute | undefined;
  for (const r of routes) {
    if (r.transport !== transport) continue;
    const path = pathname.startsWith(`${r.prefix}/`) ? pathname.slice(r.prefix.length) : pathname;
    const prefixed = path !== pathname;
    if (path !== r.pathname || !carries(r.params, query)) continue;
    if (prefixed) return r;
    if (!best || r.params.length > best.params.length) best = r;
  }
  return best;
}

/** The path and query a route is reached at: its plain one, unless an earlier endpoint holds it. */
export function servedPath(routes: readonly MockRoute[], route: MockRoute): string {
  const plain = matchRoute(routes, route.transport, route.pathname, new URLSearchParams(route.search)) === route;
  return `${plain ? '' : route.prefix}${route.pathname}${route.search}`;
}

/** The URL that reaches `route` on a server at `origin` (`http://host:port`). */
export function servedUrl(routes: readonly MockRoute[], route: MockRoute, origin: string): string {
  const base = route.transport === 'ws' ? origin.replace(/^http/, 'ws') : origin;
  return `${base}${servedPath(routes, route)}`;
}
