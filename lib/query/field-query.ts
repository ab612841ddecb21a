import { getPath, parsePath, type PathSegment } from './path';

/**
 * The field query language: conditions on an event's parsed JSON data, e.g.
 * `n>15`, `status in (failed, stopped) or error`, `not payload.done and text~hello`.
 * A pure module: the timeline filter, notification rules and the panel's search call it.
 */
export const FIELD_QUERY_EXAMPLES: readonly { query: string; means: string }[] = [
  { query: 'status=failed', means: 'equals (as text; numbers compare as numbers)' },
  { query: 'status!=failed', means: 'differs, or is missing' },
  { query: 'n>15', means: 'greater than; also >=, <, <= (numbers, else text order)' },
  { query: 'text~hello', means: 'contains, ignoring case' },
  { query: 'error', means: 'is present; not error: is missing' },
  { query: 'status in (failed, stopped)', means: 'one of a list' },
  { query: 'n>=10 and n<20', means: 'both (a space also means and)' },
  { query: 'state=failed or error', means: 'either; (parentheses) group' },
  { query: 'items[0].name="two words"', means: 'nested paths and array items; quote odd values' },
];

/** Shown as the field query input's tooltip; keep it in step with the parser below. */
export const FIELD_QUERY_HELP = [
  'Match fields of the parsed JSON data:',
  ...FIELD_QUERY_EXAMPLES.map((e) => `  ${e.query.padEnd(28)} ${e.means}`),
  "Paths work with or without the family's envelope (payload / data / properties): payload.status and status both reach it.",
].join('\n');

export type CompareOp = '=' | '!=' | '~' | '>' | '>=' | '<' | '<=';

export type FieldExpr =
  | { kind: 'compare'; path: PathSegment[]; op: CompareOp; value: string }
  | { kind: 'in'; path: PathSegment[]; values: string[] }
  | { kind: 'exists'; path: PathSegment[] }
  | { kind: 'not'; expr: FieldExpr }
  | { kind: 'and' | 'or'; exprs: FieldExpr[] };

export type FieldQuery = { ok: true; query: FieldExpr } | { ok: false; error: string; /** 0-based offset of the fault. */ at: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'in']);
/** Characters that end a path (outside quotes and brackets). */
const PATH_END = /[\s()=!~<>,]/;
/** Characters that end an unquoted value. */
const VALUE_END = /[\s(),]/;

