import { z } from 'zod';
import { errorMessages, operationName, rootFields } from '../format/graphql-document';
import type { StreamEvent } from '../model/event';
import { clip, count, line, preview } from './format';
import { Id } from './schemas';
import { parseJson } from './parse';
import type { Decoded, Profile, TypeSpec } from './spec';
import { isRecord, list, noRefs, refs } from './values';
import { endsWithPath, hasPath } from './where';

/*
 * GraphQL over WebSocket, one JSON message per frame with a `type`, in both protocols in use:
 * `graphql-transport-ws` (the graphql-ws library: connection_init/ack, subscribe, next, error,
 * complete, ping/pong) and the legacy `graphql-ws` of subscriptions-transport-ws (start, data,
 * stop, ka, connection_error, connection_terminate). Both are spelled out in the libraries'
 * PROTOCOL.md files.
 *
 * Also GraphQL over SSE (the graphql-sse library's PROTOCOL.md): `event: next` with an execution
 * result and `event: complete`. In its "distinct connections mode" each stream is one operation
 * and the events carry no id: they are read as the operation `stream` (SSE_OPERATION). In its
 * "single connection mode" they carry `{id, payload}` as over WebSocket.
 */

/** The operation of a graphql-sse stream in distinct connections mode, where the stream is the operation. */
export const SSE_OPERATION = 'stream';

const opId = (p: any): string => `(id ${clip(p?.id, 20)})`; // eslint-disable-line @typescript-eslint/no-explicit-any
const opRef: TypeSpec['entities'] = (p) => refs(['operation', p?.id]);

const Operation = z.looseObject({ query: z.string().min(1), operationName: z.string().nullish(), variables: z.record(z.string(), z.unknown()).nullish() });
const GraphQLError = z.looseObject({ message: z.string() });
const ExecutionResult = z.looseObject({ data: z.unknown().optional(), errors: z.array(GraphQLError).optional() });

const start: TypeSpec = {
  schema: z.looseObject({ id: Id, payload: Operation }),
  category: 'lifecycle',
  summary: (p) => line(clip(operationName(p?.payload) ?? '?', 60), opId(p)),
  entities: opRef,
};
/** A result pushed for an operation; errors inside it make it an error row. */
const result: TypeSpec = {
  schema: z.looseObject({ id: Id, payload: ExecutionResult }),
  category: 'data',
  summary: (p) => {
    const fields = rootFields(p?.payload);
    const errors = errorMessages(list(p?.payload?.errors));
    return line(
      fields.length > 0 && clip(fields.join(', '), 50),
      opId(p),
      fields.length === 1 && preview(p?.payload?.data?.[fields[0]!], 60),
      errors.length > 0 && `${count(errors.length, 'error')}: ${clip(errors[0], 60)}`,
    );
  },
  entities: opRef,
  isError: (p) => list(p?.payload?.errors).length > 0,
};
const errorSpec: TypeSpec = {
  schema: z.looseObject({ id: Id, payload: z.union([z.array(GraphQLError).min(1), GraphQLError]) }),
  category: 'error',
  summary: (p) => line(opId(p), clip(errorMessages(p?.payload).join('; ') || preview(p?.payload, 60), 100)),
  entities: opRef,
};
const finished: TypeSpec = { schema: z.looseObject({ id: Id }), category: 'lifecycle', summary: opId, entities: opRef };
/** Connection-level messages carry an optional payload; `what` says what one means when it has none. */
const connection = (category: TypeSpec['category'], what: string): TypeSpec => ({
  schema: z.looseObject({ payload: z.unknown().optional() }),
  category,
  summary: (p) => (p?.payload === undefined || p.payload === null ? what : line(what, preview(p.payload, 60))),
  entities: noRefs,
});

const TYPES: Record<string, TypeSpec> = {
  connection_init: connection('lifecycle', 'client opens'),
  connection_ack: connection('lifecycle', 'server accepts'),
  connection_error: { ...connection('error', 'server refuses'), schema: z.looseObject({ payload: z.unknown() }) },
  connection_terminate: connection('lifecycle', 'client ends'),
  ping: connection('heartbeat', 'alive?'),
  pong: connection('heartbeat', 'alive'),
  ka: connection('heartbeat', 'keep-alive'),
  subscribe: start,
  start,
  next: result,
  data: result,
  error: errorSpec,
  complete: finished,
  stop: finished,
};

/** The keys of an execution result (incremental delivery included). */
const RESULT_KEYS = new Set(['data', 'errors', 'extensions', 'hasNext', 'incremental', 'pending', 'completed']);
const isResult = (v: unknown): boolean =>
  isRecord(v) && ('data' in v || 'errors' in v) && Object.keys(v).every((k) => RESULT_KEYS.has(k));

/** A graphql-sse event: `next` and `complete` named SSE events, with or without an operation id. */
function decodeSse(ev: StreamEvent): Decoded[] {
  const type = ev.name;
  if (ev.transport !== 'sse' || (type !== 'next' && type !== 'complete')) return [];
  const text = ev.data.trim();
  // Distinct connections mode ends the stream with an empty `complete`.
  if (type === 'complete' && (text === '' || text === 'null')) return [{ type, payload: { id: SSE_OPERATION } }];
  const { payload, error } = parseJson(text);
  if (error !== undefined) return [{ type, payload, error }];
  const single = isRecord(payload) && typeof payload.id === 'string';
  return [{ type, payload: single || type === 'complete' ? payload : { id: SSE_OPERATION, payload } }];
}

/** How surely a graphql-sse event tells the protocol apart: a named `next` whose data is an execution result. */
function detectSse(type: string, payload: unknown): number {
  if (!isRecord(payload) || typeof payload.id !== 'string') return 0;
  if (type === 'next') return isResult(payload.payload) ? 0.7 : 0;
  return type === 'complete' ? 0.4 : 0;
}

/** Types GraphQL over WebSocket servers send, by how surely they tell it apart. */
const TELLING: Record<string, number> = { connection_ack: 0.9, ka: 0.9, next: 0.6, data: 0.5, complete: 0.4 };
/** The only keys a GraphQL message has; other protocols' `connection_ack` carry more (`data`). */
const KEYS = new Set(['type', 'id', 'payload']);

export const graphql: Profile = {
  family: 'graphql',
  label: 'GraphQL over WebSocket or SSE',
  types: TYPES,
  decode: decodeSse,
  detect(ev, type, payload) {
    if (ev.transport === 'sse') return detectSse(type, payload);
    if (!isRecord(payload) || !Object.hasOwn(TELLING, type)) return 0;
    if (Object.keys(payload).some((k) => !KEYS.has(k))) return 0;
    // next/data/complete are common words: only with an operation id and a result do they tell.
    if (type === 'connection_ack' || type === 'ka') return TELLING[type]!;
    return typeof payload.id === 'string' && (type === 'complete' || isRecord(payload.payload)) ? TELLING[type]! : 0;
  },
  detectSubprotocol: (protocol) => (protocol === 'graphql-transport-ws' || protocol === 'graphql-ws' ? 0.99 : 0),
  // `/graphql` (also `/graphql/stream` and the like); `/subscriptions` was the legacy servers' path.
  detectUrl: (url) => (hasPath(url, 'graphql') ? 0.6 : endsWithPath(url, 'subscriptions') ? 0.5 : 0),
};
