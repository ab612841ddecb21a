import type { CustomProfile } from '../config/custom-profile';
import type { NotifyRule } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { decodeFrame } from '../protocols/decode';
import { eventTypeName, parseData } from '../protocols/parse';
import { profileFor } from '../protocols/type-event';
import { matchFieldQuery, parseFieldQuery, type FieldExpr } from '../query/field-query';

/** Matches any event type. */
export const ANY_TYPE = '*';

/** A rule's match uses the timeline's field query syntax (`payload.state=failed`, `a=1 b~x`). */
export function matchError(match: string | undefined): string | undefined {
  if (!match?.trim()) return undefined;
  const q = parseFieldQuery(match);
  return q.ok ? undefined : q.error;
}

/** Parsed matches, kept because the same few rule strings are tested on every event. */
const parsed = new Map<string, FieldExpr | undefined>();
const queryOf = (match: string): FieldExpr | undefined => {
  if (!parsed.has(match)) {
    if (parsed.size > 200) parsed.clear();
    const q = parseFieldQuery(match);
    parsed.set(match, q.ok ? q.query : undefined);
  }
  return parsed.get(match);
};

const ruleApplies = (rule: NotifyRule, type: string, payload: unknown): boolean => {
  if (rule.type !== ANY_TYPE && rule.type !== type) return false;
  if (!rule.match?.trim()) return true;
  // A malformed match notifies nothing rather than everything.
  const query = queryOf(rule.match);
  return query !== undefined && matchFieldQuery(query, payload);
};

export interface MatchedEvent {
  type: string;
  /** Parsed JSON data; undefined when the data is not JSON. */
  payload: unknown;
}

/** SSE `event:` name, unless absent or the default `message`: then the JSON `type` decides. */
const sseName = (ev: StreamEvent): string | undefined =>
  ev.transport === 'sse' && ev.name && ev.name !== 'message' ? ev.name : undefined;

/**
 * The event's type and parsed data when one of the rules wants it, else undefined.
 * Runs for every received event, so it rules events out before parsing JSON: by the SSE name,
 * or, for unnamed data, by a substring test (a JSON `type` value contains its own text).
 * `family` is the endpoint's configured profile: one with its own framing decodes the frame
 * (a custom profile reads the type where its definition says, `custom`).
 */
export function matchEvent(ev: StreamEvent, rules: readonly NotifyRule[], family?: Family, custom?: CustomProfile): MatchedEvent | undefined {
  if (ev.dir !== 'in' || rules.length === 0) return undefined;
  const profile = family === undefined ? undefined : profileFor(family, custom);
  // A framing of its own (Socket.IO, STOMP, SignalR): the frame's messages are matched one by one.
  if (profile?.decode) return decodeFrame(ev, profile).find((m) => rules.some((r) => ruleApplies(r, m.type, m.payload)));
  const named = sseName(ev);
  const candidates = rules.some((r) => r.type === ANY_TYPE)
    ? rules
    : rules.filter((r) => (named ? r.type === named : r.type === 'message' || r.type === 'binary' || ev.data.includes(r.type)));
  if (candidates.length === 0) return undefined;
  const { payload } = parseData(ev);
  const type = eventTypeName(ev, payload);
  return candidates.some((r) => ruleApplies(r, type, payload)) ? { type, payload } : undefined;
}