class Fail extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** A recursive-descent parser straight over the text, so errors can say where. */
class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): FieldExpr {
    this.space();
    if (this.i >= this.s.length) return { kind: 'and', exprs: [] };
    const e = this.or();
    this.space();
    if (this.i < this.s.length) this.fail(this.s[this.i] === ')' ? 'Unmatched ")"' : `Unexpected "${this.s.slice(this.i, this.i + 12)}"`);
    return e;
  }

  private fail(message: string, at = this.i): never {
    throw new Fail(message, at);
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  /** The keyword at the cursor (whole word, any case), without moving. */
  private keyword(): string | undefined {
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i));
    const w = m?.[0].toLowerCase();
    return w && KEYWORDS.has(w) && !/[\w.[\]"$-]/.test(this.s[this.i + w.length] ?? ' ') ? w : undefined;
  }

  private eatKeyword(word: string): boolean {
    this.space();
    if (this.keyword() !== word) return false;
    this.i += word.length;
    return true;
  }

  private or(): FieldExpr {
    const exprs = [this.and()];
    while (this.eatKeyword('or')) exprs.push(this.and());
    return exprs.length === 1 ? exprs[0]! : { kind: 'or', exprs };
  }

  private and(): FieldExpr {
    const exprs = [this.unary()];
    for (;;) {
      if (this.eatKeyword('and')) {
        exprs.push(this.unary());
        continue;
      }
      this.space();
      const c = this.s[this.i];
      // Juxtaposition is "and" too (`a=1 b=2`), as it always was.
      if (c === undefined || c === ')' || this.keyword() === 'or') break;
      exprs.push(this.unary());
    }
    return exprs.length === 1 ? exprs[0]! : { kind: 'and', exprs };
  }

  private unary(): FieldExpr {
    this.space();
    if (this.eatKeyword('not')) return { kind: 'not', expr: this.unary() };
    if (this.s[this.i] === '!' && this.s[this.i + 1] !== '=') {
      this.i++;
      return { kind: 'not', expr: this.unary() };
    }
    if (this.s[this.i] === '(') {
      const open = this.i++;
      const e = this.or();
      this.space();
      if (this.s[this.i] !== ')') this.fail('Missing ")"', open);
      this.i++;
      return e;
    }
    return this.clause();
  }

  private clause(): FieldExpr {
    this.space();
    const start = this.i;
    const kw = this.keyword();
    if (kw) this.fail(`Expected a field path before "${kw}"`);
    const pathText = this.pathText();
    if (pathText === '') {
      const c = this.s[this.i];
      this.fail(c === undefined ? 'Expected a field path' : /[=!~<>]/.test(c) ? `Missing field path before "${c}"` : `Unexpected "${c}"`);
    }
    const path = parsePath(pathText);
    if (!path.ok) this.fail(path.error, start);
    const afterPath = this.i;
    this.space();
    const op = /^(>=|<=|!=|==|=|~|>|<)/.exec(this.s.slice(this.i))?.[0];
    if (op) {
      this.i += op.length;
      this.space();
      const value = this.value(op);
      const norm: CompareOp = op === '==' ? '=' : (op as CompareOp);
      return { kind: 'compare', path: path.segments, op: norm, value: norm === '~' ? value.toLowerCase() : value };
    }
    if (this.eatKeyword('in')) return { kind: 'in', path: path.segments, values: this.list() };
    this.i = afterPath;
    return { kind: 'exists', path: path.segments };
  }

  /** A path: up to an operator, a space, a parenthesis or a comma outside quotes and brackets. */
  private pathText(): string {
    const start = this.i;
    let depth = 0;
    let quoted = false;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i]!;
      if (quoted) {
        if (c === '\\') this.i++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (depth === 0 && PATH_END.test(c)) break;
    }
    if (quoted) this.fail('Unclosed quote', start);
    return this.s.slice(start, this.i);
  }

  private value(op: string): string {
    const start = this.i;
    if (this.s[this.i] === '"') return this.quoted();
    while (this.i < this.s.length && !VALUE_END.test(this.s[this.i]!)) this.i++;
    if (this.i === start) this.fail(`Expected a value after "${op}"`);
    return this.s.slice(start, this.i);
  }

  private quoted(): string {
    const start = this.i++;
    while (this.i < this.s.length && this.s[this.i] !== '"') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.s.length) this.fail('Unclosed quote', start);
    this.i++;
    try {
      const v: unknown = JSON.parse(this.s.slice(start, this.i));
      if (typeof v === 'string') return v;
    } catch {
      // reported below
    }
    return this.fail(`Bad quoted value ${this.s.slice(start, this.i)}`, start);
  }

  /** `(a, b, "c d")` or `[a, b]`. */
  private list(): string[] {
    this.space();
    const open = this.s[this.i];
    if (open !== '(' && open !== '[') this.fail('Expected a list after "in", e.g. in (a, b)');
    const close = open === '(' ? ')' : ']';
    const at = this.i++;
    const values: string[] = [];
    for (;;) {
      this.space();
      if (this.s[this.i] === close && values.length === 0) this.fail('The list is empty', at);
      if (this.s[this.i] === '"') values.push(this.quoted());
      else {
        const start = this.i;
        while (this.i < this.s.length && !/[\s,)\]]/.test(this.s[this.i]!)) this.i++;
        if (this.i === start) this.fail(this.i >= this.s.length ? `Missing "${close}"` : 'Expected a value in the list', this.i >= this.s.length ? at : this.i);
        values.push(this.s.slice(start, this.i));
      }
      this.space();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === close) {
        this.i++;
        return values;
      }
      this.fail(`Missing "${close}"`, at);
    }
  }
}

export function parseFieldQuery(text: string): FieldQuery {
  try {
    return { ok: true, query: new Parser(text).parse() };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: `${e.message} (at ${e.at + 1})`, at: e.at };
    throw e;
  }
}

