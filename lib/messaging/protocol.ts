import { z } from 'zod';
import { ConnStateSchema } from '../model/connection';
import type { StreamEvent } from '../model/event';

/**
 * The one message protocol between the background and extension pages (panel, popup,
 * options, history tab), carried over a long-lived `runtime.Port` named PORT_NAME.
 * Both ends validate what they receive with these schemas.
 */
export const PORT_NAME = 'streamscope';

export const StreamEventSchema = z.object({
  endpointId: z.string(),
  seq: z.number().int().positive(),
  time: z.number(),
  dir: z.enum(['in', 'out', 'sys']),
  transport: z.enum(['sse', 'ws']),
  name: z.string().optional(),
  id: z.string().optional(),
  retry: z.number().optional(),
  opcode: z.union([z.literal(1), z.literal(2)]).optional(),
  data: z.string(),
  size: z.number(),
});

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optional = (v: unknown, test: (v: unknown) => boolean): boolean => v === undefined || test(v);

/**
 * StreamEventSchema's test, written out: a page receives thousands of events a second, and zod
 * cannot compile its checks in extension pages (their CSP forbids `eval`), where it spent ~17 µs
 * per event, about a tenth of the panel's time at 5,000 events/s. This takes well under one. A
 * unit test holds it to the schema on generated values; the schema still names what is wrong.
 */
export function isStreamEvent(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.endpointId === 'string' &&
    Number.isSafeInteger(e.seq) &&
    (e.seq as number) > 0 &&
    isNumber(e.time) &&
    (e.dir === 'in' || e.dir === 'out' || e.dir === 'sys') &&
    (e.transport === 'sse' || e.transport === 'ws') &&
    optional(e.name, (x) => typeof x === 'string') &&
    optional(e.id, (x) => typeof x === 'string') &&
    optional(e.retry, isNumber) &&
    optional(e.opcode, (x) => x === 1 || x === 2) &&
    typeof e.data === 'string' &&
    isNumber(e.size)
  );
}

/** Events as pages receive them: each tested by `isStreamEvent`, and the first that fails explained by the schema. */
const StreamEventsSchema = z.unknown().transform((list, ctx): StreamEvent[] => {
  if (!Array.isArray(list)) {
    ctx.addIssue({ code: 'custom', message: 'expected a list of events' });
    return z.NEVER;
  }
  const bad = list.findIndex((v) => !isStreamEvent(v));
  if (bad < 0) return list as StreamEvent[];
  const issue = StreamEventSchema.safeParse(list[bad]).error?.issues[0];
  ctx.addIssue({ code: 'custom', path: [bad, ...(issue?.path ?? [])], message: issue?.message ?? 'not a stream event' });
  return z.NEVER;
});

export const EndpointStatusSchema = z.object({
  endpointId: z.string(),
  state: ConnStateSchema,
  /** Attempts since the last successful open. */
  attempt: z.number().int(),
  nextRetryAt: z.number().optional(),
  /** Why the last attempt failed, or why it gave up, in plain words. */
  reason: z.string().optional(),
  lastEventAt: z.number().optional(),
  lastEventId: z.string().optional(),
  lastSeq: z.number().int(),
  events: z.number().int(),
  bytes: z.number(),
  /** Events waiting in memory for the disk. */
  queued: z.number().int(),
  overloaded: z.boolean(),
});
export type EndpointStatus = z.infer<typeof EndpointStatusSchema>;

export const PageMessageSchema = z.discriminatedUnion('type', [
  /** Subscribe: the background answers with `welcome`, then streams `events` and `status`. */
  z.object({ type: z.literal('hello'), page: z.enum(['panel', 'popup', 'options', 'streams']) }),
  z.object({ type: z.literal('send'), endpointId: z.string(), data: z.string() }),
  z.object({ type: z.literal('reconnect'), endpointId: z.string() }),
  z.object({ type: z.literal('pause'), endpointId: z.string() }),
  z.object({ type: z.literal('resume'), endpointId: z.string() }),
  z.object({ type: z.literal('clear'), endpointId: z.string().optional() }),
  /** Page capture: is the tab capturing, which of its sources are live (answered with `capture-tab`). */
  z.object({ type: z.literal('capture-tab'), tabId: z.number().int() }),
  /** Send on the page's WebSocket as the page would, or deliver a message to the page as the server would. */
  z.object({ type: z.literal('capture-act'), endpointId: z.string(), op: z.enum(['send', 'inject']), data: z.string(), binary: z.boolean().optional() }),
  /** Add the demo endpoints (when the demo server answers) or remove them. */
  z.object({ type: z.literal('demo'), action: z.enum(['load', 'remove']) }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

export const BackgroundMessageSchema = z.discriminatedUnion('type', [
  /** Sent once per `hello`: current status and the events not yet on disk (so no seam gap). */
  z.object({
    type: z.literal('welcome'),
    status: z.array(EndpointStatusSchema),
    pending: StreamEventsSchema,
    online: z.boolean(),
  }),
  z.object({ type: z.literal('events'), events: StreamEventsSchema }),
  z.object({ type: z.literal('status'), status: z.array(EndpointStatusSchema), online: z.boolean() }),
  z.object({ type: z.literal('cleared'), endpointId: z.string().optional() }),
  /** Retention or a full disk deleted the oldest events (what they built stays): pages re-read the store's index. */
  z.object({ type: z.literal('trimmed') }),
  z.object({ type: z.literal('capture-tab'), tabId: z.number().int(), active: z.boolean(), live: z.array(z.string()), current: z.array(z.string()).default([]) }),
  /** A request the background could not carry out (e.g. sending on a closed socket). */
  z.object({ type: z.literal('error'), message: z.string(), endpointId: z.string().optional() }),
]);
export type BackgroundMessage = z.infer<typeof BackgroundMessageSchema>;
