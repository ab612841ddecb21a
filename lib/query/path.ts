/** Paths into parsed event data: `payload.items[0].id`, `payload.parts.0.text`, `a["odd.key"]`. */
export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/** The text form used by the JSON tree's "copy path" and accepted by the field query. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENT.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

/** Parses dotted paths with optional `[n]` and `["key"]` parts. Digits after a dot also index arrays. */
export function parsePath(text: string): ParsedPath {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (error: string): ParsedPath => ({ ok: false, error });
  if (text.trim() === '') return fail('Empty path');
  while (i < text.length) {
    const c = text[i];
    if (c === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return fail(`Missing "]" in "${text}"`);
      const inner = text.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (inner.startsWith('"')) {
        try {
          const key: unknown = JSON.parse(inner);
          if (typeof key !== 'string') return fail(`Bad key ${inner}`);
          segments.push(key);
        } catch {
          return fail(`Bad quoted key ${inner}`);
        }
      } else return fail(`Expected a number or "key" inside [] in "${text}"`);
      i = close + 1;
      if (text[i] === '.') i++;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
    const name = text.slice(i, end).trim();
    if (name === '') return fail(`Empty path segment in "${text}"`);
    segments.push(/^\d+$/.test(name) ? Number(name) : name);
    i = end;
    if (text[i] === '.') {
      i++;
      if (i === text.length) return fail(`Path ends with "." in "${text}"`);
    }
  }
  return { ok: true, segments };
}

/** Follows a path; undefined when any step is missing. Numeric segments also work on object keys. */
export function getPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let cur = value;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}
