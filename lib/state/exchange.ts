import type { TypedStreamEvent } from '../model/typed';
import { byType, type TypeHandler } from './by-type';
import { appendCapped, own, put, without, type Dict } from './immutable';
import { record, type Traced } from './trace';

/*
 * The state shape shared by the messaging protocols (Socket.IO, JSON-RPC, GraphQL over WS,
 * SignalR, STOMP): named message streams with counts and latest payloads, calls paired by id
 * with their latency, session facts, and errors. Each protocol says what its messages mean as
 * a list of effects; this folds them.
 */

export const TOPIC_CAP = 300;
export const CALL_CAP = 300;
export const ERROR_CAP = 50;

/** A named stream of messages: an event name, a destination, a method, a hub target. */
export interface Topic extends Traced {
  key: string;
  name: string;
  /** Namespace, channel or direction it belongs to, if the protocol has one. */
  group?: string;
  count: number;
  last?: unknown;
  lastAt: number;
}

/** Something with an id that gets an answer: a request, an ack, an operation, an invocation. */
export interface Call extends Traced {
  key: string;
  id: string;
  name: string;
  group?: string;
  /** `pending` until answered; `active` while it streams items (subscriptions, streams). */
  status: 'pending' | 'active' | 'ok' | 'error' | 'cancelled';
  startedAt: number;
  endedAt?: number;
  request?: unknown;
  /** The result, or the latest item for a streaming call. */
  result?: unknown;
  error?: string;
  updates: number;
}

export interface ExchangeError {
  seq: number;
  message: string;
}

export interface ExchangeState<F extends string> {
  family: F;
  /** Session facts by label: `sid`, `protocol`, `namespace /chat`, … */
  info: Dict<string>;
  topics: Dict<Topic>;
  /** Keys, oldest first. */
  topicOrder: readonly string[];
  calls: Dict<Call>;
  callOrder: readonly string[];
  /** Newest last. */
  errors: readonly ExchangeError[];
}

export type Effect =
  | { kind: 'topic'; name: string; group?: string; payload: unknown }
  | { kind: 'open'; id: string; name: string; group?: string; request?: unknown; active?: boolean }
  /** `name` names a call never seen opened (recording began after it), when the answer tells. */
  | { kind: 'update'; id: string; group?: string; payload: unknown; name?: string }
  | { kind: 'close'; id: string; group?: string; result?: unknown; error?: string; cancelled?: boolean; name?: string }
  | { kind: 'info'; key: string; value: string }
  | { kind: 'error'; message: string };

/** What one message means: the family's own reading of its decoded payload. */
export type Meaning = (type: string, payload: unknown, ev: TypedStreamEvent) => Effect[];

export const emptyExchange = <F extends string>(family: F): ExchangeState<F> => ({
  family,
  info: {},
  topics: {},
  topicOrder: [],
  calls: {},
  callOrder: [],
  errors: [],
});

const keyOf = (group: string | undefined, name: string): string => (group === undefined ? name : `${group}\u0000${name}`);

/** Adds `key` to a capped order, dropping the oldest entry's record from `dict`. */
function admit<T>(order: readonly string[], dict: Dict<T>, key: string, cap: number): { order: readonly string[]; dict: Dict<T> } {
  if (Object.hasOwn(dict, key)) return { order, dict };
  const next = appendCapped(order, key, cap);
  const gone = next.length === order.length ? order[0] : undefined;
  return { order: next, dict: gone === undefined ? dict : without(dict, gone) };
}

function apply<F extends string>(s: ExchangeState<F>, e: Effect, ev: TypedStreamEvent): ExchangeState<F> {
  switch (e.kind) {
    case 'info':
      return own(s.info, e.key) === e.value ? s : { ...s, info: put(s.info, e.key, e.value) };
    case 'error':
      return { ...s, errors: appendCapped(s.errors, { seq: ev.seq, message: e.message }, ERROR_CAP) };
    case 'topic': {
      const key = keyOf(e.group, e.name);
      const { order, dict } = admit(s.topicOrder, s.topics, key, TOPIC_CAP);
      const prev = own(dict, key);
      const topic: Topic = { key, name: e.name, group: e.group, count: (prev?.count ?? 0) + 1, last: e.payload, lastAt: ev.time, trace: record(prev?.trace, ev) };
      return { ...s, topicOrder: order, topics: put(dict, key, topic) };
    }
    case 'open': {
      const key = keyOf(e.group, e.id);
      // An id used again (a new connection restarts ids) is a new call: the old one is replaced.
      const { order, dict } = admit(s.callOrder.filter((k) => k !== key), without(s.calls, key), key, CALL_CAP);
      const call: Call = {
        key,
        id: e.id,
        name: e.name,
        group: e.group,
        status: e.active ? 'active' : 'pending',
        startedAt: ev.time,
        request: e.request,
        updates: 0,
        trace: record(undefined, ev),
      };
      return { ...s, callOrder: order, calls: put(dict, key, call) };
    }
    case 'update':
    case 'close': {
      const key = keyOf(e.group, e.id);
      const prev = own(s.calls, key);
      // An answer to a call never seen (sent before recording began) is still shown, nameless.
      const base: Call = prev ?? { key, id: e.id, name: e.name ?? '?', group: e.group, status: 'pending', startedAt: ev.time, updates: 0, trace: record(undefined, ev) };
      const { order, dict } = prev ? { order: s.callOrder, dict: s.calls } : admit(s.callOrder, s.calls, key, CALL_CAP);
      const call: Call =
        e.kind === 'update'
          ? { ...base, status: 'active', result: e.payload, updates: base.updates + 1, trace: record(prev?.trace, ev) }
          : {
              ...base,
              status: e.cancelled ? 'cancelled' : e.error !== undefined ? 'error' : 'ok',
              endedAt: ev.time,
              result: e.result ?? base.result,
              error: e.error,
              trace: record(prev?.trace, ev),
            };
      return { ...s, callOrder: order, calls: put(dict, key, call) };
    }
  }
}

/** A family's reducer from what its messages mean. Sent frames count too: requests often come from the client. */
export function exchangeReducer<F extends string>(meaning: Meaning): (s: ExchangeState<F>, ev: TypedStreamEvent) => ExchangeState<F> {
  const handle: TypeHandler<ExchangeState<F>> = (s, payload, ev, type) => {
    let out = s;
    for (const e of meaning(type, payload, ev)) out = apply(out, e, ev);
    return out;
  };
  return byType<ExchangeState<F>>({}, { rest: handle, sent: true });
}

/**
 * Which way a call goes, as a group: requests from either side share the id space of their
 * sender, so the direction keeps them apart. `asked` is true for the request, false for its answer.
 */
export const side = (dir: string, asked: boolean): string => ((dir === 'out') === asked ? 'client → server' : 'server → client');

/** An argument list as a topic's latest value: one argument as itself, several as their list. */
export const argumentsValue = (args: unknown): unknown => (Array.isArray(args) && args.length === 1 ? args[0] : args);

/** Latency of an answered call, in ms. */
export const latency = (c: Call): number | undefined => (c.endedAt === undefined ? undefined : c.endedAt - c.startedAt);

export const topicList = (s: ExchangeState<string>): Topic[] => s.topicOrder.flatMap((k) => own(s.topics, k) ?? []);
/** Calls newest first. */
export const callList = (s: ExchangeState<string>): Call[] => s.callOrder.flatMap((k) => own(s.calls, k) ?? []).reverse();
