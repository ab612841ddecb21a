import type { z } from 'zod';
import type { CustomProfile } from '../config/custom-profile';
import type { StreamEvent } from '../model/event';
import type { Category, EntityRef, Family, TypedEvent, ValidationIssue } from '../model/typed';
import { customProfile } from './custom';
import { decodeFrame } from './decode';
import { bytes, clip, preview } from './format';
import { typeMarker } from './markers';
import { eventTypeName, isBinary, parseData } from './parse';
import { PROFILES } from './profiles';
import { specFor, type Decoded, type Profile, type TypeSpec } from './spec';
import { isRecord } from './values';

/** A payload with thousands of bad items would otherwise carry thousands of issues per row. */
const MAX_ISSUES = 20;
/** A frame with more messages than this lists the first ones and counts the rest. */
const MAX_LISTED = 4;

function validate(schema: z.ZodType, payload: unknown): ValidationIssue[] {
  const result = schema.safeParse(payload);
  if (result.success) return [];
  return result.error.issues
    .slice(0, MAX_ISSUES)
    .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** What can be said without a spec: size of binary, the text, or a preview of the JSON. */
function describe(ev: StreamEvent, type: string, payload: unknown): string {
  if (isBinary(ev)) return bytes(ev.size);
  if (payload === undefined) return ev.data.trim() === '' ? '(empty)' : clip(ev.data, 80);
  return preview(payload, 80, isRecord(payload) && payload.type === type ? 'type' : undefined);
}

/** Readers run on untrusted payloads; a bug in one must cost its row's detail, not the row. */
function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** `type  detail`, guaranteed to be one line whatever a reader returned. */
const compose = (type: string, detail: string): string =>
  `${clip(type, 48)}  ${detail.replace(/[\r\n\u2028\u2029]+/g, ' ')}`.trimEnd();

/** One message typed: everything of a TypedEvent but the family, with the summary's detail apart. */
interface TypedMessage {
  type: string;
  category: Category;
  detail: string;
  entities: EntityRef[];
  payload: unknown;
  known: boolean;
  issues: ValidationIssue[];
}

/**
 * The schema verdict of one message, as `typeEvent` gives it: a message its framing could not
 * read (a SignalR record that is not JSON, text after the last STOMP frame) has no type to check
 * but is still flagged; a type's schema always expects a payload, so one that cannot be read is
 * an issue too.
 */
function issuesOf(spec: TypeSpec | undefined, { payload, error }: Decoded): ValidationIssue[] {
  if (!spec) return error !== undefined ? [{ path: '', message: `cannot be read: ${error}` }] : [];
  return error !== undefined ? [{ path: '', message: `data is not valid JSON: ${error}` }] : validate(spec.schema, payload);
}

/** The issues of a frame of several messages, at `index.path`. */
const frameIssues = (messages: readonly { issues: ValidationIssue[] }[]): ValidationIssue[] =>
  messages.flatMap((m, i) => m.issues.map((x) => ({ path: x.path === '' ? String(i) : `${i}.${x.path}`, message: x.message }))).slice(0, MAX_ISSUES);

function typeMessage(ev: StreamEvent, profile: Profile, decoded: Decoded): TypedMessage {
  const { type, payload } = decoded;
  const spec: TypeSpec | undefined = specFor(profile, type);
  const issues = issuesOf(spec, decoded);
  if (!spec) return { type, category: 'data', detail: describe(ev, type, payload), entities: [], payload, known: false, issues };
  const detail = payload === undefined ? '' : attempt(() => spec.summary(payload, ev), '');
  const category: Category = attempt(() => spec.isError?.(payload, ev) === true, false) ? 'error' : spec.category;
  return {
    type,
    category,
    detail: detail || describe(ev, type, payload),
    entities: attempt<EntityRef[]>(() => spec.entities(payload, ev), []),
    payload,
    known: true,
    issues,
  };
}

const finish = (family: Family, m: TypedMessage): TypedEvent => ({
  family,
  type: m.type,
  category: m.category,
  summary: compose(m.type, m.detail),
  entities: m.entities,
  payload: m.payload,
  known: m.known,
  issues: m.issues,
});

/**
 * A frame of several messages is one row: the first message's type, every message's summary in
 * order (`·` between), an error if any message is one, issues at `index.path`.
 */
function several(family: Family, messages: TypedMessage[]): TypedEvent {
  const [first] = messages as [TypedMessage, ...TypedMessage[]];
  const listed = messages.slice(0, MAX_LISTED).map((m) => (m === first ? m.detail : `${m.type} ${m.detail}`));
  const rest = messages.length - listed.length;
  const seen = new Set<string>();
  return {
    family,
    type: first.type,
    category: messages.some((m) => m.category === 'error') ? 'error' : first.category,
    summary: compose(first.type, `${listed.join(' · ')}${rest > 0 ? ` · +${rest} more` : ''} (${messages.length} in frame)`),
    entities: messages.flatMap((m) => m.entities).filter((r) => !seen.has(`${r.kind}:${r.id}`) && seen.add(`${r.kind}:${r.id}`)),
    payload: messages.map((m) => m.payload),
    known: messages.every((m) => m.known),
    issues: frameIssues(messages),
    records: messages.map((m) => ({ type: m.type, payload: m.payload })),
  };
}

/**
 * The profile of a family; for `custom`, the one the endpoint's definition describes. The
 * family may come from stored settings written by another version: unknown ones are generic.
 */
export const profileFor = (family: Family, custom?: CustomProfile): Profile =>
  family === 'custom' ? customProfile(custom) : (PROFILES[family] ?? PROFILES.generic);

/**
 * Types one event with a family's profile (`custom` with the endpoint's definition). Pure,
 * never throws; parses the data once.
 */
export function typeEvent(ev: StreamEvent, family: Family, custom?: CustomProfile): TypedEvent {
  const profile = profileFor(family, custom);
  if (ev.dir === 'sys') {
    const { payload } = parseData(ev);
    return typeMarker(ev, profile.family, eventTypeName(ev, payload), payload);
  }
  const messages = decodeFrame(ev, profile).map((d) => typeMessage(ev, profile, d));
  return messages.length === 1 && messages[0] ? finish(profile.family, messages[0]) : several(profile.family, messages);
}

/**
 * What the store needs of an event as it records it: `typeEvent`'s type, payload, records,
 * `known` and issues (the schema verdict), without the summary, entities and category, which
 * the store does not keep and no reducer reads (they are most of the cost of `typeEvent`). A
 * profile whose reducer reads entities, and markers, are typed in full.
 */
export function typeForStore(ev: StreamEvent, family: Family, custom?: CustomProfile): TypedEvent {
  const profile = profileFor(family, custom);
  if (profile.foldsEntities || ev.dir === 'sys') return typeEvent(ev, family, custom);
  const decoded = decodeFrame(ev, profile);
  if (decoded.length === 1) {
    const d = decoded[0]!;
    const spec = specFor(profile, d.type);
    return { family: profile.family, type: d.type, category: 'data', summary: '', entities: [], payload: d.payload, known: spec !== undefined, issues: issuesOf(spec, d) };
  }
  const messages = decoded.map((d) => {
    const spec = specFor(profile, d.type);
    return { type: d.type, payload: d.payload, known: spec !== undefined, issues: issuesOf(spec, d) };
  });
  return {
    family: profile.family,
    type: messages[0]!.type,
    category: 'data',
    summary: '',
    entities: [],
    payload: messages.map((m) => m.payload),
    known: messages.every((m) => m.known),
    issues: frameIssues(messages),
    records: messages.map((m) => ({ type: m.type, payload: m.payload })),
  };
}

/** The issue a replayed event carries when the store recorded that it failed its schema. */
const STORED_INVALID: ValidationIssue[] = [{ path: '', message: 'failed its schema when it was stored' }];

/**
 * What folding needs of a typed event (type, payload, records, valid or not), for replaying
 * stored events whose verdict the store kept: no schema check, summary or entities, which are
 * most of the cost of `typeEvent`. Reducers read nothing else.
 */
export function typeForFold(ev: StreamEvent, family: Family, valid: boolean, custom?: CustomProfile): TypedEvent {
  const profile = profileFor(family, custom);
  if (profile.foldsEntities) return { ...typeEvent(ev, family, custom), issues: valid ? [] : STORED_INVALID };
  const decoded = ev.dir === 'sys' ? [] : decodeFrame(ev, profile);
  const base = { family: profile.family, category: 'data' as const, summary: '', entities: [], known: true, issues: valid ? [] : STORED_INVALID };
  const [first] = decoded;
  if (!first) return typeEvent(ev, family, custom);
  if (decoded.length === 1) return { ...base, type: first.type, payload: first.payload };
  return { ...base, type: first.type, payload: decoded.map((d) => d.payload), records: decoded.map((d) => ({ type: d.type, payload: d.payload })) };
}
