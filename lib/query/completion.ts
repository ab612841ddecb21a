import { FIELD_ENVELOPES } from './field-query';
import { formatPath, type PathSegment } from './path';

/**
 * Completion of field paths for the field query box: the paths really present in a bounded
 * sample of events' JSON data, offered for the word at the cursor. Pure; the sample is the
 * caller's (a few hundred events at most), and the paths kept are capped, so neither grows with
 * the history.
 */

export interface PathLimits {
  /** Values looked at, at most. */
  samples: number;
  /** Distinct paths kept; later new paths are ignored (known ones still count). */
  paths: number;
  /** Levels below the root walked. */
  depth: number;
  /** Keys read per object (maps keyed by id would otherwise flood the list). */
  keys: number;
}

export const PATH_LIMITS: PathLimits = { samples: 200, paths: 300, depth: 6, keys: 40 };

export interface KnownPath {
  /** As the query writes it: `payload.items[0].id`. */
  path: string;
  /** Samples it was seen in. */
  count: number;
  /** It held a plain value (text, number, boolean, null) somewhere, not only an object or list. */
  leaf: boolean;
}

/** The field paths of the sampled values; arrays are followed through their first item (`items[0].id`). */
export function collectPaths(values: Iterable<unknown>, limits: PathLimits = PATH_LIMITS): KnownPath[] {
  const found = new Map<string, KnownPath>();
  const note = (segments: PathSegment[], value: unknown, seen: Set<string>): void => {
    const path = formatPath(segments);
    let known = found.get(path);
    if (!known) {
      if (found.size >= limits.paths) return;
      known = { path, count: 0, leaf: false };
      found.set(path, known);
    }
    if (!seen.has(path)) {
      seen.add(path);
      known.count++;
    }
    if (value === null || typeof value !== 'object') known.leaf = true;
  };
  const walk = (value: unknown, segments: PathSegment[], seen: Set<string>): void => {
    if (segments.length >= limits.depth || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      const next = [...segments, 0];
      note(next, value[0], seen);
      walk(value[0], next, seen);
      return;
    }
    let n = 0;
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (n++ >= limits.keys) break;
      const child = (value as Record<string, unknown>)[key];
      const next = [...segments, key];
      note(next, child, seen);
      walk(child, next, seen);
    }
  };
  let taken = 0;
  for (const v of values) {
    if (taken++ >= limits.samples) break;
    walk(v, [], new Set());
  }
  return [...found.values()];
}

/** The word being typed where a path can stand, with its extent in the text. */
export interface CompletionSpot {
  start: number;
  end: number;
  /** What is typed of it, up to the cursor. */
  prefix: string;
}

/** Ends a path word (as the query parser reads it), plus quotes. */
const NOT_PATH = /[\s()=!~<>,"]/;
const OPERATOR = /[=!~<>]/;
const JOINERS = new Set(['and', 'or', 'not']);

/** The word ending just before `at` (after skipping spaces), and where it starts. */
function wordBefore(text: string, at: number): { word: string; start: number } {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !NOT_PATH.test(text[start - 1]!)) start--;
  return { word: text.slice(start, end), start };
}

/**
 * Where completion applies: the cursor is on a path (at the start, after `(`, `and`, `or`,
 * `not`, or after a whole condition, as a space also means and), not on a value (after an
 * operator, in an `in (…)` list, or inside quotes).
 */
export function completionSpot(text: string, cursor: number): CompletionSpot | undefined {
  if (cursor < 0 || cursor > text.length) return undefined;
  if ((text.slice(0, cursor).match(/"/g)?.length ?? 0) % 2 === 1) return undefined;
  let start = cursor;
  while (start > 0 && !NOT_PATH.test(text[start - 1]!)) start--;
  let end = cursor;
  while (end < text.length && !NOT_PATH.test(text[end]!)) end++;
  let j = start;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  const before = j > 0 ? text[j - 1]! : '';
  const spot = { start, end, prefix: text.slice(start, cursor) };
  if (before === '' || before === ')') return spot;
  if (OPERATOR.test(before) || before === ',') return undefined;
  if (before === '(') return wordBefore(text, j - 1).word.toLowerCase() === 'in' ? undefined : spot;
  const { word } = wordBefore(text, j);
  if (word.toLowerCase() === 'in') return undefined;
  // After and/or/not, or after a finished condition (a path or a value): a new path.
  return JOINERS.has(word.toLowerCase()) || word !== '' ? spot : undefined;
}

/** `payload.status` also reads as `status` (the query finds it either way). */
function forms(path: string): string[] {
  for (const env of FIELD_ENVELOPES) if (path.startsWith(`${env}.`) && path.length > env.length + 1) return [path, path.slice(env.length + 1)];
  return [path];
}

export const MAX_SUGGESTIONS = 12;

/**
 * The paths to offer for what is typed, best first: those starting with it (in either form,
 * with or without the envelope), then those with a later part starting with it; plain values
 * before objects, then the most common, then the shortest. What is typed in full is left out.
 */
export function suggestPaths(known: readonly KnownPath[], prefix: string, max = MAX_SUGGESTIONS): string[] {
  const want = prefix.toLowerCase();
  const best = new Map<string, { rank: number; leaf: boolean; count: number }>();
  for (const k of known) {
    for (const form of forms(k.path)) {
      const lower = form.toLowerCase();
      if (lower === want) continue;
      const rank = lower.startsWith(want) ? 0 : want !== '' && lower.split(/[.[]/).some((part) => part.startsWith(want)) ? 1 : -1;
      if (rank < 0) continue;
      const had = best.get(form);
      if (!had || rank < had.rank || (rank === had.rank && k.count > had.count)) best.set(form, { rank, leaf: k.leaf, count: k.count });
    }
  }
  return [...best]
    .sort(([a, x], [b, y]) => x.rank - y.rank || Number(y.leaf) - Number(x.leaf) || y.count - x.count || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, max)
    .map(([form]) => form);
}

/** The text with the word at the spot replaced by the path, and the cursor just after it. */
export function acceptPath(text: string, spot: CompletionSpot, path: string): { text: string; cursor: number } {
  return { text: text.slice(0, spot.start) + path + text.slice(spot.end), cursor: spot.start + path.length };
}
