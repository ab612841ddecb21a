import { eventKey } from '../model/event';
import type { Family } from '../model/typed';
import type { ChunkInfo, StoredEvent } from '../panel/store-view';
import { parseData, typeEvent } from '../protocols';
import { matchFieldQuery, parseFieldQuery, type FieldExpr } from '../query/field-query';
import { escapeRegex, requiredRuns } from '../query/regex-literal';
import { mayContain, termQuery, type ChunkTerms, type TermQuery } from '../query/terms';
import { rangesTest } from '../query/field-ranges';
import { bytesNeedle, holds } from '../query/byte-search';
import { inJsonString, valuesInJson } from '../query/values-in-json';
import type { TimelineFilter } from './filter';

/** Everything a search over the store needs; plain data, so it crosses to the search Workers. */
export interface SearchQuery {
  filter: TimelineFilter;
  /** Keys of pinned events (for "pinned only"). */
  pins: string[];
  /** "Clear view": only events received after this time. */
  after?: number;
  /** Each endpoint's protocol family, for categories. */
  families: Record<string, Family>;
}

export interface StoredMatcher {
  /** False when the chunk's summary proves none of its events can match: it is not read. */
  chunk(c: ChunkInfo): boolean;
  event(ev: StoredEvent): boolean;
  /**
   * For a chunk that passed `chunk`: the test on each event's typed type and schema verdict
   * alone, when that decides (a type, endpoint or invalid-only filter, a direction the summary
   * settles); then the chunk's events are never unpacked. Undefined when the events are needed.
   */
  byTyping(c: ChunkInfo): ((type: string, valid: boolean) => boolean) | undefined;
  /**
   * False when a chunk's events cannot match, judged from their JSON text before it is parsed
   * (the words of a text search or those every match of a regex holds, the names and values a
   * field query needs) and their type names.
   */
  mayMatch(json: string, typeNames: readonly string[]): boolean;
  /** The same, judged from the UTF-8 bytes of that text before they are decoded (where it can tell). */
  mayHold(bytes: Uint8Array, typeNames: readonly string[]): boolean;
  /**
   * For a chunk that passed `chunk`, a test on its filter (read before the chunk): false when
   * its JSON text lacks a word it must hold for any of its events to match, or when the ranges of
   * its fields' numbers rule out those a field query compares with. Undefined when the search asks
   * the filter for nothing: it names no word (or the chunk's type names may match the text on
   * their own) and compares no field with a number.
   */
  terms(c: ChunkInfo): ((t: ChunkTerms) => boolean) | undefined;
  errors: { text?: string; field?: string };
  /** No filter is set: every event matches. */
  all: boolean;
}

/** A test on a chunk's JSON text, and when it can tell from them, on the text's bytes before decoding. */
interface TextCheck {
  text(json: string, typeNames: readonly string[]): boolean;
  bytes?(bytes: Uint8Array, typeNames: readonly string[]): boolean;
}

/**
 * Keys a JSON text must contain for the query to have a chance: the last name of every path that
 * must be present. Only `and` narrows; `or`, `not` and `!=` (true when missing) require nothing.
 */
function requiredKeys(e: FieldExpr): string[] {
  switch (e.kind) {
    case 'and':
      return e.exprs.flatMap(requiredKeys);
    case 'or':
    case 'not':
      return [];
    case 'compare':
      if (e.op === '!=') return [];
    // falls through: the path must exist
    case 'in':
    case 'exists': {
      const last = e.path[e.path.length - 1];
      return typeof last === 'string' ? [JSON.stringify(last)] : [];
    }
  }
}

/**
 * The timeline's filters as a test on stored events (typed `type`, `valid`) and on chunk
 * summaries. Free text and regex match the raw data or the type, ignoring case. Cheap checks go
 * first; the data is parsed only for a field query, and only when it holds the fields' names and
 * the values asked for.
 */
