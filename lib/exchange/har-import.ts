import { z } from 'zod';
import { utf8Size, type StreamEvent, type Transport } from '../model/event';
import type { DB } from '../store/schema';
import { isRecord } from '../protocols/values';
import { createSseDecoder } from '../transport/sse-decoder';
import { ImportError } from './import-error';
import { describeIssues, plainWords } from './plain-issues';
import { recordingEndpoint, writeRecordings, type ImportResult, type RecordingPlan } from './recording';
import { redactUrl } from './redact-url';

/** A file this broken is not worth reading to the end; the first problems say enough. */
const MAX_PROBLEMS = 10;

type Recorded = Omit<StreamEvent, 'seq' | 'endpointId'>;

/** Only the fields read: headers, cookies and bodies of other requests are never looked at, so never kept. */
const EntrySchema = z.object({
  startedDateTime: z.string(),
  request: z.object({ url: z.string() }),
  response: z.object({ content: z.object({ mimeType: z.string(), text: z.string().optional(), encoding: z.string().optional() }).optional() }).optional(),
});

const WsMessageSchema = z.object({
  type: z.enum(['send', 'receive']),
  /** Seconds since the epoch, fractional. */
  time: z.number(),
  opcode: z.number().int(),
  data: z.string(),
});
type WsMessage = z.infer<typeof WsMessageSchema>;

const EsMessageSchema = z.object({
  type: z.string(),
  time: z.number(),
  eventId: z.string().nullish(),
  data: z.string(),
});

const nonEmpty = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0;
const isEventStream = (entry: Record<string, unknown>): boolean => {
  const content = isRecord(entry.response) && isRecord(entry.response.content) ? entry.response.content : undefined;
  return typeof content?.mimeType === 'string' && content.mimeType.toLowerCase().startsWith('text/event-stream') && typeof content.text === 'string';
};

/** A connection marker, shaped as live recording writes them: `{"message", ...details}`. */
const marker = (time: number, transport: Transport, name: string, detail: { message: string } & Record<string, unknown>): Recorded => {
  const data = JSON.stringify(detail);
  return { time, dir: 'sys', transport, name, data, size: utf8Size(data) };
};

/** Size of base64 data in bytes, or undefined when it is not base64. */
function base64Bytes(data: string): number | undefined {
  try {
    return atob(data).length;
  } catch {
    return undefined;
  }
}

/**
 * One DevTools WebSocket frame. Control frames become connection markers in the timeline:
 * a close frame ends the connection (`dropped`), ping and pong are kept as `ping`/`pong` markers.
 */
function wsFrame(m: WsMessage): Recorded | string {
  const time = Math.round(m.time * 1000);
  const dir = m.type === 'send' ? 'out' : 'in';
  const by = m.type === 'send' ? 'sent' : 'received';
  switch (m.opcode) {
    case 1:
      return { time, dir, transport: 'ws', opcode: 1, data: m.data, size: utf8Size(m.data) };
    case 2: {
      const size = base64Bytes(m.data);
      return size === undefined ? '"data" of a binary frame should be base64' : { time, dir, transport: 'ws', opcode: 2, data: m.data, size };
    }
    case 8:
      return marker(time, 'ws', 'dropped', { message: `Close frame ${by}`, opcode: 8, frame: m.data });
    case 9:
    case 10:
      return marker(time, 'ws', m.opcode === 9 ? 'ping' : 'pong', { message: `${m.opcode === 9 ? 'Ping' : 'Pong'} ${by}`, opcode: m.opcode, frame: m.data });
    default:
      return `"opcode" ${m.opcode} is not a WebSocket frame type`;
  }
}

function sseEvent(time: number, f: { name?: string; id?: string; retry?: number; data: string }): Recorded {
  const ev: Recorded = { time, dir: 'in', transport: 'sse', data: f.data, size: utf8Size(f.data) };
  // The spec's default name is left unset, as live recording does.
  if (f.name !== undefined && f.name !== '' && f.name !== 'message') ev.name = f.name;
  if (f.id !== undefined) ev.id = f.id;
  if (f.retry !== undefined) ev.retry = f.retry;
  return ev;
}

/** A response body captured as text: HAR keeps no time per event, so all get the entry's start. */
function sseBody(text: string, encoding: string | undefined, time: number): Recorded[] | string {
  let bytes: Uint8Array;
  try {
    bytes = encoding === 'base64' ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
  } catch {
    return '"response.content.text" should be base64, as its "encoding" says';
  }
  const out: Recorded[] = [];
  let lastId: string | undefined;
  let retry: number | undefined;
  const decoder = createSseDecoder({
    event: (e) => {
      if (e.id !== undefined) lastId = e.id;
      out.push(sseEvent(time, { name: e.name, id: lastId, retry, data: e.data }));
      retry = undefined;
    },
    bareId: (id) => (lastId = id),
    retry: (ms) => (retry = ms),
    comment: () => {},
    // As live recording does: the event is skipped and a marker says so.
    oversize: (bytes) => out.push(marker(time, 'sse', 'malformed', { message: `Skipped an event of ${bytes} bytes: over the size limit`, bytes })),
  });
  decoder.push(bytes);
  decoder.end();
  return out;
}

