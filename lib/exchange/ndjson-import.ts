import type { ProfileChoice } from '../config/endpoint';
import { isRecord } from '../protocols/values';
import type { DB } from '../store/schema';
import { ImportError } from './import-error';
import { NdjsonEventSchema, NdjsonHeaderSchema, type NdjsonEndpoint, type NdjsonEventIn, type NdjsonHeader } from './ndjson-format';
import { describeIssues, plainWords } from './plain-issues';
import { recordingPlans, writeRecordings, type ImportResult, type RecordedEvent, type RecordedStream, type RecordingPlan } from './recording';
import { textLines } from './text-lines';

/** A file this broken is not worth reading to the end; the first problems say enough. */
const MAX_PROBLEMS = 10;

type Line = { header: NdjsonHeader } | { event: NdjsonEventIn } | { problem: string };

interface Source {
  endpoint: NdjsonEndpoint;
  /** Where the endpoint first appears, for problems with the endpoint itself. */
  line: number;
  events: RecordedEvent[];
}

function parseLine(text: string, first: boolean): Line {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (isRecord(json) && 'streamscope' in json) {
    if (!first) return { problem: 'a header is only allowed on the first line' };
    const r = NdjsonHeaderSchema.safeParse(json, { error: plainWords });
    return r.success ? { header: r.data } : { problem: describeIssues(r.error, 'the header') };
  }
  const r = NdjsonEventSchema.safeParse(json, { error: plainWords });
  return r.success ? { event: r.data } : { problem: describeIssues(r.error, 'the line') };
}

/** The event as stored, with what the line left out (null fields) absent rather than null. */
function recorded(line: NdjsonEventIn): RecordedEvent {
  const ev: RecordedEvent = { time: line.timeMs, dir: line.dir, transport: line.transport, data: line.data, size: line.size };
  if (line.event != null) ev.name = line.event;
  if (line.id != null) ev.id = line.id;
  if (line.retry !== undefined) ev.retry = line.retry;
  if (line.opcode != null) ev.opcode = line.opcode;
  return ev;
}

/**
 * Reads and validates a whole NDJSON export (text, or decoded pieces of a file) into one
 * stream per source endpoint, in the order they first appear. Throws ImportError naming each
 * bad line.
 */
export async function readNdjson(input: string | AsyncIterable<string>): Promise<RecordedStream[]> {
  const problems: string[] = [];
  const sources = new Map<string, Source>();
  let header: NdjsonHeader | undefined;
  let n = 0;
  let first = true;
  for await (const raw of textLines(typeof input === 'string' ? [input] : input)) {
    n++;
    const text = (n === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    if (text.trim() === '') continue;
    const line = parseLine(text, first);
    first = false;
    if ('header' in line) {
      header = line.header;
    } else if ('problem' in line) {
      problems.push(`line ${n}: ${line.problem}`);
    } else {
      const { endpoint } = line.event;
      const src = sources.get(endpoint.id);
      if (!src) sources.set(endpoint.id, { endpoint, line: n, events: [recorded(line.event)] });
      else if (src.endpoint.transport !== endpoint.transport) problems.push(`line ${n}: endpoint "${endpoint.id}" is ${src.endpoint.transport} on line ${src.line}`);
      else src.events.push(recorded(line.event));
    }
    if (problems.length >= MAX_PROBLEMS) {
      problems.push(`stopped reading after ${MAX_PROBLEMS} problems`);
      break;
    }
  }
  if (problems.length === 0 && sources.size === 0) problems.push('the file has no events');
  if (problems.length > 0) throw new ImportError(problems);

  const profiles = new Map<string, ProfileChoice | undefined>(header?.endpoints?.map((e) => [e.id, e.profile]));
  return [...sources.values()].map((src) => {
    const profile = profiles.get(src.endpoint.id);
    return { source: { ...src.endpoint, ...(profile ? { profile } : {}) }, where: `line ${src.line}`, events: src.events };
  });
}

/** An NDJSON export as recordings ready to write (see readNdjson); nothing is written. */
export async function parseNdjson(input: string | AsyncIterable<string>, importedAt = Date.now()): Promise<RecordingPlan[]> {
  return recordingPlans(await readNdjson(input), importedAt);
}

/** Imports an NDJSON export as read-only recordings: all of it, or (on any problem) nothing. */
export async function importNdjson(db: DB, input: string | AsyncIterable<string>, importedAt = Date.now()): Promise<ImportResult> {
  return writeRecordings(db, await parseNdjson(input, importedAt));
}
