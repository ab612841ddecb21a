import { parsePath, type PathSegment } from './path';

/**
 * Field paths and summary templates of a custom profile, as data: parsed, never evaluated.
 * A path is `payload.id`, `items[0].id` or `a["odd.key"]` (lib/query/path.ts); a template is
 * text with `{path}` placeholders, `{{` and `}}` standing for literal braces.
 */

/** Names that reach an object's prototype in JavaScript: a custom profile's paths may not use them. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export type FieldPath = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

/** A path of a custom profile: `parsePath`, minus the names that reach a prototype. */
export function parseFieldPath(text: string): FieldPath {
  const parsed = parsePath(text.trim());
  if (!parsed.ok) return parsed;
  const bad = parsed.segments.find((s) => typeof s === 'string' && FORBIDDEN.has(s));
  if (bad !== undefined) return { ok: false, error: `"${String(bad)}" is not allowed in a path` };
  return parsed;
}

/** A template part: literal text, or the path of a value to insert. */
export type TemplatePart = string | { path: PathSegment[]; text: string };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; error: string; at: number };

/** Templates longer than this are refused: a summary is one line. */
export const MAX_TEMPLATE = 500;

/** Parses `{payload.id} → {payload.state}`; errors say what is wrong and at which character (1-based). */
export function parseTemplate(text: string): ParsedTemplate {
  if (text.length > MAX_TEMPLATE) return { ok: false, error: `A template has at most ${MAX_TEMPLATE} characters`, at: MAX_TEMPLATE + 1 };
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (c === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (c === '}') {
      return { ok: false, error: `"}" without "{" (write "}}" for a brace) at ${i + 1}`, at: i + 1 };
    } else if (c === '{') {
      const close = text.indexOf('}', i + 1);
      const open = text.indexOf('{', i + 1);
      if (close < 0 || (open >= 0 && open < close)) return { ok: false, error: `"{" is not closed (write "{{" for a brace) at ${i + 1}`, at: i + 1 };
      const inner = text.slice(i + 1, close).trim();
      if (inner === '') return { ok: false, error: `Empty placeholder "{}" at ${i + 1}`, at: i + 1 };
      const path = parseFieldPath(inner);
      if (!path.ok) return { ok: false, error: `${path.error} (placeholder at ${i + 1})`, at: i + 1 };
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ path: path.segments, text: inner });
      i = close + 1;
    } else {
      literal += c;
      i++;
    }
  }
  if (literal) parts.push(literal);
  return { ok: true, parts };
}
