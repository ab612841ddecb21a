import { z } from 'zod';
import { channelLabel, performed } from '../format/action-cable';
import { clip, line, preview } from './format';
import { parseJson } from './parse';
import type { Decoded, Profile, TypeSpec } from './spec';
import { isRecord, noRefs, refs } from './values';
import { endsWithPath } from './where';

/*
 * Action Cable (Rails) over a WebSocket, subprotocol `actioncable-v1-json`: the server sends
 * `{type: welcome | ping | confirm_subscription | reject_subscription | disconnect}` and
 * broadcasts as `{identifier, message}`; the client sends `{command: subscribe | unsubscribe |
 * message, identifier, data}`. A client `message` command (a call of the channel's action) is
 * typed `perform`, apart from the server's broadcasts.
 */

const SERVER_TYPES = new Set(['welcome', 'ping', 'confirm_subscription', 'reject_subscription', 'disconnect']);
const COMMANDS: Record<string, string> = { subscribe: 'subscribe', unsubscribe: 'unsubscribe', message: 'perform' };

function kind(m: unknown): string {
  if (!isRecord(m)) return 'unknown';
  if (typeof m.type === 'string') return SERVER_TYPES.has(m.type) ? m.type : 'unknown';
  if (typeof m.command === 'string') return COMMANDS[m.command] ?? 'unknown';
  return Object.hasOwn(m, 'identifier') && Object.hasOwn(m, 'message') ? 'message' : 'unknown';
}

/* eslint-disable @typescript-eslint/no-explicit-any -- readers take payloads that may have failed their schema */
const channel = (p: any): string => clip(channelLabel(p?.identifier), 60);
const channelRef = (p: any) => refs(['channel', typeof p?.identifier === 'string' ? channelLabel(p.identifier) : undefined]);
/* eslint-enable @typescript-eslint/no-explicit-any */

const Identified = (shape: z.ZodRawShape = {}) => z.looseObject({ identifier: z.string().min(1), ...shape });
const subscription = (what: string, category: TypeSpec['category'], shape: z.ZodRawShape): TypeSpec => ({
  schema: Identified(shape),
  category,
  summary: (p) => line(channel(p), what),
  entities: channelRef,
});

const TYPES: Record<string, TypeSpec> = {
  welcome: { schema: z.looseObject({ type: z.literal('welcome') }), category: 'lifecycle', summary: () => 'connection accepted', entities: noRefs },
  ping: {
    schema: z.looseObject({ type: z.literal('ping'), message: z.number() }),
    category: 'heartbeat',
    summary: (p) => (typeof p?.message === 'number' ? new Date(p.message * 1000).toISOString() : clip(p?.message, 20)),
    entities: noRefs,
  },
  confirm_subscription: subscription('subscribed', 'lifecycle', { type: z.literal('confirm_subscription') }),
  reject_subscription: subscription('rejected', 'error', { type: z.literal('reject_subscription') }),
  disconnect: {
    schema: z.looseObject({ type: z.literal('disconnect'), reason: z.string().optional(), reconnect: z.boolean().optional() }),
    category: 'lifecycle',
    summary: (p) => line(clip(p?.reason ?? 'no reason', 40), p?.reconnect === true ? '(will reconnect)' : p?.reconnect === false && '(no reconnect)'),
    entities: noRefs,
    isError: (p) => p?.reason === 'unauthorized' || p?.reconnect === false,
  },
  message: {
    schema: Identified({ message: z.unknown() }),
    category: 'data',
    summary: (p) => line(channel(p), preview(p?.message, 70)),
    entities: channelRef,
  },
  subscribe: subscription('', 'lifecycle', { command: z.literal('subscribe') }),
  unsubscribe: subscription('', 'lifecycle', { command: z.literal('unsubscribe') }),
  perform: {
    schema: Identified({ command: z.literal('message'), data: z.string() }),
    category: 'data',
    summary: (p) => {
      const { action, args } = performed(p?.data);
      return line(channel(p), action !== undefined && clip(action, 40), preview(args, 60));
    },
    entities: channelRef,
  },
};

/** Subprotocols the Action Cable client offers (`actioncable-unsupported` is its fallback marker). */
const SUBPROTOCOL = /^actioncable-(v1-json|v1-msgpack|unsupported)$/;

export const actioncable: Profile = {
  family: 'actioncable',
  label: 'Action Cable',
  types: TYPES,
  decode(ev): Decoded[] {
    if (ev.transport !== 'ws' || ev.opcode === 2) return [];
    const { payload, error } = parseJson(ev.data);
    if (error !== undefined) return [];
    const type = kind(payload);
    return type === 'unknown' ? [] : [{ type, payload }];
  },
  detect(ev, type, payload) {
    if (ev.transport !== 'ws' || !isRecord(payload)) return 0;
    if (type === 'confirm_subscription' || type === 'reject_subscription') return 0.95;
    if (type === 'message' && typeof payload.identifier === 'string') return 0.9;
    // welcome and ping are common words: only Action Cable's exact shapes count.
    if (type === 'welcome' && Object.keys(payload).every((k) => k === 'type' || k === 'sid')) return 0.6;
    return type === 'ping' && typeof payload.message === 'number' ? 0.6 : 0;
  },
  detectSubprotocol: (protocol) => (SUBPROTOCOL.test(protocol) ? 0.99 : 0),
  // Rails mounts the cable server at `/cable`.
  detectUrl: (url) => (endsWithPath(url, 'cable') ? 0.6 : 0),
};
