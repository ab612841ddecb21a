import type { z } from 'zod';
import type { StreamEvent } from '../model/event';
import type { Category, EntityRef, Family, TypedEvent, ValidationIssue } from '../model/typed';
import { bytes, clip, preview } from './format';
import { typeMarker } from './markers';
import { eventTypeName, isBinary, parseData } from './parse';
import { PROFILES } from './profiles';
import { specFor, type TypeSpec } from './spec';
import { isRecord } from './values';

/** A payload with thousands of bad items would otherwise carry thousands of issues per row. */
const MAX_ISSUES = 20;

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

function typeKnown(ev: StreamEvent, family: Family, type: string, spec: TypeSpec, payload: unknown, jsonError?: string): TypedEvent {
  // A type's schema always expects JSON; data that is not JSON is an issue, shown as its text.
  const issues = jsonError !== undefined ? [{ path: '', message: `data is not valid JSON: ${jsonError}` }] : validate(spec.schema, payload);
  const detail = payload === undefined ? '' : attempt(() => spec.summary(payload, ev), '');
  const category: Category = attempt(() => spec.isError?.(payload, ev) === true, false) ? 'error' : spec.category;
  return {
    family,
    type,
    category,
    summary: compose(type, detail || describe(ev, type, payload)),
    entities: attempt<EntityRef[]>(() => spec.entities(payload, ev), []),
    payload,
    known: true,
    issues,
  };
}

/** Types one event with a family's profile. Pure, never throws; parses the data once. */
export function typeEvent(ev: StreamEvent, family: Family): TypedEvent {
  // The family may come from stored settings written by another version.
  const profile = PROFILES[family] ?? PROFILES.generic;
  const { payload, error } = parseData(ev);
  const type = eventTypeName(ev, payload);
  if (ev.dir === 'sys') return typeMarker(ev, profile.family, type, payload);
  const spec = specFor(profile, type);
  if (spec) return typeKnown(ev, profile.family, type, spec, payload, error);
  return {
    family: profile.family,
    type,
    category: 'data',
    summary: compose(type, describe(ev, type, payload)),
    entities: [],
    payload,
    known: false,
    issues: [],
  };
}