/** Validates each message, collecting `message N: ...` problems instead of stopping at the first. */
function messages<T>(list: unknown[], schema: z.ZodType<T>, convert: (m: T) => Recorded | string, problems: string[]): Recorded[] {
  const out: Recorded[] = [];
  for (let i = 0; i < list.length && problems.length < MAX_PROBLEMS; i++) {
    const r = schema.safeParse(list[i], { error: plainWords });
    const ev = r.success ? convert(r.data) : describeIssues(r.error, 'the message');
    if (typeof ev === 'string') problems.push(`message ${i + 1}: ${ev}`);
    else out.push(ev);
  }
  return out;
}

/** DevTools writes an empty `eventId` for an event before any `id:`; that is no id. */
const esMessage = (m: z.infer<typeof EsMessageSchema>): Recorded =>
  sseEvent(Math.round(m.time * 1000), { name: m.type, id: m.eventId || undefined, data: m.data });

/** The entry's stream: frames, event-source messages, or else its event-stream body. */
function streamOf(entry: Record<string, unknown>, problems: string[]): { transport: Transport; events: Recorded[] } | undefined {
  const parsed = EntrySchema.safeParse(entry, { error: plainWords });
  if (!parsed.success) {
    problems.push(describeIssues(parsed.error, 'the entry'));
    return undefined;
  }
  if (nonEmpty(entry._webSocketMessages)) return { transport: 'ws', events: messages(entry._webSocketMessages, WsMessageSchema, wsFrame, problems) };
  if (nonEmpty(entry._eventSourceMessages)) return { transport: 'sse', events: messages(entry._eventSourceMessages, EsMessageSchema, esMessage, problems) };
  const start = Date.parse(parsed.data.startedDateTime);
  if (Number.isNaN(start)) {
    problems.push('"startedDateTime" should be a date');
    return undefined;
  }
  const content = parsed.data.response?.content;
  const events = sseBody(content?.text ?? '', content?.encoding, start);
  if (typeof events === 'string') {
    problems.push(events);
    return undefined;
  }
  return { transport: 'sse', events };
}

/** `host/path` of a URL, to name its recording. */
function shortName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}

/**
 * Reads a DevTools HAR export: every entry with WebSocket frames, event-source messages or an
 * event-stream body becomes one read-only recording. Throws ImportError (nothing is written)
 * when the file is not a HAR, holds no stream, or any of its stream messages is malformed.
 */
export function parseHar(text: string, importedAt = Date.now()): RecordingPlan[] {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (e) {
    throw new ImportError([`not a HAR file: the text is not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
  }
  const entries = isRecord(har) && isRecord(har.log) ? har.log.entries : undefined;
  if (!Array.isArray(entries)) throw new ImportError(['not a HAR file: it has no "log.entries" list']);

  const problems: string[] = [];
  const plans: RecordingPlan[] = [];
  entries.forEach((entry, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (!isRecord(entry) || !(nonEmpty(entry._webSocketMessages) || nonEmpty(entry._eventSourceMessages) || isEventStream(entry))) return;
    const url = isRecord(entry.request) && typeof entry.request.url === 'string' ? redactUrl(entry.request.url) : '';
    const found: string[] = [];
    const stream = streamOf(entry, found);
    problems.push(...found.map((p) => `entry ${i + 1}${url ? ` (${url})` : ''}: ${p}`));
    if (!stream || found.length > 0 || stream.events.length === 0) return;
    const endpoint = recordingEndpoint({ name: shortName(url), url, transport: stream.transport }, stream.events.length, importedAt);
    if (typeof endpoint === 'string') problems.push(`entry ${i + 1}: ${endpoint}`);
    else plans.push({ endpoint, events: stream.events.map((e) => ({ endpointId: endpoint.id, ...e })) });
  });
  if (problems.length > 0) throw new ImportError(problems.slice(0, MAX_PROBLEMS));
  if (plans.length === 0) throw new ImportError(['no WebSocket or event-stream messages found']);
  return plans;
}

/** Imports the streams of a HAR file as read-only recordings: all of them, or (on any problem) none. */
export async function importHar(db: DB, text: string, importedAt = Date.now()): Promise<ImportResult> {
  return writeRecordings(db, parseHar(text, importedAt));
}
