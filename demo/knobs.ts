/** Per-connection query parameters that shape a stream or inject faults. */

export interface Knobs {
  rate?: number;
  size?: number;
  count?: number;
  seed?: number;
  dropAfter?: number;
  malformedEvery?: number;
  stallHeartbeat: boolean;
  status?: number;
  contentType?: string;
  hugeEvery?: number;
  hugeBytes: number;
  binaryEvery?: number;
}

/** What each knob does, for the CLI banner and `GET /`. */
export const KNOB_HELP = {
  rate: 'events/s multiplier (1 = about one event a second; 20000 = load test)',
  size: 'pad each payload to about N bytes (a "pad" field)',
  count: 'stop after N events (SSE ends the response, WS closes 1000)',
  seed: 'content seed (same seed, same stream)',
  dropAfter: 'drop abruptly after N events (SSE socket destroyed, WS 1006)',
  malformedEvery: 'every K-th event carries broken JSON (SSE keeps its id)',
  stallHeartbeat: '1 = SSE sends no heartbeats; WS goes silent after its first event and ignores pings',
  status: 'answer with this HTTP status and a short body (e.g. 500, 204, 404)',
  contentType: 'serve the SSE stream with this content type (e.g. text/plain)',
  hugeEvery: 'every K-th event is huge (see hugeBytes)',
  hugeBytes: 'size of the huge events in bytes (default 2000000)',
  binaryEvery: 'WS: every K-th frame is binary (the UTF-8 bytes of its JSON)',
} as const satisfies Record<keyof Knobs, string>;

const DEFAULT_HUGE_BYTES = 2_000_000;

/** Not a knob, but also not part of the stream's identity. */
const RESUME_PARAM = 'lastEventId';

export type KnobsResult = { ok: true; knobs: Knobs } | { ok: false; message: string };

type Check = (n: number) => boolean;
const positive: Check = (n) => n > 0;
const atLeast = (min: number): Check => (n) => Number.isInteger(n) && n >= min;

const NUMERIC: Partial<Record<keyof Knobs, [Check, string]>> = {
  rate: [positive, 'a positive number'],
  size: [atLeast(0), 'an integer >= 0'],
  count: [atLeast(0), 'an integer >= 0'],
  seed: [Number.isInteger, 'an integer'],
  dropAfter: [atLeast(0), 'an integer >= 0'],
  malformedEvery: [atLeast(1), 'an integer >= 1'],
  status: [(n) => Number.isInteger(n) && n >= 100 && n <= 599, 'an HTTP status (100-599)'],
  hugeEvery: [atLeast(1), 'an integer >= 1'],
  hugeBytes: [atLeast(1), 'an integer >= 1'],
  binaryEvery: [atLeast(1), 'an integer >= 1'],
};

export function parseKnobs(query: URLSearchParams): KnobsResult {
  const knobs: Knobs = { stallHeartbeat: false, hugeBytes: DEFAULT_HUGE_BYTES };
  const numbers: Partial<Record<keyof Knobs, number>> = {};
  for (const [name, [check, expected]] of Object.entries(NUMERIC) as [keyof Knobs, [Check, string]][]) {
    const raw = query.get(name);
    if (raw === null) continue;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
      return { ok: false, message: `Bad knob ${name}=${raw}: expected ${expected}.` };
    }
    numbers[name] = n;
  }
  Object.assign(knobs, numbers);
  const stall = query.get('stallHeartbeat');
  if (stall !== null) {
    if (!['1', '0', 'true', 'false'].includes(stall)) return { ok: false, message: `Bad knob stallHeartbeat=${stall}: expected 1 or 0.` };
    knobs.stallHeartbeat = stall === '1' || stall === 'true';
  }
  const contentType = query.get('contentType');
  if (contentType) knobs.contentType = contentType;
  return { ok: true, knobs };
}

/** How a connection ends on its own: after `limit` events, cleanly or by dropping the socket. */
export function endRule(k: Knobs): { limit: number; drop: boolean } {
  const count = k.count ?? Infinity;
  const dropAfter = k.dropAfter ?? Infinity;
  return dropAfter <= count ? { limit: dropAfter, drop: true } : { limit: count, drop: false };
}

/** A stream's identity (stats key, content salt): path and query minus knobs and the resume point. */
export function streamKey(url: URL): string {
  const kept = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    if (!Object.hasOwn(KNOB_HELP, name) && name !== RESUME_PARAM) kept.append(name, value);
  }
  const query = kept.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The SSE resume point: the Last-Event-ID header wins over the `lastEventId` query parameter. */
export function resumeAfter(header: string | undefined, url: URL): number {
  const raw = header ?? url.searchParams.get(RESUME_PARAM) ?? '';
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : 0;
}
