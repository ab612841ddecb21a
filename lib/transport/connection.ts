import type { EndpointConfig } from '../config/endpoint';
import type { AttemptRecord, ConnState } from '../model/connection';
import type { MarkerKind } from '../model/event';
import { nextDelay, shouldGiveUp } from './backoff';
import { createSseTransport } from './sse';
import type { Attempt, Ending, Frame, SendResult, Timers } from './types';
import { createWsTransport, type WebSocketCtor } from './ws';

export type { Frame, SendResult } from './types';
export type { WebSocketCtor, WebSocketLike } from './ws';

/** An open that lasts this long counts as a success even without data, so attempts start over. */
export const STABLE_OPEN_MS = 5000;
/** A server that takes the connection but never answers would leave it connecting for ever. */
export const CONNECT_TIMEOUT_MS = 30_000;

export interface ConnectionStatus {
  state: ConnState;
  /** Failed attempts since the last successful open. */
  attempt: number;
  nextRetryAt?: number;
  reason?: string;
}

export interface ConnectionEvents {
  /** Every received and sent frame, in order. */
  frame(f: Frame): void;
  marker(kind: MarkerKind, message: string, detail?: Record<string, unknown>): void;
  status(s: ConnectionStatus): void;
  attempt(a: AttemptRecord): void;
}

export interface ConnectionDeps extends Timers {
  fetch: typeof fetch;
  WebSocket: WebSocketCtor;
  now(): number;
  random(): number;
}

export interface Connection {
  start(): void;
  /** Final: closes everything; no markers or status follow. */
  stop(): void;
  pause(): void;
  resume(): void;
  /** Connect at once with a fresh attempt count, from any state (also given up or paused). */
  reconnectNow(): void;
  send(text: string): SendResult;
  /** Offline: wait without spending attempts. Back online: reconnect at once. */
  setOnline(online: boolean): void;
  /** The id sent as Last-Event-ID on the next connect. */
  readonly lastEventId: string | undefined;
  readonly state: ConnState;
  /** Last received frame or SSE comment, whatever the heartbeat thinks. */
  readonly lastActivityAt: number | undefined;
}

interface Running {
  attempt: Attempt;
  rec: AttemptRecord;
}

