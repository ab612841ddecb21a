import { configErrors, DEFAULT_RETENTION, newEndpoint, type EndpointConfig, type ProfileChoice } from '../config/endpoint';
import { appendEndpoints, type StorageArea } from '../config/stored';
import type { StreamEvent, Transport } from '../model/event';
import { request } from '../store/request';
import type { DB } from '../store/schema';
import { EventWriter } from '../store/writer';
import { ImportError } from './import-error';
import { localDateTime } from '../format/units';

/** Where an import's events came from, before it becomes an endpoint. */
export interface RecordingSource {
  name: string;
  url: string;
  transport: Transport;
  profile?: ProfileChoice;
}

/** An event as a file holds it: not yet an endpoint's, no seq. */
export type RecordedEvent = Omit<StreamEvent, 'seq' | 'endpointId'>;

/**
 * One endpoint's events as read from a file, before it becomes an endpoint: what the command
 * line serves and converts, and what an import turns into a recording.
 */
export interface RecordedStream {
  /** `id` is the endpoint's id in the file, when the file names one (Streamscope's own exports). */
  source: RecordingSource & { id?: string };
  /** Where in the file the stream starts, to point problems there: `line 3`, `entry 2`. */
  where: string;
  events: RecordedEvent[];
}

/** One validated recording, ready to write: `events` carry the new endpoint's id, no seq yet. */
export interface RecordingPlan {
  endpoint: EndpointConfig;
  events: Omit<StreamEvent, 'seq'>[];
}

export interface ImportResult {
  /** New read-only endpoints; the caller adds them to storage (`addRecordingEndpoints`). */
  endpoints: EndpointConfig[];
  events: number;
}

/** Imported history is old by nature: age-based retention would delete it on its next pass. */
const RECORDING_MAX_AGE_DAYS = 36_500;

/**
 * A new read-only endpoint for imported events, or the reason its config would be invalid
 * (an import must not store an endpoint that the settings then reject).
 */
export function recordingEndpoint(src: RecordingSource, events: number, importedAt: number): EndpointConfig | string {
  const cfg = newEndpoint({
    name: `Recording: ${src.name.trim() || src.url} (imported ${localDateTime(importedAt).slice(0, 16).replace('T', ' ')})`,
    url: src.url,
    transport: src.transport,
    profile: src.profile ?? 'auto',
    enabled: false,
    recording: true,
    retention: { maxEvents: Math.max(DEFAULT_RETENTION.maxEvents, events), maxAgeDays: RECORDING_MAX_AGE_DAYS },
  });
  const errors = configErrors(cfg);
  if (!errors) return cfg;
  const [field, message] = Object.entries(errors)[0] ?? ['config', 'invalid'];
  return `${field === 'url' ? `URL "${src.url}"` : field}: ${message}`;
}

/**
 * Recordings for the streams read from a file, each a new read-only endpoint. Throws ImportError
 * naming the stream's place in the file when an endpoint would be invalid.
 */
export function recordingPlans(streams: readonly RecordedStream[], importedAt: number): RecordingPlan[] {
  const problems: string[] = [];
  const plans: RecordingPlan[] = [];
  for (const s of streams) {
    const endpoint = recordingEndpoint(s.source, s.events.length, importedAt);
    if (typeof endpoint === 'string') problems.push(`${s.where}: ${endpoint}`);
    else plans.push({ endpoint, events: s.events.map((e) => ({ endpointId: endpoint.id, ...e })) });
  }
  if (problems.length > 0) throw new ImportError(problems);
  return plans;
}

/** Events per flush: chunks the size live recording makes under load. */
const BATCH = 5000;

/**
 * Writes validated plans through an EventWriter, so recordings get sequence numbers and chunks
 * like live endpoints. On a write failure, everything written for these endpoints is removed.
 */
export async function writeRecordings(db: DB, plans: RecordingPlan[]): Promise<ImportResult> {
  let failure: string | undefined;
  const profiles = new Map(plans.map((p) => [p.endpoint.id, p.endpoint.profile]));
  const writer = new EventWriter(db, { error: (m) => (failure ??= m) }, { maxBatch: BATCH, profileOf: (id) => profiles.get(id) });
  await writer.init();
  const events = plans.flatMap((p) => p.events);
  for (let i = 0; i < events.length && failure === undefined; i++) {
    writer.append(events[i]!);
    if ((i + 1) % BATCH === 0) await writer.flush();
  }
  await writer.flush();
  if (failure !== undefined) {
    // The writer keeps a failed batch to retry it; park it for good so it cannot bring the recording back.
    void writer.exclusive(() => new Promise<never>(() => {}));
    await discard(db, plans.map((p) => p.endpoint.id));
    throw new ImportError([failure]);
  }
  return { endpoints: plans.map((p) => p.endpoint), events: events.length };
}

async function discard(db: DB, endpointIds: string[]): Promise<void> {
  const tx = db.transaction(['chunks', 'typing', 'terms', 'index', 'snapshots', 'meta'], 'readwrite');
  for (const id of endpointIds) {
    const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
    for (const k of await tx.objectStore('chunks').index('byEndpoint').getAllKeys(range)) {
      request(tx.objectStore('chunks').delete(k));
      request(tx.objectStore('typing').delete(k));
      request(tx.objectStore('terms').delete(k));
    }
    for (const k of await tx.objectStore('index').index('byEndpoint').getAllKeys(range)) request(tx.objectStore('index').delete(k));
    request(tx.objectStore('snapshots').delete(range));
    request(tx.objectStore('meta').delete(id));
  }
  await tx.done;
}

/** Appends recordings to the stored endpoint list, leaving every existing entry as it was. */
export async function addRecordingEndpoints(storage: StorageArea, endpoints: EndpointConfig[]): Promise<void> {
  if (endpoints.length > 0) await appendEndpoints(storage, endpoints);
}
