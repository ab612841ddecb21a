import { z } from 'zod';
import { MAX_CAPTURED_FRAME } from './channel';

/**
 * What the page hook (MAIN world) tells the bridge (ISOLATED world), and what the bridge
 * forwards to the background: batches of records as one JSON string. Everything here comes
 * from the page and is untrusted: the background parses it with these schemas, caps sizes and
 * rates, and treats it as data only.
 */

export const CAPTURE_KINDS = ['ws', 'es', 'fetch', 'xhr'] as const;

export type CaptureKind = (typeof CAPTURE_KINDS)[number];

const sid = z.number().int().nonnegative();
const time = z.number().finite();
const text = z.string().max(MAX_CAPTURED_FRAME * 4);
const short = z.string().max(8192);

/** A stream the page opened. `url` is absolute; `headers` are the request's non-secret ones. */
const OpenRecord = z.object({
  k: z.literal('open'),
  s: sid,
  t: time,
  kind: z.enum(CAPTURE_KINDS),
  url: short,
  method: z.string().max(32).optional(),
  protocols: z.array(z.string().max(256)).max(32).optional(),
  headers: z.record(z.string().max(256), z.string().max(4096)).optional(),
});

/** A WebSocket frame (`in` received, `out` sent by the page). Binary data is base64. */
const FrameRecord = z.object({
  k: z.literal('frame'),
  s: sid,
  t: time,
  dir: z.enum(['in', 'out']),
  data: text,
  bin: z.literal(true).optional(),
  /** Real size in bytes; larger than what `data` holds when `cut`. */
  size: z.number().int().nonnegative(),
  cut: z.literal(true).optional(),
  /** Delivered to the page from the panel, not by the server. */
  inj: z.literal(true).optional(),
});

/** An EventSource event as the page saw it. */
const MessageRecord = z.object({
  k: z.literal('message'),
  s: sid,
  t: time,
  name: short.optional(),
  id: short.optional(),
  data: text,
  size: z.number().int().nonnegative(),
  cut: z.literal(true).optional(),
});

/** Body text of a streamed fetch/XHR response, as it arrived. */
const ChunkRecord = z.object({ k: z.literal('chunk'), s: sid, t: time, text });

/**
 * Lifecycle: open (with the negotiated protocol or HTTP status), error, close, end; `stopped`:
 * the capture let go of a body the page stopped reading, `size` bytes in.
 */
const StateRecord = z.object({
  k: z.literal('state'),
  s: sid,
  t: time,
  what: z.enum(['open', 'error', 'close', 'end', 'reconnecting', 'stopped']),
  protocol: short.optional(),
  status: z.number().int().optional(),
  contentType: short.optional(),
  /** Response headers that name the protocol (TELLING_HEADERS), for detection. */
  told: z.record(z.string().max(64), short).refine((h) => Object.keys(h).length <= 4, 'too many headers').optional(),
  code: z.number().int().optional(),
  reason: short.optional(),
  clean: z.boolean().optional(),
  lastEventId: short.optional(),
  size: z.number().int().nonnegative().optional(),
});

/** Records the page hook could not send because of its rate cap. */
const DroppedRecord = z.object({ k: z.literal('dropped'), s: sid, t: time, n: z.number().int().positive() });

export const PageRecordSchema = z.discriminatedUnion('k', [OpenRecord, FrameRecord, MessageRecord, ChunkRecord, StateRecord, DroppedRecord]);
export type PageRecord = z.infer<typeof PageRecordSchema>;
export type OpenRec = z.infer<typeof OpenRecord>;
export type StateRec = z.infer<typeof StateRecord>;

/** background → bridge → hook. `s` names the page's stream. */
export const CommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('ready') }),
  z.object({ op: z.literal('stop') }),
  z.object({ op: z.literal('send'), s: sid, data: z.string(), bin: z.boolean().optional() }),
  z.object({ op: z.literal('inject'), s: sid, data: z.string(), bin: z.boolean().optional() }),
]);
export type Command = z.infer<typeof CommandSchema>;
