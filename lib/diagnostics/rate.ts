import type { StreamEvent } from '../model/event';

/**
 * Received (`dir: 'in'`) events per bucket over [from, to], `count` equal buckets; an event at
 * exactly `to` falls in the last one. `events` are oldest first, so the scan walks back from
 * the newest and stops at the window's start instead of reading the whole history.
 */
export function rateBuckets(events: readonly StreamEvent[], from: number, to: number, count: number): number[] {
  const out: number[] = new Array<number>(Math.max(0, count)).fill(0);
  if (count <= 0 || to <= from) return out;
  const width = (to - from) / count;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.time < from) break;
    if (e.dir !== 'in' || e.time > to) continue;
    const b = Math.min(count - 1, Math.floor((e.time - from) / width));
    out[b] = (out[b] ?? 0) + 1;
  }
  return out;
}

/** Received events per second over the last `windowMs` before `now`. */
export function recentRate(events: readonly StreamEvent[], now: number, windowMs = 10_000): number {
  const [n = 0] = rateBuckets(events, now - windowMs, now, 1);
  return n / (windowMs / 1000);
}

/** `0.4/s`, `12/s`: one decimal only where it tells something. */
export const formatRate = (perSecond: number): string => `${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)}/s`;
