import type { EndpointConfig } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import type { Family, TypedEvent } from '../model/typed';
import { detectFamily, typeEvent } from '../protocols';
import { allEvents } from '../store/reader';
import type { DB } from '../store/schema';
import { DETECT_SAMPLE, EventTyping } from '../protocols/typing';
import { localDateTime } from '../format/units';
import { NDJSON_MIME, NDJSON_VERSION, type NdjsonEndpoint, type NdjsonEventOut, type NdjsonHeader } from './ndjson-format';
import { redactUrl } from '../format/redact-url';

export interface ExportOptions {
  /** Export time, for the header. */
  now?: number;
  /** The view's own typing, so the file says what the view showed; otherwise typed afresh. */
  typed?: (ev: StreamEvent) => TypedEvent;
}

/** Lines per Blob part: few enough parts for a million events, none of them huge. */
const LINES_PER_PART = 1000;

/** Only what identifies the endpoint: headers (credentials) never leave the extension. */
export const endpointRef = (cfg: EndpointConfig): NdjsonEndpoint => ({ id: cfg.id, name: cfg.name, url: redactUrl(cfg.url), transport: cfg.transport });

/** Events of an endpoint removed since; `.invalid` is reserved, so the URL points nowhere. */
export const removedRef = (ev: StreamEvent): NdjsonEndpoint => ({
  id: ev.endpointId,
  name: ev.endpointId,
  url: `${ev.transport === 'ws' ? 'ws' : 'http'}://removed-endpoint.invalid/`,
  transport: ev.transport,
});

function eventLine(ev: StreamEvent, endpoint: NdjsonEndpoint, typed: TypedEvent): string {
  const line: NdjsonEventOut = {
    v: NDJSON_VERSION,
    endpoint,
    seq: ev.seq,
    time: new Date(ev.time).toISOString(),
    timeMs: ev.time,
    dir: ev.dir,
    transport: ev.transport,
    event: ev.name ?? null,
    opcode: ev.opcode ?? null,
    id: ev.id ?? null,
    ...(ev.retry !== undefined ? { retry: ev.retry } : {}),
    data: ev.data,
    size: ev.size,
    parsed: typed.payload ?? null,
    type: typed.type,
    valid: typed.issues.length === 0,
    issues: typed.issues,
  };
  return JSON.stringify(line);
}

function headerLine(endpoints: { ref: NdjsonEndpoint; cfg?: EndpointConfig }[], now: number): string {
  const header: NdjsonHeader = {
    streamscope: 'ndjson',
    v: NDJSON_VERSION,
    exportedAt: new Date(now).toISOString(),
    endpoints: endpoints.map(({ ref, cfg }) => (cfg ? { ...ref, profile: cfg.profile } : ref)),
  };
  return `${JSON.stringify(header)}\n`;
}

/** Each endpoint's family, from its profile choice or detected on `sample`, as the timeline does. */
function familyResolver(configs: ReadonlyMap<string, EndpointConfig>, sample: readonly StreamEvent[]): (endpointId: string) => Family {
  const typing = new EventTyping((id) => configs.get(id)?.profile, { typeEvent, detectFamily });
  typing.observe(sample);
  return (id) => typing.family(id).family;
}

/** A filtered view as NDJSON Blob parts, header first. */
export function exportView(events: readonly StreamEvent[], endpoints: readonly EndpointConfig[], opts: ExportOptions = {}): string[] {
  const configs = new Map(endpoints.map((c) => [c.id, c]));
  const refs = new Map<string, NdjsonEndpoint>();
  for (const ev of events) {
    if (refs.has(ev.endpointId)) continue;
    const cfg = configs.get(ev.endpointId);
    refs.set(ev.endpointId, cfg ? endpointRef(cfg) : removedRef(ev));
  }
  let typed = opts.typed;
  if (!typed) {
    const family = familyResolver(configs, events);
    typed = (ev) => typeEvent(ev, family(ev.endpointId), configs.get(ev.endpointId)?.customProfile);
  }

  const parts = [headerLine([...refs.values()].map((ref) => ({ ref, cfg: configs.get(ref.id) })), opts.now ?? Date.now())];
  for (let i = 0; i < events.length; i += LINES_PER_PART) {
    const lines = events.slice(i, i + LINES_PER_PART).map((ev) => eventLine(ev, refs.get(ev.endpointId)!, typed(ev)));
    parts.push(`${lines.join('\n')}\n`);
  }
  return parts;
}

/**
 * Every stored event of one endpoint as NDJSON Blob parts (header, then one part per stored
 * chunk), read a chunk at a time so a large history is never in memory at once.
 */
export async function* exportEndpoint(db: DB, endpoint: EndpointConfig, opts: Pick<ExportOptions, 'now'> = {}): AsyncGenerator<string> {
  const ref = endpointRef(endpoint);
  // Detection needs the first received events before any line is written.
  const sample: StreamEvent[] = [];
  for await (const chunk of allEvents(db, endpoint.id)) {
    sample.push(...chunk.filter((e) => e.dir === 'in').slice(0, DETECT_SAMPLE - sample.length));
    if (sample.length >= DETECT_SAMPLE) break;
  }
  const family = familyResolver(new Map([[endpoint.id, endpoint]]), sample)(endpoint.id);

  yield headerLine([{ ref, cfg: endpoint }], opts.now ?? Date.now());
  for await (const chunk of allEvents(db, endpoint.id)) {
    yield `${chunk.map((ev) => eventLine(ev, ref, typeEvent(ev, family, endpoint.customProfile))).join('\n')}\n`;
  }
}

/** Collects parts (from any export, NDJSON unless `type` says otherwise) into a downloadable Blob. */
export async function ndjsonBlob(parts: Iterable<string> | AsyncIterable<string>, type = NDJSON_MIME): Promise<Blob> {
  const all: string[] = [];
  for await (const p of parts) all.push(p);
  return new Blob(all, { type });
}

/** `streamscope-<what>-<local date-time>.<ext>`, safe on every file system. */
export function exportFileName(what: string, now = Date.now(), ext: 'ndjson' | 'har' = 'ndjson'): string {
  const slug = what.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '') || 'export';
  return `streamscope-${slug}-${localDateTime(now).replace(/[-:]/g, '').replace('T', '-')}.${ext}`;
}
