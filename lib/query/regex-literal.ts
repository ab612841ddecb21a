/** `s` as a pattern that matches it literally. */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** After `\`, characters that stand for themselves (in a pattern without the `u` flag). */
const SYNTAX = /[\^$\\.*+?()[\]{}|/-]/;
/** A bounded quantifier `{n}`, `{n,}` or `{n,m}`; a brace that does not start one is a literal. */
const BRACES = /^\{(\d+)(?:,\d*)?\}/;
/** What follows `\x`, `\u`, `\c` and `\k` when they are the escapes `\x41`, `\u0041`, `\cA`, `\k<name>`. */
const ESCAPE_TAILS: Readonly<Record<string, RegExp | undefined>> = { x: /^[0-9a-f]{2}/i, u: /^[0-9a-f]{4}/i, c: /^[a-z]/i, k: /^<[^>]*>/ };

/** Index just past the class `[…]` that starts at `i` (`[]` and `[^]` close at their first `]`). */
function pastClass(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index just past the group `(…)` that starts at `i`, skipping escapes and classes inside it. */
function pastGroup(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j];
    if (c === '\\') j += 2;
    else if (c === '[') j = pastClass(src, j);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return j;
}

/** Most characters a class may stand for, and strings a run may be, before a search stops spelling them out. */
const MAX_ALTERNATIVES = 16;

/**
 * The characters the class `[…]` from `i` to `end` stands for, when it lists a few plain ones (or
 * escapes of syntax characters, or short ranges of them); undefined for anything else: a negated
 * or empty class, `\d` and the like, more than MAX_ALTERNATIVES characters.
 */
function classChars(src: string, i: number, end: number): string[] | undefined {
  const body = src.slice(i + 1, end - 1);
  if (body === '' || body.startsWith('^')) return undefined;
  /** The class's characters in order; a hyphen between two is a range unless escaped (null then). */
  const members: (string | null)[] = [];
  for (let k = 0; k < body.length; ) {
    if (body[k] === '\\') {
      if (!SYNTAX.test(body[k + 1] ?? '')) return undefined;
      members.push(body[k + 1] === '-' ? null : body[k + 1]!);
      k += 2;
    } else members.push(body[k++]!);
  }
  const chars = new Set<string>();
  for (let k = 0; k < members.length; k++) {
    const [c, dash, to] = [members[k] ?? '-', members[k + 1], members[k + 2]];
    if (dash !== '-' || to === undefined) {
      chars.add(c);
      continue;
    }
    const [a, b] = [c.charCodeAt(0), (to ?? '-').charCodeAt(0)];
    if (b < a || b - a >= MAX_ALTERNATIVES) return undefined;
    for (let x = a; x <= b; x++) chars.add(String.fromCharCode(x));
    k += 2;
  }
  return chars.size <= MAX_ALTERNATIVES ? [...chars] : undefined;
}

/**
 * One atom of a pattern at `i`: the characters it may match when it is a plain one or a class
 * of a few, and where it ends. Anything else (a group, `.`, an anchor, `\d`, `\x41`, a back
 * reference) matches no known character here.
 */
function atomAt(src: string, i: number): { chars?: string[]; end: number } {
  const c = src[i]!;
  if (c === '[') {
    const end = pastClass(src, i);
    const chars = classChars(src, i, end);
    return chars ? { chars, end } : { end };
  }
  if (c === '(') return { end: pastGroup(src, i) };
  if (c === '.' || c === '^' || c === '$') return { end: i + 1 };
  if (c !== '\\') return { chars: [c], end: i + 1 };
  const d = src[i + 1] ?? '';
  if (SYNTAX.test(d)) return { chars: [d], end: i + 2 };
  // An escape's length, so that nothing after it (a `|` above all) is skipped: `\x41`, `\u0041`,
  // `\cA`, `\k<name>`, `\12`; without what they need, `\x`, `\u`, `\c` and `\k` are two characters.
  const rest = src.slice(i + 2);
  const tail = ESCAPE_TAILS[d]?.exec(rest)?.[0];
  if (tail !== undefined) return { end: i + 2 + tail.length };
  if (/\d/.test(d)) return { end: i + 2 + /^\d*/.exec(rest)![0].length };
  return { end: i + 2 };
}

/**
 * Runs every match of the regular expression `src` (flags without `u`) must contain, read
 * conservatively: each run is a few strings, and a match holds at least one of each (a class of
 * a few characters makes a run several strings: `"n":1234[56]\}`). None when the pattern has a
 * top-level `|` or no plain character outside groups. A search reads a chunk only if its text
 * holds each run, as it does for plain text.
 */
export function requiredRuns(src: string): string[][] {
  const runs: string[][] = [];
  let run = [''];
  const cut = () => {
    if (run[0] !== '') runs.push(run);
    run = [''];
  };
  const extend = (chars: string[]) => {
    if (run.length * chars.length > MAX_ALTERNATIVES) cut();
    run = run.flatMap((r) => chars.map((c) => r + c));
  };
  let i = 0;
  while (i < src.length) {
    if (src[i] === '|') return [];
    const atom = atomAt(src, i);
    i = atom.end;
    const q = src[i];
    const braces = q === '{' ? BRACES.exec(src.slice(i)) : null;
    if (q === '*' || q === '?' || (braces && Number(braces[1]) === 0)) {
      // The atom may be absent: what comes before and after it need not be adjacent.
      cut();
    } else if (q === '+' || braces) {
      if (atom.chars) extend(atom.chars);
      cut();
    } else if (atom.chars) {
      extend(atom.chars);
      continue;
    } else {
      cut();
      continue;
    }
    i += q === '{' ? braces![0].length : 1;
    if (src[i] === '?') i++;
  }
  cut();
  return runs;
}
