import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { decodeFrame } from './decode';
import { isRecord } from './values';
import { PROFILES } from './profiles';
import type { Profile } from './spec';
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

/** What a `connected` marker tells of the endpoint: subprotocol, URL, content type, telling headers. */
interface Where {
  protocol?: string;
  url?: URL;
  contentType?: string;
  headers: Array<[string, string]>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function parseUrl(v: unknown): URL | undefined {
  const s = text(v);
  if (s === undefined) return undefined;
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** `text/event-stream; charset=utf-8` → `text/event-stream`. */
const mediaType = (v: unknown): string | undefined => text(text(v)?.split(';')[0]?.trim().toLowerCase());

/** The endpoint facts a `connected` marker's JSON detail carries, when `ev` is one. */
function endpointFacts(ev: StreamEvent): Where | undefined {
  if (ev.dir !== 'sys' || ev.name !== 'connected') return undefined;
  let detail: unknown;
  try {
    detail = JSON.parse(ev.data);
  } catch {
    return undefined;
  }
  if (!isRecord(detail)) return undefined;
  const headers = isRecord(detail.headers)
    ? Object.entries(detail.headers).flatMap(([k, v]): Array<[string, string]> => (typeof v === 'string' ? [[k.toLowerCase(), v]] : []))
    : [];
  const url = parseUrl(detail.url);
  const protocol = text(detail.protocol);
  const contentType = mediaType(detail.contentType);
  return { ...(protocol !== undefined && { protocol }), ...(url && { url }), ...(contentType !== undefined && { contentType }), headers };
}

/** Each piece of endpoint evidence as a key (counted once, however often the stream reconnects) and its scores. */
function endpointScores(where: Where): Array<[string, (p: Profile) => number]> {
  const out: Array<[string, (p: Profile) => number]> = [];
  const { protocol, url, contentType } = where;
  if (protocol !== undefined) out.push([`protocol ${protocol}`, (p) => p.detectSubprotocol?.(protocol) ?? 0]);
  if (url) out.push([`url ${url.href} ${contentType ?? ''}`, (p) => p.detectUrl?.(url, contentType) ?? 0]);
  for (const [name, value] of where.headers) out.push([`header ${name}: ${value}`, (p) => p.detectHeader?.(name, value) ?? 0]);
  return out;
}

/**
 * The family of an endpoint from its first events, or undefined while unsure. Each profile
 * scores each received event (read with its own framing) and what a `connected` marker says of
 * the endpoint (subprotocol, URL and content type, telling headers); scores combine as
 * independent evidence (1 − Π(1 − s)). The same endpoint fact counts once, so reconnecting
 * does not make a URL more convincing.
 */
export function detectFamily(events: StreamEvent[]): { family: Family; confidence: number } | undefined {
  const doubt = new Map<Family, number>(CANDIDATES.map((p) => [p.family, 1]));
  const weigh = (family: Family, score: number): void => {
    doubt.set(family, (doubt.get(family) ?? 1) * (1 - Math.min(1, Math.max(0, score))));
  };
  const counted = new Set<string>();
  let seen = 0;
  for (const ev of events) {
    if (seen >= DETECT_SAMPLE) break; // only an endpoint's first received events are looked at
    const where = endpointFacts(ev);
    for (const [key, score] of where ? endpointScores(where) : []) {
      if (counted.has(key)) continue;
      counted.add(key);
      for (const p of CANDIDATES) weigh(p.family, score(p));
    }
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
