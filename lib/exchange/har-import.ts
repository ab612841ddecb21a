import { z } from 'zod';
import { utf8Size, type Transport } from '../model/event';
import type { DB } from '../store/schema';
import { isRecord } from '../protocols/values';
import { createSseDecoder } from '../transport/sse-decoder';
import { ImportError } from './import-error';
import { describeIssues, plainWords } from './plain-issues';
import { EsMessageSchema, HarExtraSchema, harMs, WsMessageSchema, type EsMessage, type HarExtra, type HarMarker, type WsMessage } from './har-format';
import { recordingPlans, writeRecordings, type ImportResult, type RecordedEvent, type RecordedStream, type RecordingPlan } from './recording';
import { redactUrl } from '../format/redact-url';

/** A file this broken is not worth reading to the end; the first problems say enough. */
const MAX_PROBLEMS = 10;


/** Only the fields read: headers, cookies and bodies of other requests are never looked at, so never kept. */
const EntrySchema = z.object({
  startedDateTime: z.string(),
  request: z.object({ url: z.string() }),
  response: z.object({ content: z.object({ mimeType: z.string(), text: z.string().optional(), encoding: z.string().optional() }).optional() }).optional(),
});

const nonEmpty = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0;
const isEventStream = (entry: Record<string, unknown>): boolean => {
  const content = isRecord(entry.response) && isRecord(entry.response.content) ? entry.response.content : undefined;
  return typeof content?.mimeType === 'string' && content.mimeType.toLowerCase().startsWith('text/event-stream') && typeof content.text === 'string';
};

/** An entry that holds a stream: frames, event-source messages, an event-stream body, or Streamscope's markers. */
const isStreamEntry = (entry: Record<string, unknown>): boolean =>
  nonEmpty(entry._webSocketMessages) || nonEmpty(entry._eventSourceMessages) || isEventStream(entry) || isRecord(entry._streamscope);

