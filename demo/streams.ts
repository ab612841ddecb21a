import type { Draft, FamilyContext, FamilyScript } from './families/context';
import { actionCable } from './families/actioncable';
import { graphqlServer } from './families/graphql';
import { graphqlSse } from './families/graphql-sse';
import { inventory } from './families/inventory';
import { kanbanBoard } from './families/kanban-board';
import { kanbanDashboard } from './families/kanban-dashboard';
import { llmAnswers } from './families/llm';
import { mcpServer } from './families/mcp';
import { signalrHub } from './families/signalr';
import { stompBroker } from './families/stomp';
import { socketioChat } from './families/socketio';
import { notifications } from './families/notifications';
import { generateJob, hookRun, teamRun } from './families/officeplane-jobs';
import { officeplaneWs } from './families/officeplane-ws';
import { opencode } from './families/opencode';
import { phoenixSocket } from './families/phoenix';
import { plans } from './families/plans';
import { streamKey } from './knobs';
import { createRng } from './random';

export type DemoTransport = 'sse' | 'ws';

/** One event of a stream, numbered. */
export interface DemoEvent extends Draft {
  /** 1-based position in the stream; the SSE `id:`. */
  seq: number;
  /** When the event is due: virtual ms since the stream began, at rate 1. */
  at: number;
}

export interface StreamRoute {
  transport: DemoTransport;
  script: FamilyScript;
  params: Record<string, string>;
  /** Path and query minus knobs; salts the content and keys the stats. */
  key: string;
  /** Whether the socket answers the client's `{"type":"ping"}` with a pong. */
  answersPing: boolean;
}

interface RouteDef {
  pattern: RegExp;
  transport: DemoTransport;
  script: FamilyScript;
  /** Names for the pattern's capture groups. */
  ids?: string[];
  /** A query parameter the stream cannot do without. */
  requires?: string;
  answersPing?: boolean;
}

const ROUTES: RouteDef[] = [
  { pattern: /^\/ws$/, transport: 'ws', script: officeplaneWs },
  { pattern: /^\/ws\/notifications\/([^/]+)$/, transport: 'ws', script: notifications, ids: ['user_id'], answersPing: true },
  { pattern: /^\/api\/generate\/([^/]+)\/stream$/, transport: 'sse', script: generateJob, ids: ['job_id'] },
  { pattern: /^\/api\/teams\/([^/]+)\/stream$/, transport: 'sse', script: teamRun, ids: ['team_id'] },
  { pattern: /^\/api\/hooks\/([^/]+)\/stream$/, transport: 'sse', script: hookRun, ids: ['hook_id'] },
  { pattern: /^\/api\/events$/, transport: 'sse', script: kanbanBoard, requires: 'boardId' },
  { pattern: /^\/api\/events\/dashboard$/, transport: 'sse', script: kanbanDashboard },
  { pattern: /^\/events$/, transport: 'sse', script: opencode },
  { pattern: /^\/api\/plans\/events$/, transport: 'sse', script: plans },
  { pattern: /^\/api\/inventory\/stream$/, transport: 'sse', script: inventory },
  { pattern: /^\/v1\/chat\/stream$/, transport: 'sse', script: llmAnswers },
  { pattern: /^\/socket\.io\/$/, transport: 'ws', script: socketioChat },
  { pattern: /^\/mcp$/, transport: 'sse', script: mcpServer },
  { pattern: /^\/graphql$/, transport: 'ws', script: graphqlServer },
  { pattern: /^\/graphql\/stream$/, transport: 'sse', script: graphqlSse },
  { pattern: /^\/hubs\/chat$/, transport: 'ws', script: signalrHub },
  { pattern: /^\/stomp\/[^/]+\/[^/]+\/websocket$/, transport: 'ws', script: stompBroker },
  { pattern: /^\/socket\/websocket$/, transport: 'ws', script: phoenixSocket },
  { pattern: /^\/cable$/, transport: 'ws', script: actionCable },
];

