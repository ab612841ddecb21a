import { z } from 'zod';
import { clip, id, line, preview, quote } from './format';
import { parseJson } from './parse';
import { AnyObject, Count } from './schemas';
import type { Decoded, Profile, TypeSpec } from './spec';
import { isRecord, list, noRefs, refs } from './values';
import { hasPath } from './where';

/*
 * Socket.IO v4 (protocol 5) over Engine.IO v4, on a WebSocket: one Engine.IO packet per frame, a
 * digit then data (`0{…}` open, `2` ping, `3` pong, `4…` message). A message is a Socket.IO
 * packet: type digit, `N-` attachment count for binary packets, `/namespace,` unless `/`, an ack
 * id, then JSON (`42/chat,17["chat message",{…}]`). Binary attachments follow as binary frames.
 */

const ENGINE = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'] as const;
const SOCKET = ['connect', 'disconnect', 'event', 'ack', 'connect_error', 'binary_event', 'binary_ack'] as const;

/** A decoded Socket.IO packet: what the schemas and the reducer read. */
export interface SocketPacket {
  nsp: string;
  id?: number;
  attachments?: number;
  /** EVENT: the event name and its arguments; ACK: the arguments. */
  name?: string;
  args?: unknown[];
  data?: unknown;
}

function socketPacket(text: string): Decoded {
  const kind = SOCKET[Number(text[0])];
  if (kind === undefined || !/^[0-6]/.test(text)) return { type: 'message', payload: undefined, error: 'not a Socket.IO packet' };
  let i = 1;
  const packet: SocketPacket = { nsp: '/' };
  if (kind === 'binary_event' || kind === 'binary_ack') {
    const dash = text.indexOf('-', i);
    packet.attachments = Number(text.slice(i, dash));
    i = dash + 1;
  }
  if (text[i] === '/') {
    const comma = text.indexOf(',', i);
    packet.nsp = comma < 0 ? text.slice(i) : text.slice(i, comma);
    i = comma < 0 ? text.length : comma + 1;
  }
  const digits = /^\d+/.exec(text.slice(i))?.[0];
  if (digits !== undefined) {
    packet.id = Number(digits);
    i += digits.length;
  }
  const rest = text.slice(i);
  if (rest !== '') {
    const { payload, error } = parseJson(rest);
    if (error !== undefined) return { type: kind, payload: packet, error };
    if (kind === 'event' || kind === 'binary_event') {
      const arr = list(payload);
      packet.name = typeof arr[0] === 'string' ? arr[0] : undefined;
      packet.args = arr.slice(1);
      if (!Array.isArray(payload)) packet.data = payload;
    } else if (kind === 'ack' || kind === 'binary_ack') packet.args = list(payload);
    else packet.data = payload;
  }
  return { type: kind, payload: packet };
}

export function decodeSocketIo(text: string): Decoded {
  const engine = ENGINE[Number(text[0])];
  if (engine === undefined || !/^[0-6]/.test(text)) return { type: 'message', payload: undefined, error: 'not an Engine.IO packet' };
  if (engine === 'message') return socketPacket(text.slice(1));
  const data = text.slice(1);
  if (engine === 'open') {
    const { payload, error } = parseJson(data);
    return { type: 'open', payload, ...(error !== undefined && { error }) };
  }
  return { type: engine, payload: data === '' ? {} : { data } };
}

/** `<binary #0>` for an attachment placeholder, a preview of anything else. */
const arg = (v: unknown): string => {
  if (isRecord(v) && v._placeholder === true) return `<binary #${clip(v.num, 4)}>`;
  return typeof v === 'string' ? quote(v, 30) : preview(v, 40);
};
const where = (p: any): string | false => p?.nsp !== undefined && p.nsp !== '/' && clip(p.nsp, 30); // eslint-disable-line @typescript-eslint/no-explicit-any
const ackId = (p: any): string | false => typeof p?.id === 'number' && `#${p.id}`; // eslint-disable-line @typescript-eslint/no-explicit-any

