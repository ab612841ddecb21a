import { z } from 'zod';

/** Reconnect policy: exponential backoff with jitter. `maxAttempts: null` never gives up. */
export const ReconnectPolicySchema = z.object({
  preset: z.enum(['forever', 'kanban', 'opencode', 'notifications', 'custom']),
  baseMs: z.number().int().min(100, 'Base delay must be at least 100 ms'),
  factor: z.number().min(1, 'Factor must be at least 1').max(10, 'Factor must be at most 10'),
  maxMs: z.number().int().min(100, 'Max delay must be at least 100 ms'),
  maxAttempts: z.number().int().min(1, 'Max attempts must be at least 1').nullable(),
  /** Fraction of the delay randomised (0 = none, 0.2 = ±20 %). */
  jitter: z.number().min(0).max(1),
});
export type ReconnectPolicy = z.infer<typeof ReconnectPolicySchema>;

/** Each protocol's documented reconnect behaviour (docs/event-shapes.md), plus a never-give-up default for a monitoring tool. */
export const RECONNECT_PRESETS: Record<Exclude<ReconnectPolicy['preset'], 'custom'>, ReconnectPolicy> = {
  forever: { preset: 'forever', baseMs: 1000, factor: 2, maxMs: 30_000, maxAttempts: null, jitter: 0.2 },
  kanban: { preset: 'kanban', baseMs: 1500, factor: 2, maxMs: 12_000, maxAttempts: 8, jitter: 0.2 },
  opencode: { preset: 'opencode', baseMs: 1000, factor: 2, maxMs: 16_000, maxAttempts: 5, jitter: 0.2 },
  notifications: { preset: 'notifications', baseMs: 1000, factor: 2, maxMs: 30_000, maxAttempts: 5, jitter: 0.2 },
};
