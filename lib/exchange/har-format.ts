import { z } from 'zod';
import { ProfileChoiceSchema } from '../config/endpoint';

/**
 * The parts of a HAR file that carry streams, shared by export and import so the two cannot
 * drift. WebSocket frames are Chrome's `_webSocketMessages`; SSE events are
 * `_eventSourceMessages` (Chrome writes none; Streamscope writes `eventName`, older writers
 * `type`). What neither can hold — connection markers, the endpoint's own id, name and profile —
 * goes in a `_streamscope` object on the entry, which other tools ignore.
 */
export const HAR_MIME = 'application/json';

/** Seconds since the epoch, fractional, as DevTools writes message times. */
export const harSeconds = (ms: number): number => ms / 1000;
export const harMs = (seconds: number): number => Math.round(seconds * 1000);

export const WsMessageSchema = z.object({
  type: z.enum(['send', 'receive']),
  /** Seconds since the epoch, fractional. */
  time: z.number(),
  opcode: z.number().int(),
  data: z.string(),
});
export type WsMessage = z.infer<typeof WsMessageSchema>;

export const EsMessageSchema = z.object({
  eventName: z.string().optional(),
  /** The event name as some writers call it. */
  type: z.string().optional(),
  time: z.number(),
  eventId: z.string().nullish(),
  data: z.string(),
  /** The server's `retry:` just before this event (Streamscope's addition). */
  retry: z.number().int().nonnegative().optional(),
});
export type EsMessage = z.infer<typeof EsMessageSchema>;

/** A connection marker, placed after the first `at` messages of its entry. */
export const HarMarkerSchema = z.object({
  at: z.number().int().nonnegative(),
  time: z.number(),
  name: z.string(),
  data: z.string(),
});
export type HarMarker = z.infer<typeof HarMarkerSchema>;

export const HarExtraSchema = z.object({
  endpoint: z.object({ id: z.string().min(1), name: z.string(), profile: ProfileChoiceSchema.optional() }).optional(),
  markers: z.array(HarMarkerSchema).optional(),
});
export type HarExtra = z.infer<typeof HarExtraSchema>;
