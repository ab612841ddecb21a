import { formatBytes } from '../format/units';
import { isRecord } from './values';

/**
 * Plain-text pieces for one-line summaries. Every value read from a payload goes through
 * `clip` (or a helper built on it), which flattens whitespace and bounds the length: values
 * are untrusted and can be megabytes long.
 */

const ELLIPSIS = '…';
const WORD_SLACK = 12;

/** Cuts to `n` UTF-16 units without leaving half a surrogate pair. */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** One line of at most `max` characters; non-strings are shown compactly, absent ones as `?`. */
export function clip(value: unknown, max = 60): string {
  const s = show(value);
  // Flattening can only shorten, so a head of 2·max is enough to fill `max`.
  const head = s.length > max * 2 ? s.slice(0, max * 2) : s;
  const flat = head.replace(/\s+/g, ' ').trim();
  if (flat.length <= max && head.length === s.length) return flat;
  const kept = cut(flat, max - 1);
  // End on a word boundary when one is near, so the cut reads naturally.
  const space = kept.lastIndexOf(' ');
  return (space >= kept.length - WORD_SLACK && space > 0 ? kept.slice(0, space) : kept).trimEnd() + ELLIPSIS;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '?';
  if (typeof value === 'object' && value !== null) return preview(value);
  return String(value);
}

/** Free text in quotes (so its edges are visible); other values as `clip` shows them. */
export const quote = (value: unknown, max = 40): string =>
  typeof value === 'string' ? `"${clip(value, max)}"` : clip(value, max);

/** An identifier, unquoted; `?` when absent or empty. */
export const id = (value: unknown): string => (value === '' ? '?' : clip(value, 40));

/** A nested value inside a preview: no further nesting, just its kind. */
function brief(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (isRecord(value)) return '{…}';
  return typeof value === 'string' ? quote(value, 24) : String(value);
}

/**
 * `{key: value, …}` / `[a, b, …]` for objects and arrays, stopping once about `max` characters
 * are used; `skip` leaves out a key already shown elsewhere (the `type` in the type column).
 */
export function preview(value: unknown, max = 80, skip?: string): string {
  if (!isRecord(value) && !Array.isArray(value)) return clip(value, max);
  const parts: string[] = [];
  let used = 0;
  const add = (part: string): boolean => {
    if (used > max) {
      parts.push(ELLIPSIS);
      return false;
    }
    parts.push(part);
    used += part.length + 2;
    return true;
  };
  if (Array.isArray(value)) {
    for (const item of value) if (!add(brief(item))) break;
    return `[${parts.join(', ')}]`;
  }
  for (const key of Object.keys(value)) {
    if (key !== skip && !add(`${clip(key, 24)}: ${brief(value[key])}`)) break;
  }
  return `{${parts.join(', ')}}`;
}

/** Joins the present parts with spaces. */
export const line = (...parts: Array<string | false | undefined>): string => parts.filter(Boolean).join(' ');

export function duration(ms: unknown): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '?';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A size from untrusted data: `?` unless it is a number. */
export const bytes = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? formatBytes(n) : '?');

/** `3 cards`, `1 card`; `?` when the count is not a number. */
export const count = (n: unknown, noun: string): string =>
  typeof n === 'number' ? `${n} ${noun}${n === 1 ? '' : 's'}` : `? ${noun}s`;

/** A streamed text chunk: its length and how it starts. */
export const chunk = (text: unknown): string =>
  typeof text === 'string' ? `+${text.length} chars ${quote(text, 24)}` : `+? chars ${clip(text, 24)}`;
