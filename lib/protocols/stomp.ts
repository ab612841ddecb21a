import { z } from 'zod';
import { clip, line, preview } from './format';
import type { Profile, TypeSpec } from './spec';
import { decodeSockJs, decodeStomp } from './stomp-frame';
import { isRecord, noRefs, refs } from './values';
import { endsWithPath, hasPath, segments } from './where';

/*
 * STOMP 1.2 over a WebSocket, raw or inside SockJS framing (./stomp-frame.ts). Types are the
 * frame commands as the wire spells them (`MESSAGE`), plus `heartbeat` and SockJS's own frames.
 */

/** Headers a command must carry (STOMP 1.2, "Frames and Headers"). */
const Headers = (...required: string[]) =>
  z.looseObject(Object.fromEntries(required.map((name) => [name, z.string().min(1, `${name} header is empty`)])));

/** A frame's schema: its required headers, and the framing problems found while reading it. */
const Frame = (...required: string[]) =>
  z
    .looseObject({ command: z.string(), headers: Headers(...required), problems: z.array(z.string()).optional() })
    .superRefine((f, ctx) => {
      for (const message of f.problems ?? []) ctx.addIssue({ code: 'custom', path: ['problems'], message });
    });

/* eslint-disable @typescript-eslint/no-explicit-any -- readers take payloads that may have failed their schema */
const h = (p: any, name: string): unknown => (isRecord(p?.headers) ? p.headers[name] : undefined);
const body = (p: any): string | false => p?.body !== undefined && (typeof p.body === 'string' ? clip(p.body, 60) : preview(p.body, 60));
const receipt = (p: any): string | false => h(p, 'receipt') !== undefined && `(receipt ${clip(h(p, 'receipt'), 20)})`;
/* eslint-enable @typescript-eslint/no-explicit-any */

const spec = (category: TypeSpec['category'], required: string[], summary: TypeSpec['summary'], entities: TypeSpec['entities'] = noRefs): TypeSpec => ({
  schema: Frame(...required),
  category,
  summary: (p, ev) => summary(p, ev) || '(no headers)',
  entities,
});
const destination = (p: unknown) => refs(['destination', h(p, 'destination')]);
const transaction: TypeSpec = spec('data', ['transaction'], (p) => `tx ${clip(h(p, 'transaction'), 30)}`);
const ack = spec('data', ['id'], (p) => line(clip(h(p, 'id'), 40), h(p, 'transaction') !== undefined && `tx ${clip(h(p, 'transaction'), 20)}`));

/** CONNECT, and STOMP, its 1.2 name that HTTP servers cannot mistake for a request. */
const connect = spec('lifecycle', ['accept-version'], (p) => line(h(p, 'host') !== undefined && clip(h(p, 'host'), 40), `versions ${clip(h(p, 'accept-version'), 20)}`));

const TYPES: Record<string, TypeSpec> = {
  CONNECT: connect,
  STOMP: connect,
  CONNECTED: spec('lifecycle', ['version'], (p) => line(`v${clip(h(p, 'version'), 8)}`, h(p, 'server') !== undefined && clip(h(p, 'server'), 40), h(p, 'heart-beat') !== undefined && `heart-beat ${clip(h(p, 'heart-beat'), 20)}`)),
  SEND: spec('data', ['destination'], (p) => line(clip(h(p, 'destination'), 60), body(p), receipt(p)), destination),
  SUBSCRIBE: spec('lifecycle', ['destination', 'id'], (p) => line(clip(h(p, 'destination'), 60), `(sub ${clip(h(p, 'id'), 20)})`, receipt(p)), (p) => refs(['destination', h(p, 'destination')], ['subscription', h(p, 'id')])),
  UNSUBSCRIBE: spec('lifecycle', ['id'], (p) => line(`sub ${clip(h(p, 'id'), 20)}`, receipt(p)), (p) => refs(['subscription', h(p, 'id')])),
  MESSAGE: spec(
    'data',
    ['destination', 'message-id', 'subscription'],
    (p) => line(clip(h(p, 'destination'), 60), body(p)),
    (p) => refs(['destination', h(p, 'destination')], ['subscription', h(p, 'subscription')]),
  ),
  ACK: ack,
  NACK: ack,
  BEGIN: transaction,
  COMMIT: transaction,
  ABORT: transaction,
  DISCONNECT: spec('lifecycle', [], (p) => receipt(p) || ''),
  RECEIPT: spec('lifecycle', ['receipt-id'], (p) => clip(h(p, 'receipt-id'), 40)),
  ERROR: spec('error', [], (p) => line(h(p, 'message') !== undefined && clip(h(p, 'message'), 80), body(p))),
  heartbeat: { schema: z.looseObject({}), category: 'heartbeat', summary: () => 'EOL', entities: noRefs },
  sockjs_open: { schema: z.looseObject({}), category: 'lifecycle', summary: () => 'SockJS session open', entities: noRefs },
  sockjs_heartbeat: { schema: z.looseObject({}), category: 'heartbeat', summary: () => 'SockJS heartbeat', entities: noRefs },
  sockjs_close: {
    schema: z.looseObject({ code: z.number().int(), reason: z.string() }),
    category: 'lifecycle',
    summary: (p) => line(clip(p?.code, 6), clip(p?.reason, 60)),
    entities: noRefs,
  },
};

/** STOMP's WebSocket subprotocols: `v10.stomp`, `v11.stomp`, `v12.stomp`. */
const SUBPROTOCOL = /^v1[0-2]\.stomp$/;

export const stomp: Profile = {
  family: 'stomp',
  label: 'STOMP',
  types: TYPES,
  decode(ev) {
    if (ev.transport !== 'ws' || ev.opcode === 2) return [];
    const sockjs = decodeSockJs(ev.data, ev.dir === 'out');
    return sockjs.length > 0 ? sockjs : decodeStomp(ev.data);
  },
  detect(ev, type, payload) {
    if (ev.transport !== 'ws') return 0;
    if (type === 'CONNECTED' || type === 'MESSAGE' || type === 'RECEIPT') return isRecord(payload) && isRecord(payload.headers) ? 0.95 : 0;
    // SockJS carries other protocols too; a bare EOL says little.
    if (type === 'sockjs_open' || type === 'sockjs_heartbeat') return 0.3;
    return type === 'heartbeat' ? 0.2 : 0;
  },
  detectSubprotocol: (protocol) => (SUBPROTOCOL.test(protocol) ? 0.99 : 0),
  detectUrl(url) {
    if (hasPath(url, 'stomp') || hasPath(url, 'sockjs')) return 0.6;
    // SockJS's WebSocket is at `<prefix>/<server>/<session>/websocket` (server: three digits), or
    // `<prefix>/websocket` without the SockJS framing; Spring's usual prefix is `/ws`.
    const segs = segments(url);
    if (segs.at(-1) !== 'websocket') return 0;
    if (segs.length >= 3 && /^\d{3}$/.test(segs.at(-3)!) && !segs.at(-2)!.includes('.')) return 0.6;
    return endsWithPath(url, 'ws', 'websocket') ? 0.5 : 0;
  },
};
