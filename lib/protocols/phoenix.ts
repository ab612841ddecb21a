import { z } from 'zod';
import { clip, line, preview } from './format';
import { parseJson } from './parse';
import type { Decoded, Profile, TypeSpec } from './spec';
import { isRecord, refs } from './values';
import { endsWithPath } from './where';

/*
 * Phoenix Channels over a WebSocket (phoenix.js serializers): version 2 sends each message as
 * `[join_ref, ref, topic, event, payload]`, version 1 as `{topic, event, payload, ref, join_ref}`.
 * Both are read into the v1 object shape; the type is the event (`phx_join`, `phx_reply`, or
 * the app's own, such as `new_msg` or LiveView's `diff`).
 */

/** One Channels message, whichever version carried it. */
export interface PhoenixMessage {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

const isRef = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** A frame as a Channels message; undefined when it is neither serializer's shape. */
export function readPhoenix(data: unknown): PhoenixMessage | undefined {
  if (Array.isArray(data) && data.length === 5) {
    const [joinRef, ref, topic, event, payload] = data as unknown[];
    if (isRef(joinRef) && isRef(ref) && typeof topic === 'string' && typeof event === 'string') return { join_ref: joinRef, ref, topic, event, payload };
    return undefined;
  }
  if (isRecord(data) && typeof data.topic === 'string' && typeof data.event === 'string' && Object.hasOwn(data, 'payload')) {
    const ref = data.ref ?? null;
    const joinRef = data.join_ref ?? null;
    return { join_ref: isRef(joinRef) ? joinRef : String(joinRef), ref: isRef(ref) ? ref : String(ref), topic: data.topic, event: data.event, payload: data.payload };
  }
  return undefined;
}

const Ref = z.string().nullable();
const Message = (payload: z.ZodType, ref: z.ZodType = Ref) => z.looseObject({ join_ref: Ref, ref, topic: z.string().min(1), event: z.string().min(1), payload });

/* eslint-disable @typescript-eslint/no-explicit-any -- readers take payloads that may have failed their schema */
const refOf = (p: any): string | false => typeof p?.ref === 'string' && `#${clip(p.ref, 12)}`;
const topicRef: TypeSpec['entities'] = (p) => refs(['topic', p?.topic]);
/* eslint-enable @typescript-eslint/no-explicit-any */

const lifecycle = (what: string, category: TypeSpec['category'] = 'lifecycle', schema: z.ZodType = Message(z.unknown())): TypeSpec => ({
  schema,
  category,
  summary: (p) => line(clip(p?.topic, 50), what, refOf(p)),
  entities: topicRef,
});

const TYPES: Record<string, TypeSpec> = {
  // A join always has a ref (its replies answer it) and an object of join parameters.
  phx_join: lifecycle('join', 'lifecycle', Message(z.record(z.string(), z.unknown()), z.string())),
  phx_leave: lifecycle('leave'),
  phx_close: lifecycle('closed'),
  phx_error: lifecycle('channel crashed', 'error'),
  phx_reply: {
    schema: Message(z.looseObject({ status: z.string().min(1), response: z.unknown() }), z.string()),
    category: 'data',
    summary: (p) => line(clip(p?.topic, 50), refOf(p), clip(p?.payload?.status, 12), p?.payload?.response !== undefined && preview(p.payload.response, 60)),
    entities: topicRef,
    isError: (p) => p?.payload?.status === 'error',
  },
  heartbeat: lifecycle('', 'heartbeat'),
};

/** The app's own events: any name, on any topic. */
const WILDCARDS: Record<string, TypeSpec> = {
  '*': {
    schema: Message(z.unknown()),
    category: 'data',
    // The pattern takes any type: an object that is no Channels message has nothing to say here
    // (the notification text then asks the other profiles).
    summary: (p) => (isRecord(p) && typeof p.topic !== 'string' ? '' : line(clip(p?.topic, 50), preview(p?.payload, 70), refOf(p))),
    entities: (p) => refs(['topic', p?.topic], ['event', p?.event]),
  },
};

export const phoenix: Profile = {
  family: 'phoenix',
  label: 'Phoenix Channels',
  types: TYPES,
  wildcards: WILDCARDS,
  decode(ev): Decoded[] {
    if (ev.transport !== 'ws' || ev.opcode === 2) return [];
    const { payload, error } = parseJson(ev.data);
    const message = error === undefined ? readPhoenix(payload) : undefined;
    return message ? [{ type: message.event, payload: message }] : [];
  },
  detect(ev, type, payload) {
    if (ev.transport !== 'ws' || !isRecord(payload) || typeof payload.topic !== 'string' || !('join_ref' in payload)) return 0;
    // The framework's own events tell; an app event in the array shape nearly does.
    if (type.startsWith('phx_') || payload.topic === 'phoenix') return 0.95;
    return ev.data.startsWith('[') ? 0.7 : 0.5;
  },
  // Phoenix sockets are at `<path>/websocket` with the serializer version in `vsn`.
  detectUrl(url) {
    if (!endsWithPath(url, 'websocket')) return 0;
    return url.searchParams.has('vsn') ? 0.7 : endsWithPath(url, 'socket', 'websocket') ? 0.5 : 0;
  },
};