/** One endpoint's connection: idle → connecting → open → backoff → given_up, or paused. */
export function createConnection(
  cfg: EndpointConfig,
  deps: ConnectionDeps,
  on: ConnectionEvents,
  resume?: { lastEventId?: string },
): Connection {
  const transport = cfg.transport === 'sse' ? createSseTransport(cfg, deps, resume?.lastEventId || undefined) : createWsTransport(cfg, deps);
  let state: ConnState = 'idle';
  let reason: string | undefined;
  let nextRetryAt: number | undefined;
  let failures = 0;
  let attempts = 0;
  let running: Running | undefined;
  let retryTimer: unknown;
  let stableTimer: unknown;
  let connectTimer: unknown;
  let online = true;
  let stopped = false;
  let lastActivityAt: number | undefined;

  const emitStatus = (): void => on.status({ state, attempt: failures, nextRetryAt, reason });
  const setState = (s: ConnState, why?: string, retryAt?: number): void => {
    state = s;
    reason = why;
    nextRetryAt = retryAt;
    emitStatus();
  };
  const marker = (kind: MarkerKind, message: string, detail?: Record<string, unknown>): void => {
    if (!stopped) on.marker(kind, message, detail);
  };
  const report = (rec: AttemptRecord): void => on.attempt({ ...rec });
  const clearTimers = (): void => {
    deps.clearTimeout(retryTimer);
    deps.clearTimeout(stableTimer);
    deps.clearTimeout(connectTimer);
    retryTimer = stableTimer = connectTimer = undefined;
  };
  /** The line proved itself, so a later drop starts the backoff from the first step. */
  const succeeded = (): void => {
    if (failures === 0) return;
    failures = 0;
    emitStatus();
  };

  /** Closes the running attempt, if any, and records how it ended. */
  const endAttempt = (outcome: string, ending?: Ending): AttemptRecord | undefined => {
    const cur = running;
    if (!cur) return undefined;
    running = undefined;
    deps.clearTimeout(stableTimer);
    deps.clearTimeout(connectTimer);
    cur.attempt.close();
    Object.assign(cur.rec, { endedAt: deps.now(), outcome });
    if (ending?.httpStatus !== undefined) cur.rec.httpStatus = ending.httpStatus;
    if (ending?.closeCode !== undefined) cur.rec.closeCode = ending.closeCode;
    if (ending?.closeReason !== undefined) cur.rec.closeReason = ending.closeReason;
    return cur.rec;
  };
  const abandon = (outcome: string): void => {
    const rec = endAttempt(outcome);
    if (rec) report(rec);
  };

  const giveUp = (why: string): void => {
    clearTimers();
    marker('given_up', `Gave up: ${why}`);
    setState('given_up', why);
  };
  const waitForNetwork = (): void => {
    clearTimers();
    marker('backoff', 'Offline: reconnecting when the network is back');
    setState('backoff', 'offline: waiting for the network');
  };

  const ended = (rec: AttemptRecord, e: Ending): void => {
    const wasOpen = state === 'open';
    endAttempt(e.reason, e);
    const facts = { httpStatus: e.httpStatus, closeCode: e.closeCode, closeReason: e.closeReason };
    if (wasOpen) marker('dropped', `Connection dropped: ${e.reason}`, facts);
    else if (e.httpStatus !== undefined) marker('http_error', e.reason, facts);
    else marker('dropped', `Could not connect: ${e.reason}`, facts);

    if (e.next === 'stop' || (e.next === 'policy' && cfg.onHttpError === 'stop')) {
      report(rec);
      giveUp(e.next === 'stop' ? e.reason : `${e.reason} (this endpoint stops on HTTP errors)`);
      return;
    }
    if (!online) {
      report(rec);
      waitForNetwork();
      return;
    }
    failures += 1;
    if (shouldGiveUp(cfg.reconnect, failures)) {
      report(rec);
      giveUp(`${failures} attempts in a row failed; the last: ${e.reason}`);
      return;
    }
    const { delayMs, why } = nextDelay(cfg.reconnect, failures, deps.random(), transport.serverRetryMs);
    Object.assign(rec, { delayMs, delayWhy: why });
    report(rec);
    const wait = delayMs < 1000 ? `${delayMs} ms` : `${(delayMs / 1000).toFixed(1)} s`;
    marker('backoff', `Reconnecting in ${wait} (${why})`, { delayMs, why, attempt: failures });
    retryTimer = deps.setTimeout(() => connect(), delayMs);
    setState('backoff', e.reason, deps.now() + delayMs);
  };

  const connect = (note = ''): void => {
    clearTimers();
    const lastEventIdSent = transport.lastEventId || undefined;
    const rec: AttemptRecord = { endpointId: cfg.id, n: ++attempts, startedAt: deps.now(), lastEventIdSent };
    marker('connecting', `Connecting to ${cfg.url}${note}`, { attempt: rec.n, lastEventId: lastEventIdSent });
    // Handlers of an attempt that was closed or replaced fall silent.
    const live = (): boolean => running?.rec === rec;
    const attempt = transport.connect({
      opened(message, detail) {
        if (!live()) return;
        deps.clearTimeout(connectTimer);
        Object.assign(rec, { openedAt: deps.now(), outcome: 'open' });
        report(rec);
        marker('connected', message, detail);
        stableTimer = deps.setTimeout(succeeded, STABLE_OPEN_MS);
        setState('open');
      },
      frame(f) {
        if (!live()) return;
        if (f.dir === 'in') {
          lastActivityAt = deps.now();
          succeeded();
        }
        on.frame(f);
      },
      activity() {
        if (live()) lastActivityAt = deps.now();
      },
      marker(kind, message, detail) {
        if (live()) marker(kind, message, detail);
      },
      ended(e) {
        if (live()) ended(rec, e);
      },
    });
    running = { attempt, rec };
    report(rec);
    setState('connecting', reason);
    connectTimer = deps.setTimeout(() => {
      if (live() && state === 'connecting') ended(rec, { reason: `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`, next: 'retry' });
    }, CONNECT_TIMEOUT_MS);
  };

  return {
    start() {
      if (stopped || state !== 'idle') return;
      if (online) connect();
      else waitForNetwork();
    },
    stop() {
      abandon('stopped');
      stopped = true;
      clearTimers();
    },
    pause() {
      if (stopped || state === 'paused') return;
      abandon('paused');
      clearTimers();
      marker('paused', 'Paused');
      setState('paused');
    },
    resume() {
      if (stopped || state !== 'paused') return;
      marker('resumed', 'Resumed');
      failures = 0;
      if (online) connect();
      else waitForNetwork();
    },
    reconnectNow() {
      if (stopped) return;
      abandon('reconnect requested');
      if (state === 'paused') marker('resumed', 'Resumed');
      failures = 0;
      connect(' (reconnect requested)');
    },
    send(text) {
      if (stopped || !running || state !== 'open') return { ok: false, error: `the endpoint is not connected (${state})` };
      return running.attempt.send(text);
    },
    setOnline(next) {
      if (next === online) return;
      online = next;
      if (stopped) return;
      if (!next && (state === 'connecting' || state === 'open' || state === 'backoff')) {
        if (state === 'open') marker('dropped', 'Connection dropped: the network went offline');
        abandon('network went offline');
        waitForNetwork();
      } else if (next && state === 'backoff') {
        connect(' (network is back)');
      }
    },
    get lastEventId() {
      return transport.lastEventId || undefined;
    },
    get state() {
      return state;
    },
    get lastActivityAt() {
      return lastActivityAt;
    },
  };
}
