import type { EndpointConfig, ProfileChoice } from '../config/endpoint';
import type { StreamEvent, Transport } from '../model/event';
import { allEvents } from '../store/reader';
import type { DB } from '../store/schema';
import { harSeconds, type EsMessage, type HarExtra, type HarMarker, type WsMessage } from './har-format';
import { endpointRef, removedRef } from './ndjson-export';
import type { RecordedEvent } from './recording';
import { redactUrl } from '../format/redact-url';

/** What an entry says of its endpoint: never its headers, and its URL without credentials. */
export interface HarStreamRef {
  id: string;
  name: string;
  url: string;
  transport: Transport;
  profile?: ProfileChoice;
}

/** One endpoint's events, read a batch at a time so a long history is never in memory at once. */
export interface HarStream {
  ref: HarStreamRef;
  batches: Iterable<readonly RecordedEvent[]> | AsyncIterable<readonly RecordedEvent[]>;
}

const wsMessage = (ev: RecordedEvent): WsMessage => ({
  type: ev.dir === 'out' ? 'send' : 'receive',
  time: harSeconds(ev.time),
  opcode: ev.opcode ?? 1,
  data: ev.data,
});

/** DevTools writes an empty `eventId` for an event with none, so readers of its files expect it. */
const esMessage = (ev: RecordedEvent): EsMessage => ({
  time: harSeconds(ev.time),
  eventName: ev.name ?? 'message',
  eventId: ev.id ?? '',
  data: ev.data,
  ...(ev.retry !== undefined ? { retry: ev.retry } : {}),
});

const queryString = (url: string): { name: string; value: string }[] => {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
};

/**
 * One HAR entry as text parts, written as the batches are read. The message list comes first
 * and the fields that depend on all of it (start, duration, size, markers) after it: key order
 * means nothing in JSON, and this way nothing but the markers is held until the end.
 */
async function* entryParts({ ref, batches }: HarStream): AsyncGenerator<string> {
  const ws = ref.transport === 'ws';
  yield `{"${ws ? '_webSocketMessages' : '_eventSourceMessages'}":[`;
  const markers: HarMarker[] = [];
  let messages = 0;
  let bytes = 0;
  let first: number | undefined;
  let last = 0;
  for await (const batch of batches) {
    const lines: string[] = [];
    for (const ev of batch) {
      first ??= ev.time;
      last = ev.time;
      if (ev.dir === 'sys') {
        markers.push({ at: messages, time: harSeconds(ev.time), name: ev.name ?? 'marker', data: ev.data });
        continue;
      }
      lines.push(JSON.stringify(ws ? wsMessage(ev) : esMessage(ev)));
      bytes += ev.size;
      messages++;
    }
    if (lines.length > 0) yield `${messages > lines.length ? ',' : ''}${lines.join(',')}`;
  }
  const start = first ?? 0;
  const url = redactUrl(ref.url);
  const extra: HarExtra = { endpoint: { id: ref.id, name: ref.name, ...(ref.profile ? { profile: ref.profile } : {}) }, markers };
  const rest = {
    startedDateTime: new Date(start).toISOString(),
    time: last - start,
    // Headers and cookies are never written: they hold credentials.
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], queryString: queryString(url), cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: ws ? 101 : 200,
      statusText: ws ? 'Switching Protocols' : 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: bytes, mimeType: ws ? 'x-unknown' : 'text/event-stream' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: last - start },
    _resourceType: ws ? 'websocket' : 'eventsource',
    _streamscope: extra,
  };
  yield `],${JSON.stringify(rest).slice(1)}`;
}

/**
 * A HAR 1.2 file of streams as text parts: one entry per endpoint. `{` stands alone on the
 * first line so that a reader sniffing the first line sees a HAR, not NDJSON.
 */
export async function* harParts(streams: Iterable<HarStream> | AsyncIterable<HarStream>, opts: { now?: number } = {}): AsyncGenerator<string> {
  const comment = `Exported by Streamscope at ${new Date(opts.now ?? Date.now()).toISOString()}`;
  yield `{\n"log":{"version":"1.2","creator":{"name":"Streamscope","version":"1"},"comment":${JSON.stringify(comment)},"entries":[\n`;
  let n = 0;
  for await (const stream of streams) {
    if (n++ > 0) yield ',\n';
    yield* entryParts(stream);
  }
  yield '\n]}}\n';
}

/** A filtered view as HAR parts: an entry per endpoint in the view, its events in view order. */
export function exportViewHar(events: readonly StreamEvent[], endpoints: readonly EndpointConfig[], opts: { now?: number } = {}): AsyncGenerator<string> {
  const configs = new Map(endpoints.map((c) => [c.id, c]));
  const byEndpoint = new Map<string, StreamEvent[]>();
  for (const ev of events) {
    const list = byEndpoint.get(ev.endpointId);
    if (list) list.push(ev);
    else byEndpoint.set(ev.endpointId, [ev]);
  }
  const streams = [...byEndpoint].map(([id, list]): HarStream => {
    const cfg = configs.get(id);
    return { ref: cfg ? { ...endpointRef(cfg), profile: cfg.profile } : removedRef(list[0]!), batches: [list] };
  });
  return harParts(streams, opts);
}

/** Every stored event of one endpoint as HAR parts, a stored chunk at a time. */
export function exportEndpointHar(db: DB, endpoint: EndpointConfig, opts: { now?: number } = {}): AsyncGenerator<string> {
  return harParts([{ ref: { ...endpointRef(endpoint), profile: endpoint.profile }, batches: allEvents(db, endpoint.id) }], opts);
}
