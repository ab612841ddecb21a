import { z } from 'zod';
import { FAMILIES } from '../model/typed';
import { CustomProfileSchema } from './custom-profile';
import { RECONNECT_PRESETS, ReconnectPolicySchema } from './reconnect';

export const ProfileChoiceSchema = z.enum(['auto', ...FAMILIES]);
export type ProfileChoice = z.infer<typeof ProfileChoiceSchema>;

/** Application-level WebSocket heartbeat (the Notifications family's ping/pong). */
export const HeartbeatSchema = z.object({
  message: z.string().min(1, 'Heartbeat message cannot be empty'),
  intervalSec: z.number().positive('Interval must be positive'),
  timeoutSec: z.number().positive('Timeout must be positive'),
  /** A received frame containing this text counts as the reply. */
  replyContains: z.string().min(1, 'Say what the reply contains'),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

/** `type=task_update and payload.state=failed` as data. */
export const NotifyRuleSchema = z.object({
  type: z.string().min(1, 'A rule needs an event type (or *)'),
  /** Optional `path=value` match on the parsed data, e.g. `payload.state=failed`. */
  match: z.string().optional(),
});
export type NotifyRule = z.infer<typeof NotifyRuleSchema>;

export const RetentionSchema = z.object({
  maxEvents: z.number().int().min(1000, 'Keep at least 1,000 events'),
  maxAgeDays: z.number().min(0.01, 'Keep events at least 15 minutes'),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const DEFAULT_RETENTION: Retention = { maxEvents: 1_000_000, maxAgeDays: 30 };

const schemeTransport = (url: string): 'sse' | 'ws' | undefined => {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'http' || scheme === 'https') return 'sse';
  if (scheme === 'ws' || scheme === 'wss') return 'ws';
  return undefined;
};

/** Where a captured stream came from: the page's own stream, recorded as the page ran. */
export const CapturedFromSchema = z.object({
  tabId: z.number().int(),
  frameUrl: z.string(),
  kind: z.enum(['ws', 'es', 'fetch', 'xhr']),
  method: z.string().optional(),
});
export type CapturedFrom = z.infer<typeof CapturedFromSchema>;

export const EndpointConfigSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1, 'Give the endpoint a name'),
    url: z.url({ message: 'Not a valid URL' }),
    transport: z.enum(['sse', 'ws'], { message: 'Transport must be "sse" or "ws"' }),
    enabled: z.boolean(),
    profile: ProfileChoiceSchema,
    /** How the `custom` profile types this endpoint's events (lib/config/custom-profile.ts); absent: the empty definition. */
    customProfile: CustomProfileSchema.optional(),
    /** SSE request headers (e.g. Authorization). Stored locally, masked in the UI, never exported. */
    headers: z.record(z.string(), z.string()),
    /** WebSocket subprotocols. */
    protocols: z.array(z.string().min(1)),
    heartbeat: HeartbeatSchema.nullable(),
    reconnect: ReconnectPolicySchema,
    /** What a 4xx or a wrong content type does: stop, or keep retrying with backoff. */
    onHttpError: z.enum(['stop', 'retry']),
    notify: z.array(NotifyRuleSchema),
    retention: RetentionSchema,
    /** Read-only recordings made by an import; the background never connects them. */
    recording: z.boolean().optional(),
    /** Set on the read-only source of a stream captured from a page (then `recording` too). */
    captured: CapturedFromSchema.optional(),
  })
  .superRefine((cfg, ctx) => {
    const t = schemeTransport(cfg.url);
    if (!t) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'URL must start with http://, https://, ws:// or wss://' });
    } else if (t === 'ws' && cfg.transport === 'sse') {
      ctx.addIssue({ code: 'custom', path: ['transport'], message: 'A ws:// URL cannot be read as SSE' });
    } else if (t === 'sse' && cfg.transport === 'ws') {
      ctx.addIssue({ code: 'custom', path: ['transport'], message: 'An http(s):// URL cannot be opened as a WebSocket' });
    }
  });
export type EndpointConfig = z.infer<typeof EndpointConfigSchema>;

export const EndpointListSchema = z.array(EndpointConfigSchema);

/** Fill defaults for a new endpoint from a URL. */
export function newEndpoint(partial: Partial<EndpointConfig> & { url: string; name: string }): EndpointConfig {
  const transport = partial.transport ?? schemeTransport(partial.url) ?? 'sse';
  return {
    id: partial.id ?? `ep-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
    enabled: true,
    profile: 'auto',
    headers: {},
    protocols: [],
    heartbeat: null,
    reconnect: RECONNECT_PRESETS.forever,
    onHttpError: 'stop',
    notify: [],
    retention: DEFAULT_RETENTION,
    ...partial,
    transport,
  };
}

/** Plain-words errors keyed by field path, for forms and for rejected config. */
export function configErrors(input: unknown): Record<string, string> | null {
  const r = EndpointConfigSchema.safeParse(input);
  if (r.success) return null;
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join('.') || '(config)';
    out[key] ??= issue.message;
  }
  return out;
}
