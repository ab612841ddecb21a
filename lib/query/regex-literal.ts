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

/**
 * One atom of a pattern at `i`: the character it matches when it is a plain one, and where it ends.
 * Anything else (a class, a group, `.`, an anchor, `\d`, `\x41`, a back reference) matches no
 * known character here.
 */
function atomAt(src: string, i: number): { char?: string; end: number } {
  const c = src[i]!;
  if (c === '[') return { end: pastClass(src, i) };
  if (c === '(') return { end: pastGroup(src, i) };
  if (c === '.' || c === '^' || c === '$') return { end: i + 1 };
  if (c !== '\\') return { char: c, end: i + 1 };
  const d = src[i + 1] ?? '';
  if (SYNTAX.test(d)) return { char: d, end: i + 2 };
  // An escape's length, so that nothing after it (a `|` above all) is skipped: `\x41`, `\u0041`,
  // `\cA`, `\k<name>`, `\12`; without what they need, `\x`, `\u`, `\c` and `\k` are two characters.
  const rest = src.slice(i + 2);
  const tail = ESCAPE_TAILS[d]?.exec(rest)?.[0];
  if (tail !== undefined) return { end: i + 2 + tail.length };
  if (/\d/.test(d)) return { end: i + 2 + /^\d*/.exec(rest)![0].length };
  return { end: i + 2 };
}

/**
 * The longest run of characters every match of the regular expression `src` (flags without `u`)
 * must contain, read conservatively: undefined when the pattern has a top-level `|` or no plain
 * character outside groups and classes. A search reads a chunk only if its text holds this run,
 * as it does for plain text.
 */
export function requiredRun(src: string): string | undefined {
  const runs: string[] = [];
  let run = '';
  const cut = () => {
    if (run !== '') runs.push(run);
    run = '';
  };
  let i = 0;
  while (i < src.length) {
    if (src[i] === '|') return undefined;
    const atom = atomAt(src, i);
    i = atom.end;
    const q = src[i];
    const braces = q === '{' ? BRACES.exec(src.slice(i)) : null;
    if (q === '*' || q === '?' || (braces && Number(braces[1]) === 0)) {
      // The atom may be absent: what comes before and after it need not be adjacent.
      cut();
    } else if (q === '+' || braces) {
      if (atom.char !== undefined) run += atom.char;
      cut();
    } else if (atom.char !== undefined) {
      run += atom.char;
      continue;
    } else {
      cut();
      continue;
    }
    i += q === '{' ? braces![0].length : 1;
    if (src[i] === '?') i++;
  }
  cut();
  return runs.reduce<string | undefined>((best, r) => (best === undefined || r.length > best.length ? r : best), undefined);
}