/** A connection marker, shaped as live recording writes them: `{"message", ...details}`. */
const marker = (time: number, transport: Transport, name: string, detail: { message: string } & Record<string, unknown>): RecordedEvent => {
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
function wsFrame(m: WsMessage): RecordedEvent | string {
  const time = harMs(m.time);
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

function sseEvent(time: number, f: { name?: string; id?: string; retry?: number; data: string }): RecordedEvent {
  const ev: RecordedEvent = { time, dir: 'in', transport: 'sse', data: f.data, size: utf8Size(f.data) };
  // The spec's default name is left unset, as live recording does.
  if (f.name !== undefined && f.name !== '' && f.name !== 'message') ev.name = f.name;
  if (f.id !== undefined) ev.id = f.id;
  if (f.retry !== undefined) ev.retry = f.retry;
  return ev;
}

/** A response body captured as text: HAR keeps no time per event, so all get the entry's start. */
function sseBody(text: string, encoding: string | undefined, time: number): RecordedEvent[] | string {
  let bytes: Uint8Array;
  try {
    bytes = encoding === 'base64' ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
  } catch {
    return '"response.content.text" should be base64, as its "encoding" says';
  }
  const out: RecordedEvent[] = [];
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
function messages<T>(list: unknown[], schema: z.ZodType<T>, convert: (m: T) => RecordedEvent | string, problems: string[]): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (let i = 0; i < list.length && problems.length < MAX_PROBLEMS; i++) {
    const r = schema.safeParse(list[i], { error: plainWords });
    const ev = r.success ? convert(r.data) : describeIssues(r.error, 'the message');
    if (typeof ev === 'string') problems.push(`message ${i + 1}: ${ev}`);
    else out.push(ev);
  }
  return out;
}

/** DevTools writes an empty `eventId` for an event before any `id:`; that is no id. */
const esMessage = (m: EsMessage): RecordedEvent =>
  sseEvent(harMs(m.time), { name: m.eventName ?? m.type, id: m.eventId || undefined, retry: m.retry, data: m.data });

/** Puts Streamscope's markers back between the messages they were recorded between. */
function withMarkers(events: RecordedEvent[], markers: readonly HarMarker[], transport: Transport): RecordedEvent[] {
  if (markers.length === 0) return events;
  const out: RecordedEvent[] = [];
  let m = 0;
  for (let i = 0; i <= events.length; i++) {
    for (; m < markers.length && markers[m]!.at <= i; m++) {
      const { time, name, data } = markers[m]!;
      out.push({ time: harMs(time), dir: 'sys', transport, name, data, size: utf8Size(data) });
    }
    if (i < events.length) out.push(events[i]!);
  }
  return out;
}

const transportOfUrl = (url: string): Transport => (/^wss?:/i.test(url) ? 'ws' : 'sse');

/** The entry's stream: frames, event-source messages, or else its event-stream body. */
function streamOf(entry: Record<string, unknown>, problems: string[]): { transport: Transport; events: RecordedEvent[]; extra: HarExtra } | undefined {
  const parsed = EntrySchema.safeParse(entry, { error: plainWords });
  if (!parsed.success) {
    problems.push(describeIssues(parsed.error, 'the entry'));
    return undefined;
  }
  let extra: HarExtra = {};
  if (entry._streamscope !== undefined) {
    const r = HarExtraSchema.safeParse(entry._streamscope, { error: plainWords });
    if (!r.success) {
      problems.push(describeIssues(r.error, '"_streamscope"').replace(/^"/, '"_streamscope.'));
      return undefined;
    }
    extra = r.data;
  }
  const marked = (transport: Transport, events: RecordedEvent[]) => ({ transport, events: withMarkers(events, extra.markers ?? [], transport), extra });
  if (nonEmpty(entry._webSocketMessages)) return marked('ws', messages(entry._webSocketMessages, WsMessageSchema, wsFrame, problems));
  if (nonEmpty(entry._eventSourceMessages)) return marked('sse', messages(entry._eventSourceMessages, EsMessageSchema, esMessage, problems));
  if (!isEventStream(entry)) return marked(transportOfUrl(parsed.data.request.url), []);
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
  return marked('sse', events);
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
 * Reads a HAR file: every entry with WebSocket frames, event-source messages, an event-stream
 * body or Streamscope's markers becomes one stream. Throws ImportError when the file is not a
 * HAR, holds no stream, or any of its stream messages is malformed (naming the entry).
 */
export function readHar(text: string): RecordedStream[] {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (e) {
    throw new ImportError([`not a HAR file: the text is not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
  }
  const entries = isRecord(har) && isRecord(har.log) ? har.log.entries : undefined;
  if (!Array.isArray(entries)) throw new ImportError(['not a HAR file: it has no "log.entries" list']);

  const problems: string[] = [];
  const streams: RecordedStream[] = [];
  entries.forEach((entry, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (!isRecord(entry) || !isStreamEntry(entry)) return;
    const url = isRecord(entry.request) && typeof entry.request.url === 'string' ? redactUrl(entry.request.url) : '';
    const found: string[] = [];
    const stream = streamOf(entry, found);
    problems.push(...found.map((p) => `entry ${i + 1}${url ? ` (${url})` : ''}: ${p}`));
    if (!stream || found.length > 0 || stream.events.length === 0) return;
    const ref = stream.extra.endpoint;
    streams.push({
      source: { ...(ref ?? { name: shortName(url) }), url, transport: stream.transport },
      where: `entry ${i + 1}`,
      events: stream.events,
    });
  });
  if (problems.length > 0) throw new ImportError(problems.slice(0, MAX_PROBLEMS));
  if (streams.length === 0) throw new ImportError(['no WebSocket or event-stream messages found']);
  return streams;
}

/** A HAR file's streams as recordings ready to write (see readHar); nothing is written. */
export function parseHar(text: string, importedAt = Date.now()): RecordingPlan[] {
  return recordingPlans(readHar(text), importedAt);
}

/** Imports the streams of a HAR file as read-only recordings: all of them, or (on any problem) none. */
export async function importHar(db: DB, text: string, importedAt = Date.now()): Promise<ImportResult> {
  return writeRecordings(db, parseHar(text, importedAt));
}
