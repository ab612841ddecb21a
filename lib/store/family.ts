import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { detectFamily } from '../protocols';
import { allEvents } from './reader';
import type { DB } from './schema';

/** As many received events as detection looks at. */
const SAMPLE = 20;

/**
 * The protocol family of an endpoint's stored events, detected from its first received events
 * the way `auto` does; `generic` while detection cannot tell.
 */
export async function familyOf(db: DB, endpointId: string): Promise<Family> {
  const samples: StreamEvent[] = [];
  for await (const events of allEvents(db, endpointId)) {
    for (const ev of events) if (ev.dir === 'in' && samples.length < SAMPLE) samples.push(ev);
    if (samples.length >= SAMPLE) break;
  }
  return detectFamily(samples)?.family ?? 'generic';
}
