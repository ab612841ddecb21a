import { deflateSync, inflateSync } from 'fflate';
import type { StreamEvent } from '../model/event';
import type { EndpointState } from '../state';
import type { StatePatch } from '../state/patch';
import type { Chunk, Snapshot } from './schema';
import { chunkTerms, type ChunkTerms } from '../query/terms';
import { fieldRanges } from '../query/field-ranges';

/*
 * How a chunk keeps its events on disk: the events as JSON (without the endpoint id, which is
 * the chunk's), UTF-8, compressed with raw DEFLATE. IndexedDB compresses values itself (snappy), but a
 * chunk of JSON frames still cost ~160 B per realistic event that way; DEFLATE over the whole
 * chunk finds the repeats between events (keys, ids, words) and writes ~100 B. It also makes the
 * value handed to IndexedDB a single byte array, which is far cheaper to clone than thousands of
 * event objects.
 *
 * A chunk DEFLATE barely shrinks (already compressed or encrypted data, sent as-is) is stored as
 * its UTF-8 JSON instead (`codec: 'none'`): reading it back is then a text decode, with no inflate.
 * The chunk also records the JSON's size in bytes, so reading inflates into a buffer of that size
 * allocated once: several times faster than letting the output grow. Chunks written before these
 * two fields existed are DEFLATE of unknown size, and still read.
 *
 * Packing is synchronous (fflate): it runs inside IndexedDB transactions (the upgrade), which an
 * `await` on anything else would end, and at level 3 it is several times faster than the
 * browser's CompressionStream at its fixed default level. Reading is synchronous too: fflate into
 * a buffer of the known size took a quarter of the time of the browser's DecompressionStream.
 */

/** Lower levels pack faster and bigger: on realistic JSON, 3 wrote ~18% more than 6 in ~70% of its time. */
const LEVEL = 3;

/**
 * DEFLATE is kept only when it saves at least this fraction of the UTF-8; below, the chunk is
 * stored as it is. A sample of the chunk is tried first: one that does not shrink spares the
 * writer compressing the rest.
 */
const MIN_SAVING = 0.5;
const SAMPLE_BYTES = 32 * 1024;
/**
 * A sample's DEFLATE overstates the whole chunk's size a little (a smaller window finds fewer
 * repeats): on realistic JSON a 32 KB sample came to 0.173 of its size where the chunk came to
 * 0.156, 10% over; on random text the two were equal (0.559, 0.561). A sample above the kept size
 * by more than this factor rules the chunk out. With a looser margin (0.1 of the chunk's size),
 * chunks DEFLATE shrinks to 56% (events each carrying ~250 random characters of base64-like text)
 * were compressed whole and then stored as they are: 14 ms thrown away per 1,000 events.
 */
const SAMPLE_SLACK = 1.1;

/** An event as a chunk's JSON holds it: the chunk names the endpoint. */
export type PackedRow = Omit<StreamEvent, 'endpointId'>;
/** What a chunk stores of its events: see `Chunk`. */
export type PackedEvents = Pick<Chunk, 'packed' | 'codec' | 'size'>;
type Packed = Pick<Chunk, 'endpointId'> & PackedEvents;
/** What a snapshot stores of its state: see `Snapshot`. */
export type PackedState = Pick<Snapshot, 'packed' | 'size'>;

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

/** Whether DEFLATE shrinks `bytes` by MIN_SAVING, and the DEFLATE if it does. */
function deflated(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length > 2 * SAMPLE_BYTES) {
    const sample = bytes.subarray(bytes.length >> 1, (bytes.length >> 1) + SAMPLE_BYTES);
    if (deflateSync(sample, { level: LEVEL }).length > sample.length * (1 - MIN_SAVING) * SAMPLE_SLACK) return undefined;
  }
  const packed = deflateSync(bytes, { level: LEVEL });
  return packed.length <= bytes.length * (1 - MIN_SAVING) ? packed : undefined;
}

