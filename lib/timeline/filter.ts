import { z } from 'zod';
import { eventKey, type StreamEvent } from '../model/event';
import { CATEGORIES, type TypedEvent } from '../model/typed';
import { matchFieldQuery, parseFieldQuery } from '../query/field-query';

/** The timeline's filters. Empty lists mean "all". Persisted, hence the schema. */
export const TimelineFilterSchema = z.object({
  endpoints: z.array(z.string()),
  types: z.array(z.string()),
  categories: z.array(z.enum(CATEGORIES)),
  dirs: z.array(z.enum(['in', 'out', 'sys'])),
  invalidOnly: z.boolean(),
  text: z.string(),
  regex: z.boolean(),
  field: z.string(),
  pinnedOnly: z.boolean(),
});
export type TimelineFilter = z.infer<typeof TimelineFilterSchema>;

export const EMPTY_FILTER: TimelineFilter = {
  endpoints: [],
  types: [],
  categories: [],
  dirs: [],
  invalidOnly: false,
  text: '',
  regex: false,
  field: '',
  pinnedOnly: false,
};

export interface FilterScope {
  pins: ReadonlySet<string>;
  /** "Clear view": hide events received at or before this time. */
  after?: number;
}

export interface CompiledFilter {
  /** Every filter except the type list, so the type list can count what the others let through. */
  base(ev: StreamEvent, t: TypedEvent): boolean;
  type(t: TypedEvent): boolean;
  errors: { text?: string; field?: string };
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Free text and regex search the raw data, the type and the summary, ignoring case. */
function textMatcher(f: TimelineFilter): { test?: (ev: StreamEvent, t: TypedEvent) => boolean; error?: string } {
  if (f.text === '') return {};
  let re: RegExp;
  try {
    re = new RegExp(f.regex ? f.text : escapeRegex(f.text), 'i');
  } catch (e) {
    // An unfinished pattern is normal while typing: report it and leave the list unfiltered.
    return { error: e instanceof Error ? e.message : String(e) };
  }
  return { test: (ev, t) => re.test(ev.data) || re.test(t.type) || re.test(t.summary) };
}

export function compileFilter(f: TimelineFilter, scope: FilterScope): CompiledFilter {
  const checks: ((ev: StreamEvent, t: TypedEvent) => boolean)[] = [];
  const errors: CompiledFilter['errors'] = {};
  if (scope.after !== undefined) {
    const after = scope.after;
    checks.push((ev) => ev.time > after);
  }
  if (f.endpoints.length > 0) {
    const set = new Set(f.endpoints);
    checks.push((ev) => set.has(ev.endpointId));
  }
  if (f.dirs.length > 0) {
    const set = new Set<string>(f.dirs);
    checks.push((ev) => set.has(ev.dir));
  }
  if (f.categories.length > 0) {
    const set = new Set<string>(f.categories);
    checks.push((_, t) => set.has(t.category));
  }
  if (f.invalidOnly) checks.push((_, t) => t.issues.length > 0);
  if (f.pinnedOnly) checks.push((ev) => scope.pins.has(eventKey(ev)));
  const text = textMatcher(f);
  if (text.error) errors.text = text.error;
  if (text.test) checks.push(text.test);
  if (f.field.trim() !== '') {
    const q = parseFieldQuery(f.field);
    if (q.ok) checks.push((_, t) => matchFieldQuery(q.query, t.payload));
    else errors.field = q.error;
  }
  const types = new Set(f.types);
  return {
    base: (ev, t) => {
      for (const c of checks) if (!c(ev, t)) return false;
      return true;
    },
    type: (t) => types.size === 0 || types.has(t.type),
    errors,
  };
}