/**
 * The keys families wrap their message body in (OfficePlane `payload`, Notifications `data`,
 * OpenCode `properties`). A path works with or without them: `payload.status` also finds a
 * flat `status`, and `status` also finds `payload.status`.
 */
export const FIELD_ENVELOPES: readonly string[] = ['payload', 'data', 'properties'];

function resolve(data: unknown, path: readonly PathSegment[]): unknown {
  const direct = getPath(data, path);
  if (direct !== undefined) return direct;
  const [head, ...rest] = path;
  if (typeof head === 'string' && FIELD_ENVELOPES.includes(head) && rest.length > 0) {
    const flat = getPath(data, rest);
    if (flat !== undefined) return flat;
  }
  for (const env of FIELD_ENVELOPES) {
    if (env === head) continue;
    const inside = getPath(data, [env, ...path]);
    if (inside !== undefined) return inside;
  }
  return undefined;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** A query value as the number it compares as, if it is one. */
export const queryNumber = (value: string): number | undefined => (NUMBER.test(value) ? Number(value) : undefined);
const asNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMBER.test(v.trim())) return Number(v);
  return undefined;
};

/** Equal as numbers when both are numbers (15 = 15.0), else as text. */
function equal(v: unknown, value: string): boolean {
  const a = typeof v === 'number' ? v : undefined;
  const b = queryNumber(value);
  return a !== undefined && b !== undefined ? a === b : asText(v) === value;
}

/** Orders numbers as numbers; anything else (ISO times, names) as text. */
function order(v: unknown, value: string): number | undefined {
  if (v === null || typeof v === 'object' || typeof v === 'boolean') return undefined;
  const a = asNumber(v);
  const b = queryNumber(value);
  if (a !== undefined && b !== undefined) return a - b;
  if (b !== undefined) return undefined;
  const t = asText(v);
  return t < value ? -1 : t > value ? 1 : 0;
}

function holds(e: FieldExpr, data: unknown): boolean {
  switch (e.kind) {
    case 'and':
      return e.exprs.every((x) => holds(x, data));
    case 'or':
      return e.exprs.some((x) => holds(x, data));
    case 'not':
      return !holds(e.expr, data);
    case 'exists':
      return resolve(data, e.path) !== undefined;
    case 'in': {
      const v = resolve(data, e.path);
      return v !== undefined && e.values.some((x) => equal(v, x));
    }
    case 'compare': {
      const v = resolve(data, e.path);
      if (e.op === '!=') return v === undefined || !equal(v, e.value);
      if (v === undefined) return false;
      if (e.op === '=') return equal(v, e.value);
      if (e.op === '~') return asText(v).toLowerCase().includes(e.value);
      const d = order(v, e.value);
      if (d === undefined) return false;
      return e.op === '>' ? d > 0 : e.op === '>=' ? d >= 0 : e.op === '<' ? d < 0 : d <= 0;
    }
  }
}

export const matchFieldQuery = (query: FieldExpr, data: unknown): boolean => holds(query, data);

export type Comparison = Extract<FieldExpr, { kind: 'compare' }>;

/**
 * A test that any event matching `e` passes, built from tests of its comparisons (`in` is `=` to
 * one of its values): an `and` needs each part that has a test, an `or` needs a test of every
 * part; `not` and a field's presence have none. Undefined when the query has none. Searches ask
 * such tests of a chunk (the values its text writes, the ranges of its numbers) before reading it.
 */
export function necessaryTest<T>(e: FieldExpr, compare: (c: Comparison) => ((t: T) => boolean) | undefined): ((t: T) => boolean) | undefined {
  const of = (x: FieldExpr) => necessaryTest(x, compare);
  switch (e.kind) {
    case 'and': {
      const all = e.exprs.map(of).filter((x) => x !== undefined);
      return all.length === 0 ? undefined : (t) => all.every((x) => x(t));
    }
    case 'or': {
      const any = e.exprs.map(of);
      return any.every((x) => x !== undefined) ? (t) => any.some((x) => x!(t)) : undefined;
    }
    case 'in':
      return of({ kind: 'or', exprs: e.values.map((value): Comparison => ({ kind: 'compare', path: e.path, op: '=', value })) });
    case 'compare':
      return compare(e);
    case 'not':
    case 'exists':
      return undefined;
  }
}
