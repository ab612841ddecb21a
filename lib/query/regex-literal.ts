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

/** Index just past the atom at `i`: a character, an escape, a class or a group. */
function atomEnd(src: string, i: number): number {
  const c = src[i]!;
  if (c === '[') return pastClass(src, i);
  if (c === '(') return pastGroup(src, i);
  if (c !== '\\') return i + 1;
  const d = src[i + 1] ?? '';
  if (SYNTAX.test(d)) return i + 2;
  // An escape's length, so that nothing after it (a `|` above all) is skipped: `\x41`, `\u0041`,
  // `\cA`, `\k<name>`, `\12`; without what they need, `\x`, `\u`, `\c` and `\k` are two characters.
  const rest = src.slice(i + 2);
  const tail = ESCAPE_TAILS[d]?.exec(rest)?.[0];
  if (tail !== undefined) return i + 2 + tail.length;
  if (/\d/.test(d)) return i + 2 + /^\d*/.exec(rest)![0].length;
  return i + 2;
}

/** The parts of `src` between its top-level `|`s. */
function branches(src: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; ) {
    if (src[i] === '|') {
      parts.push(src.slice(from, i));
      from = ++i;
    } else i = atomEnd(src, i);
  }
  parts.push(src.slice(from));
  return parts;
}

/** The quantifier after an atom ending at `i` (`*`, `+`, `?`, `{n,m}`), as the text it takes; '' for none. */
function quantifierAt(src: string, i: number): string {
  const q = src[i];
  if (q === '*' || q === '+' || q === '?') return q;
  return q === '{' ? (BRACES.exec(src.slice(i))?.[0] ?? '') : '';
}

/**
 * The strings `src` matches, when it is a few exactly: branches of characters and classes of a
 * few, with no quantifier (`ed|ure`, `12345`). Undefined for anything else.
 */
function exactStrings(src: string): string[] | undefined {
  const all = new Set<string>();
  for (const part of branches(src)) {
    let strings = [''];
    for (let i = 0; i < part.length; ) {
      const atom = atomAt(part, i);
      if (!atom.chars || quantifierAt(part, atom.end) !== '') return undefined;
      strings = strings.flatMap((s) => atom.chars!.map((c) => s + c));
      if (strings.length > MAX_ALTERNATIVES) return undefined;
      i = atom.end;
    }
    for (const s of strings) all.add(s);
  }
  return all.size <= MAX_ALTERNATIVES ? [...all] : undefined;
}

/**
 * What the group `(…)` from `i` to `end` matches, when it is a few strings exactly: a group that
 * captures (named or not) or only groups; not a lookaround, which matches no characters.
 */
function groupStrings(src: string, i: number, end: number): string[] | undefined {
  const open = /^\((?:\?:|\?<(?![=!])[^>]*>)?/.exec(src.slice(i, end))![0];
  if (src[i + open.length] === '?' || src[end - 1] !== ')') return undefined;
  return exactStrings(src.slice(i + open.length, end - 1));
}

/**
 * One atom of a pattern at `i`: the strings it may match when it is a plain character, a class of
 * a few, or a group of a few strings; and where it ends. Anything else (`.`, an anchor, `\d`,
 * `\x41`, a back reference, a lookaround) matches no known character here.
 */
function atomAt(src: string, i: number): { chars?: string[]; end: number } {
  const end = atomEnd(src, i);
  const chars = atomChars(src, i, end);
  return chars ? { chars, end } : { end };
}

function atomChars(src: string, i: number, end: number): string[] | undefined {
  const c = src[i]!;
  if (c === '[') return classChars(src, i, end);
  if (c === '(') return groupStrings(src, i, end);
  if (c === '.' || c === '^' || c === '$') return undefined;
  if (c !== '\\') return [c];
  return SYNTAX.test(src[i + 1] ?? '') ? [src[i + 1]!] : undefined;
}

/** The strings a lookahead `(?=…)` from `i` to `end` looks for, when they are a few exactly. */
function lookaheadStrings(src: string, i: number, end: number): string[] | undefined {
  return src.startsWith('(?=', i) && src[end - 1] === ')' ? exactStrings(src.slice(i + 3, end - 1)) : undefined;
}

/** The runs of a pattern with no top-level `|` (see `requiredRuns`). */
function sequenceRuns(src: string): string[][] {
  const runs: string[][] = [];
  let run = [''];
  const cut = () => {
    // A run that may be empty asks for nothing.
    if (!run.includes('')) runs.push(run);
    run = [''];
  };
  const extend = (chars: string[]) => {
    if (run.length * chars.length > MAX_ALTERNATIVES) cut();
    run = run.flatMap((r) => chars.map((c) => r + c));
  };
  let i = 0;
  while (i < src.length) {
    const atom = atomAt(src, i);
    const ahead = lookaheadStrings(src, i, atom.end);
    i = atom.end;
    const q = quantifierAt(src, i);
    if (ahead && q === '') {
      // What the lookahead looks for follows what came before; the atoms after it match it again.
      extend(ahead);
      cut();
      continue;
    }
    if (q === '*' || q === '?' || /^\{0*[,}]/.test(q)) {
      // The atom may be absent: what comes before and after it need not be adjacent.
      cut();
    } else if (q !== '') {
      if (atom.chars) extend(atom.chars);
      cut();
    } else if (atom.chars) {
      extend(atom.chars);
      continue;
    } else {
      cut();
      continue;
    }
    i += q.length;
    if (src[i] === '?') i++;
  }
  cut();
  return runs;
}

const shortest = (run: readonly string[]): number => Math.min(...run.map((s) => s.length));

/**
 * Runs every match of the regular expression `src` (flags without `u`) must contain, read
 * conservatively: each run is a few strings, and a match holds at least one of each. A class or
 * a group of a few strings makes a run several (`"n":1234[56]\}`, `fail(ed|ure)`), and so does a
 * lookahead of a few strings, after what comes before it (`"n":(?=12345\})\d+`); a pattern with
 * a top-level `|` makes one run of the longest run of each side (`failed|error`). None when some
 * side has no plain character outside a quantifier. A search reads a chunk only if its text holds
 * each run, as it does for plain text.
 */
export function requiredRuns(src: string): string[][] {
  const parts = branches(src);
  if (parts.length === 1) return sequenceRuns(src);
  const picks = parts.map((p) => sequenceRuns(p).reduce<string[] | undefined>((best, r) => (best && shortest(best) >= shortest(r) ? best : r), undefined));
  if (!picks.every((p) => p !== undefined)) return [];
  const union = [...new Set(picks.flat())];
  return union.length <= MAX_ALTERNATIVES ? [union] : [];
}