export function compileStoredFilter(q: SearchQuery): StoredMatcher {
  const f = q.filter;
  const checks: ((ev: StoredEvent) => boolean)[] = [];
  const chunkChecks: ((c: ChunkInfo) => boolean)[] = [];
  const typingChecks: ((type: string, valid: boolean) => boolean)[] = [];
  const textChecks: TextCheck[] = [];
  /** Per chunk, a test on its filter (words, ranges), or undefined when it asks the filter nothing. */
  const termChecks: ((c: ChunkInfo) => ((t: ChunkTerms) => boolean) | undefined)[] = [];
  /** Per chunk, whether the checks on event fields other than type and validity all pass by its summary. */
  const settled: ((c: ChunkInfo) => boolean)[] = [];
  const errors: StoredMatcher['errors'] = {};
  const after = q.after;
  if (after !== undefined) {
    checks.push((ev) => ev.time > after);
    chunkChecks.push((c) => c.t1 > after);
    settled.push((c) => c.t0 > after);
  }
  if (f.endpoints.length > 0) {
    const set = new Set(f.endpoints);
    checks.push((ev) => set.has(ev.endpointId));
    chunkChecks.push((c) => set.has(c.endpointId));
  }
  if (f.dirs.length > 0) {
    const set = new Set<string>(f.dirs);
    checks.push((ev) => set.has(ev.dir));
    chunkChecks.push((c) => f.dirs.some((d) => c.dirs[d] > 0));
    settled.push((c) => (['in', 'out', 'sys'] as const).every((d) => c.dirs[d] === 0 || set.has(d)));
  }
  if (f.types.length > 0) {
    const set = new Set(f.types);
    checks.push((ev) => set.has(ev.type));
    chunkChecks.push((c) => f.types.some((t) => (c.types[t] ?? 0) > 0));
    typingChecks.push((type) => set.has(type));
  }
  if (f.invalidOnly) {
    checks.push((ev) => !ev.valid);
    chunkChecks.push((c) => c.invalid > 0);
    typingChecks.push((_type, valid) => !valid);
  }
  if (f.pinnedOnly) {
    const pins = new Set(q.pins);
    checks.push((ev) => pins.has(eventKey(ev)));
    settled.push(() => false);
  }
  if (f.text !== '') {
    try {
      const re = new RegExp(f.regex ? f.text : escapeRegex(f.text), 'i');
      checks.push((ev) => re.test(ev.data) || re.test(ev.type));
      settled.push(() => false);
      // Plain text, or each run every match of a pattern holds (one of its strings), is in a
      // chunk's JSON as JSON writes it, each character escaped on its own; a surrogate could pair
      // up differently in the data, so then no shortcut.
      const runs = (f.regex ? requiredRuns(f.text) : [[f.text]]).filter((run) => !run.some((s) => /[\ud800-\udfff]/.test(s))).map((run) => run.map(inJsonString));
      const byType = (names: readonly string[]) => names.some((n) => re.test(n));
      /** Per run that has them, the words of each of its strings. */
      const runWords: TermQuery[][] = [];
      for (const run of runs) {
        const inJson = new RegExp(run.map(escapeRegex).join('|'), 'i');
        const needles = run.map((s) => bytesNeedle(s, true));
        textChecks.push({
          text: (json, names) => inJson.test(json) || byType(names),
          ...(needles.every((n) => n !== undefined) && { bytes: (bytes, names) => needles.some((n) => holds(bytes, n)) || byType(names) }),
        });
        const words = run.map((s) => termQuery(s));
        if (words.every((w) => w !== undefined)) runWords.push(words);
      }
      if (runWords.length > 0) termChecks.push((c) => (byType(Object.keys(c.types)) ? undefined : (t) => runWords.every((words) => words.some((w) => mayContain(t, w)))));
    } catch (e) {
      // An unfinished pattern is normal while typing: report it and leave the list unfiltered.
      errors.text = e instanceof Error ? e.message : String(e);
    }
  }
  if (f.field.trim() !== '') {
    const parsed = parseFieldQuery(f.field);
    if (parsed.ok) {
      const keys = requiredKeys(parsed.query);
      checks.push((ev) => keys.every((k) => ev.data.includes(k)) && matchFieldQuery(parsed.query, parseData(ev).payload));
      settled.push(() => false);
      const inJson = keys.map(inJsonString);
      const needles = inJson.map((k) => bytesNeedle(k, false)!);
      textChecks.push({ text: (json) => inJson.every((k) => json.includes(k)), bytes: (bytes) => needles.every((k) => holds(bytes, k)) });
      const values = valuesInJson(parsed.query);
      if (values) textChecks.push(values);
      const words = termQuery(inJson.join(' '), false);
      if (words) termChecks.push(() => (t) => mayContain(t, words));
      const ranges = rangesTest(parsed.query);
      // Filters written before ranges were kept have none.
      if (ranges) termChecks.push(() => (t) => !t.ranges || ranges(t.ranges));
    } else errors.field = parsed.error;
  }
  if (f.categories.length > 0) {
    // A category can depend on the payload (a failed status is an error): type the event. Last, so
    // only events that passed everything else pay for it.
    const set = new Set<string>(f.categories);
    checks.push((ev) => set.has(typeEvent(ev, q.families[ev.endpointId] ?? 'generic').category));
    settled.push(() => false);
  }
  const byType = (type: string, valid: boolean): boolean => typingChecks.every((fn) => fn(type, valid));
  return {
    chunk: (c) => chunkChecks.every((fn) => fn(c)),
    event: (ev) => {
      for (const fn of checks) if (!fn(ev)) return false;
      return true;
    },
    byTyping: (c) => (settled.every((fn) => fn(c)) ? byType : undefined),
    mayMatch: (json, names) => textChecks.every((c) => c.text(json, names)),
    mayHold: (bytes, names) => textChecks.every((c) => !c.bytes || c.bytes(bytes, names)),
    terms: (c) => {
      const tests = termChecks.map((fn) => fn(c)).filter((fn) => fn !== undefined);
      return tests.length === 0 ? undefined : (t) => tests.every((fn) => fn(t));
    },
    errors,
    all: checks.length === 0,
  };
}
