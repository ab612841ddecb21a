import { deflateSync, inflateSync } from 'fflate';
import type { StreamEvent } from '../model/event';
import type { EndpointState } from '../state';
import type { Chunk } from './schema';

/*
 * How a chunk keeps its events on disk: the events as JSON (without the endpoint id, which is
 * the chunk's), compressed with raw DEFLATE. IndexedDB compresses values itself (snappy), but a
 * chunk of JSON frames still cost ~160 B per realistic event that way; DEFLATE over the whole
 * chunk finds the repeats between events (keys, ids, words) and writes ~100 B. It also makes the
 * value handed to IndexedDB a single byte array, which is far cheaper to clone than thousands of
 * event objects.
 *
 * Packing is synchronous (fflate): it runs inside IndexedDB transactions (the upgrade), which an
 * `await` on anything else would end, and at level 3 it is several times faster than the
 * browser's CompressionStream at its fixed default level. Reading has both: the browser's own
 * DecompressionStream where the caller can wait, fflate inside a transaction.
 */

/** Lower levels pack faster and bigger: on realistic JSON, 3 wrote ~18% more than 6 in ~70% of its time. */
const LEVEL = 3;

type Packable = Omit<StreamEvent, 'endpointId'>;
type Packed = Pick<Chunk, 'endpointId' | 'packed'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The UTF-8 of the last chunks packed, reused: `encodeInto` a buffer that is already there is
 * several times faster than `encode`, which allocates its result for every chunk. It grows to
 * the largest chunk's JSON (three bytes per character at most), up to SCRATCH_MAX.
 */
let scratch = new Uint8Array(0);
/** A chunk of huge frames is encoded on its own: the reused buffer stays this size at most. */
const SCRATCH_MAX = 12 * 2 ** 20;

function utf8(text: string): Uint8Array {
  if (text.length * 3 > SCRATCH_MAX) return encoder.encode(text);
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

/** One endpoint's events, as a chunk stores them. */
export function packEvents(events: readonly StreamEvent[]): Uint8Array {
  const rows: Packable[] = events.map(({ endpointId: _, ...rest }) => rest);
  return deflateSync(utf8(JSON.stringify(rows)), { level: LEVEL });
}

/** The events of a chunk's JSON text (what `chunkJson` gives), for the chunk's endpoint. */
export const eventsFromJson = (endpointId: string, json: string): StreamEvent[] => (JSON.parse(json) as Packable[]).map((row) => ({ endpointId, ...row }));

/**
 * A stored chunk's events as the JSON text they were packed from, not parsed: a search looks
 * for its words in it first and parses only the chunks that may hold a match.
 */
export const chunkJson = ({ packed }: Pick<Chunk, 'packed'>): Promise<string> =>
  new Response(new Blob([packed as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();

/** A stored chunk's events, oldest first. */
export const chunkEvents = async (chunk: Packed): Promise<StreamEvent[]> => eventsFromJson(chunk.endpointId, await chunkJson(chunk));

/** `chunkEvents` without waiting, for inside a transaction. */
export const chunkEventsNow = ({ endpointId, packed }: Packed): StreamEvent[] => eventsFromJson(endpointId, decoder.decode(inflateSync(packed)));

/**
 * A folded state as a snapshot stores it: its JSON, compressed like a chunk. A large state
 * (2,000 entities with their latest payloads) is ~60 KB this way instead of ~760 KB of cloned
 * objects, which also keeps it under the size at which IndexedDB moves a value to a file of
 * its own. The state is plain data (the snapshot spacing was always sized by its JSON).
 */
export const packState = (state: EndpointState): Uint8Array => deflateSync(utf8(JSON.stringify(state)), { level: LEVEL });

/** A snapshot's state; synchronous, so it can be read inside a transaction. */
export const unpackState = (packed: Uint8Array): EndpointState => JSON.parse(decoder.decode(inflateSync(packed))) as EndpointState;