const Packet = (shape: z.ZodRawShape = {}) => z.looseObject({ nsp: z.string().startsWith('/'), id: Count.optional(), ...shape });
const EventPacket = Packet({ name: z.string().min(1), args: z.array(z.unknown()) });
const AckPacket = Packet({ id: Count, args: z.array(z.unknown()) });

const eventSpec: TypeSpec = {
  schema: EventPacket,
  category: 'data',
  summary: (p) => line(where(p), clip(p?.name, 40), list(p?.args).map(arg).join(', '), ackId(p) && `(ack ${ackId(p)})`),
  entities: (p) => refs(['namespace', p?.nsp], ['event', p?.name]),
};
const ackSpec: TypeSpec = {
  schema: AckPacket,
  category: 'data',
  summary: (p) => line(where(p), ackId(p), '→', list(p?.args).map(arg).join(', ')),
  entities: (p) => refs(['namespace', p?.nsp]),
};
const engineSpec = (category: TypeSpec['category'], what: string): TypeSpec => ({
  schema: z.looseObject({ data: z.string().optional() }),
  category,
  summary: (p) => line(what, typeof p?.data === 'string' && clip(p.data, 20)),
  entities: noRefs,
});

const TYPES: Record<string, TypeSpec> = {
  open: {
    schema: z.looseObject({ sid: z.string().min(1), pingInterval: Count, pingTimeout: Count, upgrades: z.array(z.string()).optional(), maxPayload: Count.optional() }),
    category: 'lifecycle',
    summary: (p) => `sid ${id(p?.sid)} ping every ${clip(p?.pingInterval, 8)} ms`,
    entities: noRefs,
  },
  close: engineSpec('lifecycle', 'transport closed'),
  ping: engineSpec('heartbeat', 'ping'),
  pong: engineSpec('heartbeat', 'pong'),
  upgrade: engineSpec('lifecycle', 'upgrade'),
  noop: engineSpec('heartbeat', 'noop'),
  connect: {
    schema: Packet({ data: AnyObject.optional() }),
    category: 'lifecycle',
    summary: (p) => line(clip(p?.nsp, 30), isRecord(p?.data) && typeof p.data.sid === 'string' && `sid ${id(p.data.sid)}`),
    entities: (p) => refs(['namespace', p?.nsp]),
  },
  disconnect: { schema: Packet(), category: 'lifecycle', summary: (p) => clip(p?.nsp, 30), entities: (p) => refs(['namespace', p?.nsp]) },
  connect_error: {
    schema: Packet({ data: z.looseObject({ message: z.string() }) }),
    category: 'error',
    summary: (p) => line(clip(p?.nsp, 30), clip(p?.data?.message, 80)),
    entities: (p) => refs(['namespace', p?.nsp]),
  },
  event: eventSpec,
  ack: ackSpec,
  binary_event: { ...eventSpec, schema: EventPacket.extend({ attachments: Count }) },
  binary_ack: { ...ackSpec, schema: AckPacket.extend({ attachments: Count }) },
  attachment: { schema: z.looseObject({ bytes: Count }), category: 'data', summary: (p) => `${clip(p?.bytes, 12)} bytes`, entities: noRefs },
};

export const socketio: Profile = {
  family: 'socketio',
  label: 'Socket.IO',
  types: TYPES,
  decode(ev) {
    if (ev.transport !== 'ws') return [];
    // Binary frames are the attachments of the binary packet before them.
    if (ev.opcode === 2) return [{ type: 'attachment', payload: { bytes: ev.size } }];
    return /^[0-6]/.test(ev.data) ? [decodeSocketIo(ev.data)] : [];
  },
  detect(ev, type, payload) {
    if (ev.transport !== 'ws' || ev.opcode === 2) return 0;
    if (type === 'open' && isRecord(payload) && typeof payload.sid === 'string' && typeof payload.pingInterval === 'number') return 0.95;
    if ((type === 'event' || type === 'connect') && /^4[0-6]/.test(ev.data)) return 0.8;
    return type === 'ping' && ev.data === '2' ? 0.3 : 0;
  },
  // The client's default path; Engine.IO 4 says so in the query.
  detectUrl: (url) => (hasPath(url, 'socket.io') ? (url.searchParams.get('EIO') === '4' ? 0.7 : 0.5) : 0),
};
