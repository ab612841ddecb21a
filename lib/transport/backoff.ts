import type { ReconnectPolicy } from '../config/reconnect';

/** Longest delay a timer can hold; browsers fire longer ones at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Delay {
  delayMs: number;
  /** Plain words for the timeline: "backoff step 3: 4000 ms ±20 %" or "server retry 5000 ms". */
  why: string;
}

/**
 * Delay before retry number `attempt` (1 = the first retry): `baseMs·factor^(attempt-1)` capped
 * at `maxMs`, randomised by ±`jitter` with `rand` in [0, 1). The server's SSE `retry:` value is
 * a floor: it asked us not to come back sooner.
 */
export function nextDelay(policy: ReconnectPolicy, attempt: number, rand: number, serverRetryMs?: number): Delay {
  const step = Math.max(1, attempt);
  const capped = Math.min(policy.baseMs * policy.factor ** (step - 1), policy.maxMs);
  const jittered = Math.round(capped * (1 + policy.jitter * (2 * rand - 1)));
  const jitterText = policy.jitter > 0 ? ` ±${Math.round(policy.jitter * 100)} %` : '';
  if (serverRetryMs !== undefined && serverRetryMs > jittered) {
    return { delayMs: Math.min(serverRetryMs, MAX_TIMER_MS), why: `server retry ${serverRetryMs} ms` };
  }
  return { delayMs: Math.min(jittered, MAX_TIMER_MS), why: `backoff step ${step}: ${Math.round(capped)} ms${jitterText}` };
}

/** `attempt` is the retry about to be made; `maxAttempts` counts retries, null never gives up. */
export function shouldGiveUp(policy: ReconnectPolicy, attempt: number): boolean {
  return policy.maxAttempts !== null && attempt > policy.maxAttempts;
}
