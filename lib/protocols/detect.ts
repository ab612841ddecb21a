import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { eventTypeName, parseData } from './parse';
import { PROFILES } from './profiles';

/** Only an endpoint's first received events are looked at. */
const LOOK_AT = 20;
/** With this many events and no family sure enough, the stream is generic. */
const ENOUGH = 8;
/** A family is chosen early once this sure and clearly ahead of the next. */
const SURE = 0.9;
const LEAD = 0.2;
/** After ENOUGH events, a weaker but leading family still wins over generic. */
const LIKELY = 0.6;

const CANDIDATES = Object.values(PROFILES).filter((p) => p.family !== 'generic');

/**
 * The family of an endpoint from its first events, or undefined while unsure. Each profile
 * scores each event; scores combine as independent evidence (1 − Π(1 − s)).
 */
export function detectFamily(events: StreamEvent[]): { family: Family; confidence: number } | undefined {
  const doubt = new Map<Family, number>(CANDIDATES.map((p) => [p.family, 1]));
  let seen = 0;
  for (const ev of events) {
    if (seen >= LOOK_AT) break;
    // Markers and the user's own frames say nothing about the server.
    if (ev.dir !== 'in') continue;
    seen++;
    const { payload } = parseData(ev);
    const type = eventTypeName(ev, payload);
    for (const p of CANDIDATES) {
      const s = Math.min(1, Math.max(0, p.detect(ev, type, payload)));
      doubt.set(p.family, (doubt.get(p.family) ?? 1) * (1 - s));
    }
  }
  const ranked = [...doubt].map(([family, d]) => ({ family, confidence: 1 - d })).sort((a, b) => b.confidence - a.confidence);
  const best = ranked[0];
  const lead = best ? best.confidence - (ranked[1]?.confidence ?? 0) : 0;
  if (best && best.confidence >= SURE && lead >= LEAD) return best;
  if (seen < ENOUGH) return undefined;
  if (best && best.confidence >= LIKELY && lead >= LEAD) return best;
  return { family: 'generic', confidence: 1 - (best?.confidence ?? 0) };
}
