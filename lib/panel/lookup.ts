import type { StreamEvent } from '../model/event';
import type { EntityRef, TypedEvent } from '../model/typed';

/** Splits an event key `endpointId#seq` (endpoint ids may contain `#`). */
export function parseEventKey(key: string): { endpointId: string; seq: number } | undefined {
  const at = key.lastIndexOf('#');
  const seq = Number(key.slice(at + 1));
  if (at <= 0 || !Number.isInteger(seq)) return undefined;
  return { endpointId: key.slice(0, at), seq };
}

/** Index of the event with this key, searching from the newest end; -1 when absent. */
export function findEventIndex(events: readonly StreamEvent[], key: string): number {
  const k = parseEventKey(key);
  if (!k) return -1;
  for (let i = events.length - 1; i >= 0; i--) {
    const ev = events[i]!;
    if (ev.seq === k.seq && ev.endpointId === k.endpointId) return i;
  }
  return -1;
}

const entityId = (e: EntityRef): string => `${e.kind}:${e.id}`;

export interface Neighbours {
  before: StreamEvent[];
  after: StreamEvent[];
}

/**
 * The nearest events (up to `limit` each way) that touch one of the same entities as
 * `events[index]`. The scan is bounded so a rare entity in a huge history stays cheap.
 */
export function entityNeighbours(
  events: readonly StreamEvent[],
  index: number,
  typed: (ev: StreamEvent) => TypedEvent,
  limit = 5,
  maxScan = 20_000,
): Neighbours {
  const out: Neighbours = { before: [], after: [] };
  const self = events[index];
  if (!self) return out;
  const ids = new Set(typed(self).entities.map(entityId));
  if (ids.size === 0) return out;
  const touches = (ev: StreamEvent) => ev.dir !== 'sys' && typed(ev).entities.some((e) => ids.has(entityId(e)));
  for (let i = index - 1, n = 0; i >= 0 && n < maxScan && out.before.length < limit; i--, n++) {
    if (touches(events[i]!)) out.before.unshift(events[i]!);
  }
  for (let i = index + 1, n = 0; i < events.length && n < maxScan && out.after.length < limit; i++, n++) {
    if (touches(events[i]!)) out.after.push(events[i]!);
  }
  return out;
}