/** The filter stored with a chunk of this JSON text (UTF-8): its words, with the ranges of its fields' numbers. */
export function chunkFilter(bytes: Uint8Array): ChunkTerms | undefined {
  const words = chunkTerms(bytes);
  const ranges = words && fieldRanges(bytes);
  return ranges ? { ...words, ranges } : words;
}

/**
 * One endpoint's events, as a chunk stores them, and `terms`, the filter of their words with the
 * ranges of their fields' numbers, which is stored apart from the chunk (lib/query/terms.ts).
 */
export function packEvents(events: readonly StreamEvent[]): PackedEvents & { terms?: ChunkTerms } {
  const rows: PackedRow[] = events.map(({ endpointId: _, ...rest }) => rest);
  const bytes = utf8(JSON.stringify(rows));
  const terms = chunkFilter(bytes);
  const packed = deflated(bytes);
  // The UTF-8 is in the reused buffer: a chunk stored as it is gets a copy of its own.
  return { ...(packed ? { packed, size: bytes.length } : { packed: bytes.slice(), size: bytes.length, codec: 'none' as const }), terms };
}

/** The events of a chunk's JSON text (what `chunkJson` gives), for the chunk's endpoint. */
const eventsFromJson = (endpointId: string, json: string): StreamEvent[] => (JSON.parse(json) as PackedRow[]).map((row) => ({ endpointId, ...row }));

/**
 * The buffer chunks of a known size are inflated into, reused (a search reads hundreds in a row);
 * it grows to the largest, up to SCRATCH_MAX. The text is decoded out of it before the next read.
 */
let inflateScratch = new Uint8Array(0);

function inflated({ packed, size }: PackedEvents): Uint8Array {
  if (size === undefined) return inflateSync(packed);
  if (size > SCRATCH_MAX) return inflateSync(packed, { out: new Uint8Array(size) });
  if (inflateScratch.length < size) inflateScratch = new Uint8Array(Math.max(size, Math.min(SCRATCH_MAX, inflateScratch.length * 2)));
  return inflateSync(packed, { out: inflateScratch.subarray(0, size) });
}

/**
 * A stored chunk's events as the JSON text they were packed from, not parsed: a search looks
 * for its words in it first and parses only the chunks that may hold a match.
 */
export const chunkJson = (chunk: PackedEvents): string => decoder.decode(chunkBytes(chunk));

/**
 * The UTF-8 bytes of `chunkJson`, undecoded; an inflated chunk's are in a buffer the next
 * inflate reuses, so they are for use at once.
 */
export const chunkBytes = (chunk: PackedEvents): Uint8Array => (chunk.codec === 'none' ? chunk.packed : inflated(chunk));

export const decodeUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/** A stored chunk's events, oldest first; synchronous, so it can be read inside a transaction. */
export const chunkEvents = (chunk: Packed): StreamEvent[] => eventsFromJson(chunk.endpointId, chunkJson(chunk));

/**
 * A folded state as a snapshot stores it: its JSON, compressed like a chunk. A large state
 * (three collections of 2,000 entities, each with its trace) is ~60 KB this way instead of
 * ~760 KB of cloned objects, which also keeps it under the size at which IndexedDB moves a value
 * to a file of its own. The state is plain data (the snapshot spacing was always sized by its JSON).
 */
export const packState = (state: EndpointState): PackedState => packJson(JSON.stringify(state));

/** A delta snapshot's patch, from its JSON (which the writer has, to weigh it first), packed the same way. */
export function packJson(json: string): PackedState {
  const bytes = utf8(json);
  return { packed: deflateSync(bytes, { level: LEVEL }), size: bytes.length };
}

const unpackJson = (snapshot: PackedState): unknown => JSON.parse(decoder.decode(inflated(snapshot)));

/** A full snapshot's state; synchronous, so it can be read inside a transaction. */
export const unpackState = (snapshot: PackedState): EndpointState => unpackJson(snapshot) as EndpointState;

/** A delta snapshot's patch (lib/state/patch.ts). */
export const unpackPatch = (snapshot: PackedState): StatePatch => unpackJson(snapshot) as StatePatch;