export type Resolved = { ok: true; route: StreamRoute } | { ok: false; status: 400 | 404; message: string };

export function resolveStream(url: URL): Resolved {
  for (const def of ROUTES) {
    const match = def.pattern.exec(url.pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    def.ids?.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? '')));
    if (def.requires) {
      const value = url.searchParams.get(def.requires);
      if (!value) return { ok: false, status: 400, message: `Missing query parameter ${def.requires}, e.g. ${url.pathname}?${def.requires}=board-1` };
      params[def.requires] = value;
    }
    const route = { transport: def.transport, script: def.script, params, key: streamKey(url), answersPing: def.answersPing ?? false };
    return { ok: true, route };
  }
  return { ok: false, status: 404, message: `No demo stream at ${url.pathname}; GET / lists them.` };
}

export interface GenerateOptions {
  seed?: number;
  /** Events per second multiplier; only scales the time fields here. */
  rate?: number;
  /** Real time (ms since the epoch) the stream began; time fields are origin + at / rate. */
  origin?: number;
  heartbeats?: boolean;
}

const toRoute = (stream: StreamRoute | string): StreamRoute => {
  if (typeof stream !== 'string') return stream;
  const resolved = resolveStream(new URL(stream, 'http://demo.invalid'));
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.route;
};

/**
 * The events of a stream, in order, without end. Event i depends only on the seed, the stream
 * (path and ids) and i; with the default origin 0 the time fields are deterministic too.
 */
export function* streamEvents(stream: StreamRoute | string, opts: GenerateOptions = {}): Generator<DemoEvent, void> {
  const route = toRoute(stream);
  const rng = createRng(opts.seed ?? 1, route.key);
  const origin = opts.origin ?? 0;
  const rate = opts.rate ?? 1;
  let elapsed = 0;
  const ctx: FamilyContext = {
    rng,
    params: route.params,
    heartbeats: opts.heartbeats ?? true,
    get elapsed() {
      return elapsed;
    },
    wait: (ms) => void (elapsed += Math.max(0, ms)),
    pause: () => void (elapsed += rng.int(500, 1500)),
    iso: () => new Date(origin + elapsed / rate).toISOString(),
  };
  let seq = 0;
  for (const draft of route.script(ctx)) yield { seq: ++seq, at: elapsed, ...draft };
}

function skip(events: Iterator<DemoEvent, void>, n: number): DemoEvent | undefined {
  let last: DemoEvent | undefined;
  for (let i = 0; i < n; i++) {
    const r = events.next();
    if (r.done) break;
    last = r.value;
  }
  return last;
}

/** Events `after + 1` .. `after + n` of a stream (by default the first n). */
export function takeEvents(stream: StreamRoute | string, n: number, opts: GenerateOptions & { after?: number } = {}): DemoEvent[] {
  const events = streamEvents(stream, opts);
  skip(events, opts.after ?? 0);
  const out: DemoEvent[] = [];
  for (let r = events.next(); !r.done && out.length < n; r = events.next()) out.push(r.value);
  return out;
}

/** Event `seq` (1-based) of a stream. */
export function generateEvent(stream: StreamRoute | string, seed: number, seq: number): DemoEvent {
  const [event] = takeEvents(stream, 1, { seed, after: seq - 1 });
  if (!event) throw new Error(`Stream ended before event ${seq}`);
  return event;
}

/**
 * A live stream starting after event `after`. Its clock is set so the next event is due as if
 * the stream had never been interrupted, and the events' time fields agree with that clock.
 */
export function openStream(route: StreamRoute, o: { seed: number; rate: number; heartbeats: boolean; now: number; after: number }): { events: Generator<DemoEvent, void>; origin: number } {
  const resumeAt = o.after > 0 ? (skip(streamEvents(route, o), o.after)?.at ?? 0) : 0;
  const origin = o.now - resumeAt / o.rate;
  const events = streamEvents(route, { ...o, origin });
  skip(events, o.after);
  return { events, origin };
}
