import { z } from 'zod';
import { clip, line, preview, quote } from './format';
import { parseJson } from './parse';
import { Count, Id } from './schemas';
import type { Decoded, Profile, TypeSpec } from './spec';
import { isRecord, list, noRefs, refs } from './values';
import { hasPath, segments } from './where';

/*
 * ASP.NET Core SignalR, JSON hub protocol (docs: aspnetcore HubProtocol.md): JSON records each
 * ended by the record separator 0x1E, several per frame. The client's first record is the
 * handshake request `{"protocol":"json","version":1}`, the server's the response `{}` (or
 * `{"error":…}`); after that every record has a numeric `type`.
 */

export const RECORD_SEPARATOR = '\u001e';

/** Record kinds by their `type` number. */
const KINDS = ['', 'invocation', 'stream_item', 'completion', 'stream_invocation', 'cancel_invocation', 'ping', 'close', 'ack', 'sequence'] as const;

function kind(record: unknown): string {
  if (!isRecord(record)) return 'message';
  if (record.type === undefined) return typeof record.protocol === 'string' ? 'handshake' : 'handshake_response';
  return (typeof record.type === 'number' && KINDS[record.type]) || 'message';
}

/** The records of a frame; empty when it holds no record separator (not this framing). */
export function decodeSignalR(text: string): Decoded[] {
  if (!text.includes(RECORD_SEPARATOR)) return [];
  const parts = text.split(RECORD_SEPARATOR);
  // The text after the last separator is empty in a well-formed frame.
  if (parts[parts.length - 1]?.trim() === '') parts.pop();
  return parts.map((part) => {
    const { payload, error } = parseJson(part);
    return error !== undefined ? { type: 'message', payload: undefined, error } : { type: kind(payload), payload };
  });
}

const arg = (v: unknown): string => (typeof v === 'string' ? quote(v, 30) : preview(v, 40));
/** `ReceiveMessage("ana", "hello")`, with its invocation id when it expects an answer. */
const call = (p: any): string => // eslint-disable-line @typescript-eslint/no-explicit-any
  line(`${clip(p?.target, 50)}(${list(p?.arguments).slice(0, 6).map(arg).join(', ')}${list(p?.arguments).length > 6 ? ', …' : ''})`, invocation(p));
const invocation = (p: any): string | false => p?.invocationId !== undefined && `#${clip(p.invocationId, 20)}`; // eslint-disable-line @typescript-eslint/no-explicit-any
const invocationRef: TypeSpec['entities'] = (p) => refs(['invocation', p?.invocationId]);

const Message = (type: number, shape: z.ZodRawShape = {}) => z.looseObject({ type: z.literal(type), ...shape });
const Invocation = (type: number, id: z.ZodType) =>
  Message(type, { invocationId: id, target: z.string().min(1), arguments: z.array(z.unknown()), streamIds: z.array(z.string()).optional(), headers: z.record(z.string(), z.string()).optional() });

const TYPES: Record<string, TypeSpec> = {
  handshake: {
    schema: z.looseObject({ protocol: z.string().min(1), version: Count }),
    category: 'lifecycle',
    summary: (p) => `${clip(p?.protocol, 20)} v${clip(p?.version, 6)}`,
    entities: noRefs,
  },
  handshake_response: {
    schema: z.looseObject({ error: z.string().optional() }),
    category: 'lifecycle',
    summary: (p) => (p?.error === undefined ? 'accepted' : `refused: ${clip(p.error, 80)}`),
    entities: noRefs,
    isError: (p) => p?.error !== undefined,
  },
  invocation: { schema: Invocation(1, Id.optional()), category: 'data', summary: call, entities: (p) => refs(['invocation', p?.invocationId], ['event', p?.target]) },
  stream_invocation: { schema: Invocation(4, Id), category: 'data', summary: call, entities: (p) => refs(['invocation', p?.invocationId], ['event', p?.target]) },
  stream_item: {
    schema: Message(2, { invocationId: Id, item: z.unknown() }),
    category: 'data',
    summary: (p) => line(invocation(p), '→', arg(p?.item)),
    entities: invocationRef,
  },
  completion: {
    schema: Message(3, { invocationId: Id, result: z.unknown().optional(), error: z.string().optional() }),
    category: 'data',
    summary: (p) => line(invocation(p), p?.error !== undefined ? `error: ${clip(p.error, 80)}` : p?.result !== undefined ? `→ ${arg(p.result)}` : 'done'),
    entities: invocationRef,
    isError: (p) => p?.error !== undefined,
  },
  cancel_invocation: { schema: Message(5, { invocationId: Id }), category: 'lifecycle', summary: (p) => invocation(p) || '?', entities: invocationRef },
  ping: { schema: Message(6), category: 'heartbeat', summary: () => 'keep-alive', entities: noRefs },
  close: {
    schema: Message(7, { error: z.string().optional(), allowReconnect: z.boolean().optional() }),
    category: 'lifecycle',
    summary: (p) => line(p?.error !== undefined ? `error: ${clip(p.error, 80)}` : 'closed', p?.allowReconnect === true && '(may reconnect)'),
    entities: noRefs,
    isError: (p) => p?.error !== undefined,
  },
  ack: { schema: Message(8, { sequenceId: Count }), category: 'heartbeat', summary: (p) => `up to #${clip(p?.sequenceId, 12)}`, entities: noRefs },
  sequence: { schema: Message(9, { sequenceId: Count }), category: 'lifecycle', summary: (p) => `resume from #${clip(p?.sequenceId, 12)}`, entities: noRefs },
};

export const signalr: Profile = {
  family: 'signalr',
  label: 'SignalR',
  types: TYPES,
  decode: (ev) => (ev.transport === 'ws' && ev.opcode === 2 ? [] : decodeSignalR(ev.data)),
  detect(ev, type, payload) {
    if (!ev.data.endsWith(RECORD_SEPARATOR) || !isRecord(payload)) return 0;
    // A bare `{}` ended by 0x1E is the handshake response, and nothing else looks like it.
    if (type === 'handshake_response' || type === 'handshake') return 0.9;
    return type === 'message' ? 0 : 0.95;
  },
  // ASP.NET Core hubs are mapped at `/hubs/…` or `/…hub` by convention (`?id=` is the negotiated
  // connection token); ASP.NET SignalR 2 at `/signalr`.
  detectUrl(url) {
    if (hasPath(url, 'hubs') || hasPath(url, 'signalr')) return 0.6;
    return segments(url).at(-1)?.endsWith('hub') === true && url.searchParams.has('id') ? 0.5 : 0;
  },
};
