import { z } from 'zod';
import { ProfileChoiceSchema } from '../config/endpoint';
import type { Direction, Transport } from '../model/event';
import type { ValidationIssue } from '../model/typed';

/**
 * The NDJSON export format, shared by export and import so the two cannot drift.
 * Line 1 is a header (optional on import); every other line is one event, self-contained (it names its endpoint),
 * so a file can be grepped, split or concatenated line by line.
 */
export const NDJSON_VERSION = 1;
export const NDJSON_MIME = 'application/x-ndjson';

const version = z.literal(NDJSON_VERSION, {
  error: (iss) => (iss.input === undefined ? 'is missing' : `is not a version this build reads (it reads ${NDJSON_VERSION})`),
});

/** An endpoint as exported: never its headers, and its URL without credentials. */
export const NdjsonEndpointSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  url: z.string(),
  transport: z.enum(['sse', 'ws']),
});
export type NdjsonEndpoint = z.infer<typeof NdjsonEndpointSchema>;

export const NdjsonHeaderSchema = z.object({
  streamscope: z.literal('ndjson'),
  v: version,
  exportedAt: z.string(),
  /** Lets an import keep each endpoint's protocol profile. */
  endpoints: z.array(NdjsonEndpointSchema.extend({ profile: ProfileChoiceSchema.optional() })).optional(),
});
export type NdjsonHeader = z.infer<typeof NdjsonHeaderSchema>;

/**
 * What an import reads from an event line. `parsed`, `type`, `valid` and `issues` are derived
 * from the data and recomputed after import, so they are not read; `time` is `timeMs` for people.
 */
export const NdjsonEventSchema = z
  .object({
    v: version,
    endpoint: NdjsonEndpointSchema,
    seq: z.number().int().positive().optional(),
    timeMs: z.number(),
    dir: z.enum(['in', 'out', 'sys']),
    transport: z.enum(['sse', 'ws']),
    event: z.string().nullish(),
    opcode: z.union([z.literal(1), z.literal(2)]).nullish(),
    id: z.string().nullish(),
    retry: z.number().int().nonnegative().optional(),
    data: z.string(),
    size: z.number().int().nonnegative(),
  })
  .superRefine((line, ctx) => {
    if (line.transport !== line.endpoint.transport) {
      ctx.addIssue({ code: 'custom', path: ['transport'], message: `is "${line.transport}" but its endpoint's is "${line.endpoint.transport}"` });
    }
    if (line.transport === 'sse' && line.opcode != null) {
      ctx.addIssue({ code: 'custom', path: ['opcode'], message: 'is only for WebSocket frames' });
    }
  });
export type NdjsonEventIn = z.infer<typeof NdjsonEventSchema>;

/** An event line as written, in this key order. */
export interface NdjsonEventOut {
  v: typeof NDJSON_VERSION;
  endpoint: NdjsonEndpoint;
  seq: number;
  /** ISO 8601, UTC. */
  time: string;
  timeMs: number;
  dir: Direction;
  transport: Transport;
  /** SSE event name (null: the default "message"); for `sys` lines, the marker kind. */
  event: string | null;
  /** WebSocket opcode: 1 text, 2 binary (data is base64); null for SSE and markers. */
  opcode: 1 | 2 | null;
  /** SSE last event id as it applied to this event. */
  id: string | null;
  /** Present only when the server sent `retry:` just before this event. */
  retry?: number;
  data: string;
  size: number;
  parsed: unknown;
  type: string;
  valid: boolean;
  issues: ValidationIssue[];
}
