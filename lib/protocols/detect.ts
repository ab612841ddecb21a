import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { decodeFrame } from './decode';
import { isRecord } from './values';
import { PROFILES } from './profiles';
import { DETECT_SAMPLE } from './typing';

/** With this many events and no family sure enough, the stream is generic. */
const ENOUGH = 8;
/** A family is chosen early once this sure and clearly ahead of the next. */
const SURE = 0.9;
const LEAD = 0.2;
/** After ENOUGH events, a weaker but leading family still wins over generic. */
const LIKELY = 0.6;

// Generic is the fallback, and a custom profile is picked by a person, never guessed.
const CANDIDATES = Object.values(PROFILES).filter((p) => p.family !== 'generic' && p.family !== 'custom');

/** The subprotocol a WebSocket server chose, from its `connected` marker. */
function subprotocol(ev: StreamEvent): string | undefined {
  if (ev.dir !== 'sys' || ev.name !== 'connected') return undefined;
  try {
    const detail: unknown = JSON.parse(ev.data);
    return isRecord(detail) && typeof detail.protocol === 'string' && detail.protocol !== '' ? detail.protocol : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The family of an endpoint from its first events, or undefined while unsure. Each profile
 * scores each received event (read with its own framing) and the subprotocol of a `connected`
 * marker; scores combine as independent evidence (1 − Π(1 − s)).
 */
export function detectFamily(events: StreamEvent[]): { family: Family; confidence: number } | undefined {
  const doubt = new Map<Family, number>(CANDIDATES.map((p) => [p.family, 1]));
  let seen = 0;
  for (const ev of events) {
    if (seen >= DETECT_SAMPLE) break; // only an endpoint's first received events are looked at
    const protocol = subprotocol(ev);
    const weigh = (family: Family, score: number): void => {
      doubt.set(family, (doubt.get(family) ?? 1) * (1 - Math.min(1, Math.max(0, score))));
    };
    if (protocol !== undefined) for (const p of CANDIDATES) weigh(p.family, p.detectSubprotocol?.(protocol) ?? 0);
    // Other markers and the user's own frames say nothing about the server.
    if (ev.dir !== 'in') continue;
    seen++;
    for (const p of CANDIDATES) {
      const [first] = decodeFrame(ev, p);
      weigh(p.family, first ? p.detect(ev, first.type, first.payload) : 0);
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
