import type { NotifyRule, ProfileChoice } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import { FAMILIES, type Family } from '../model/typed';
import { eventTypeName, parseData } from '../protocols/parse';
import { matchFieldQuery, parseFieldQuery, type FieldClause } from '../timeline/field-query';

/** Matches any event type. */
export const ANY_TYPE = '*';

const DEFAULTS: Record<Family, NotifyRule[]> = {
  officeplane: [
    { type: 'task_update', match: 'payload.state=failed' },
    { type: 'hook_result', match: 'action=flag' },
  ],
  kanban: [{ type: 'attempt_pr' }],
  opencode: [],
  plans: [{ type: 'plan.state.changed', match: 'state=awaiting_approval' }],
  notifications: [
    { type: 'notification' },
    { type: 'system_announcement' },
    { type: 'task_update', match: 'data.action=failed' },
  ],
  generic: [],
};

/** Sensible rules for a profile; `auto` gets every family's, since any of them may turn up. */
export function defaultRules(profile: ProfileChoice): NotifyRule[] {
  const families = profile === 'auto' ? FAMILIES : [profile];
  const seen = new Set<string>();
  const out: NotifyRule[] = [];
  for (const f of families) {
    for (const r of DEFAULTS[f]) {
      const id = `${r.type}\n${r.match ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ ...r });
    }
  }
  return out;
}

/** A rule's match uses the timeline's field query syntax (`payload.state=failed`, `a=1 b~x`). */
export function matchError(match: string | undefined): string | undefined {
  if (!match?.trim()) return undefined;
  const q = parseFieldQuery(match);
  return q.ok ? undefined : q.error;
}

/** Parsed matches, kept because the same few rule strings are tested on every event. */
const parsed = new Map<string, FieldClause[] | undefined>();
const clausesOf = (match: string): FieldClause[] | undefined => {
  if (!parsed.has(match)) {
    if (parsed.size > 200) parsed.clear();
    const q = parseFieldQuery(match);
    parsed.set(match, q.ok ? q.clauses : undefined);
  }
  return parsed.get(match);
};

const ruleApplies = (rule: NotifyRule, type: string, payload: unknown): boolean => {
  if (rule.type !== ANY_TYPE && rule.type !== type) return false;
  if (!rule.match?.trim()) return true;
  // A malformed match notifies nothing rather than everything.
  const clauses = clausesOf(rule.match);
  return clauses !== undefined && matchFieldQuery(clauses, payload);
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
 */
export function matchEvent(ev: StreamEvent, rules: readonly NotifyRule[]): MatchedEvent | undefined {
  if (ev.dir !== 'in' || rules.length === 0) return undefined;
  const named = sseName(ev);
  const candidates = rules.some((r) => r.type === ANY_TYPE)
    ? rules
    : rules.filter((r) => (named ? r.type === named : r.type === 'message' || r.type === 'binary' || ev.data.includes(r.type)));
  if (candidates.length === 0) return undefined;
  const { payload } = parseData(ev);
  const type = eventTypeName(ev, payload);
  return candidates.some((r) => ruleApplies(r, type, payload)) ? { type, payload } : undefined;
}
