import { getPath, parsePath, type PathSegment } from './path';

/** Shown as the field query input's tooltip; keep it in step with the parser below. */
export const FIELD_QUERY_HELP = [
  'Match fields of the parsed JSON data:',
  '  payload.state=failed     equals',
  '  payload.state!=failed    differs (or is missing)',
  '  payload.text~hello       contains, ignoring case',
  '  payload.error            is present',
  'Paths: dotted names, array indexes as .0 or [0], odd keys as ["a.b"].',
  'Quote values with spaces: name="two words". Several conditions, separated by spaces, must all match.',
].join('\n');

export type FieldOp = '=' | '!=' | '~' | 'exists';

export interface FieldClause {
  path: PathSegment[];
  op: FieldOp;
  /** Compared as text; lowercased for `~`. */
  value: string;
}

export type FieldQuery = { ok: true; clauses: FieldClause[] } | { ok: false; error: string };

/** Splits on spaces outside "quotes" and [brackets]. */
function tokens(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '\\') {
        cur += c + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (/\s/.test(c) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (quoted) return 'Unclosed quote';
  if (cur) out.push(cur);
  return out;
}

/** Index and kind of the first operator outside quotes and brackets. */
function findOp(token: string): { at: number; op: Exclude<FieldOp, 'exists'> } | undefined {
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (depth === 0 && c === '!' && token[i + 1] === '=') return { at: i, op: '!=' };
    else if (depth === 0 && (c === '=' || c === '~')) return { at: i, op: c };
  }
  return undefined;
}

function unquote(raw: string): string | undefined {
  if (!raw.startsWith('"')) return raw;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function parseFieldQuery(text: string): FieldQuery {
  const parts = tokens(text);
  if (typeof parts === 'string') return { ok: false, error: parts };
  const clauses: FieldClause[] = [];
  for (const part of parts) {
    const found = findOp(part);
    const pathText = found ? part.slice(0, found.at) : part;
    const path = parsePath(pathText);
    if (!path.ok) return { ok: false, error: found && pathText.trim() === '' ? `Missing field path before "${found.op}"` : path.error };
    if (!found) {
      clauses.push({ path: path.segments, op: 'exists', value: '' });
      continue;
    }
    const value = unquote(part.slice(found.at + found.op.length));
    if (value === undefined) return { ok: false, error: `Bad quoted value in "${part}"` };
    clauses.push({ path: path.segments, op: found.op, value: found.op === '~' ? value.toLowerCase() : value });
  }
  return { ok: true, clauses };
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function matchClause(c: FieldClause, data: unknown): boolean {
  const v = getPath(data, c.path);
  switch (c.op) {
    case 'exists':
      return v !== undefined;
    case '=':
      return v !== undefined && asText(v) === c.value;
    case '!=':
      return v === undefined || asText(v) !== c.value;
    case '~':
      return v !== undefined && asText(v).toLowerCase().includes(c.value);
  }
}

export const matchFieldQuery = (clauses: readonly FieldClause[], data: unknown): boolean => clauses.every((c) => matchClause(c, data));
