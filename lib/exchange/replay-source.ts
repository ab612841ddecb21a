import type { StreamEvent } from '../model/event';
import { allEvents } from '../store/reader';
import type { DB } from '../store/schema';

/** The stored events of one endpoint within [from, to] (either end open), in sequence order, to replay. */
export async function loadReplayEvents(db: DB, endpointId: string, range: { from?: number; to?: number } = {}): Promise<StreamEvent[]> {
  const from = range.from ?? -Infinity;
  const to = range.to ?? Infinity;
  const out: StreamEvent[] = [];
  for await (const chunk of allEvents(db, endpointId)) {
    for (const ev of chunk) if (ev.time >= from && ev.time <= to) out.push(ev);
  }
  return out;
}
