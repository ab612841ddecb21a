import { EMPTY_CUSTOM_PROFILE, type CustomProfile } from '../config/custom-profile';
import type { StreamEvent } from '../model/event';
import type { EntityRef } from '../model/typed';
import { getPath, type PathSegment } from '../query/path';
import { parseFieldPath, parseTemplate, type TemplatePart } from '../query/template';
import { clip, preview } from './format';
import { eventTypeName, isBinary, parseJson } from './parse';
import { Present } from './schemas';
import type { Profile, TypeSpec } from './spec';

/** One value in a summary, and the whole line: data from events is untrusted and may be huge. */
const VALUE_MAX = 60;
const SUMMARY_MAX = 200;
/** Ids longer than this are cut: they key the State's entities. */
const ID_MAX = 200;

/** The path's segments; a path that does not parse (only from unvalidated input) reads nothing. */
const segmentsOf = (text: string): PathSegment[] | undefined => {
  const p = parseFieldPath(text);
  return p.ok ? p.segments : undefined;
};

/**
 * The summary a template gives for a payload: each `{path}` replaced by the value there (own
 * properties only), `?` where the payload has none. Plain text, one line, bounded.
 */
export function renderTemplate(parts: readonly TemplatePart[], payload: unknown): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else out += clip(getPath(payload, part.path), VALUE_MAX);
    if (out.length > SUMMARY_MAX * 2) break;
  }
  return clip(out, SUMMARY_MAX);
}

/** An id as an entity ref takes it: a non-empty string or a finite number. */
function idOf(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v.slice(0, ID_MAX);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The type a custom profile reads: the field at its path when it holds a name, else the usual name. */
function typeAt(path: PathSegment[] | undefined, ev: StreamEvent, payload: unknown): string {
  const v = path ? getPath(payload, path) : undefined;
  if (typeof v === 'string' && v.trim() !== '') return clip(v, 80);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return eventTypeName(ev, payload);
}

function build(def: CustomProfile): Profile {
  const typePath = def.typePath === '' ? undefined : segmentsOf(def.typePath);
  const template = parseTemplate(def.summary);
  const parts = template.ok ? template.parts : [];
  const ids = def.entities.flatMap((e) => {
    const path = segmentsOf(e.path);
    return path ? [{ kind: e.kind, path }] : [];
  });
  const spec: TypeSpec = {
    // What is checked is that the frame is JSON: the definition says where things are, not what they must be.
    schema: Present,
    category: 'data',
    // Without a template, what the data shows.
    summary: (payload) => (parts.length === 0 ? preview(payload, 80) : renderTemplate(parts, payload)),
    entities: (payload) => {
      const out: EntityRef[] = [];
      for (const { kind, path } of ids) {
        const id = idOf(getPath(payload, path));
        if (id !== undefined && !out.some((r) => r.kind === kind && r.id === id)) out.push({ kind, id });
      }
      return out;
    },
  };
  return {
    family: 'custom',
    label: 'Custom (defined in Options)',
    types: {},
    // Every name the stream uses is a type of its own.
    wildcards: { '*': spec },
    decode: (ev) => {
      if (isBinary(ev)) return [];
      const { payload, error } = parseJson(ev.data);
      // Not JSON: the usual reading, which flags it.
      return error !== undefined ? [] : [{ type: typeAt(typePath, ev, payload), payload }];
    },
    // A custom profile is chosen, never detected.
    detect: () => 0,
    foldsEntities: true,
  };
}

const built = new WeakMap<CustomProfile, Profile>();

/** The profile a definition describes; built once per definition object. Pure. */
export function customProfile(def: CustomProfile | undefined): Profile {
  const d = def ?? EMPTY_CUSTOM_PROFILE;
  let p = built.get(d);
  if (!p) {
    p = build(d);
    built.set(d, p);
  }
  return p;
}
