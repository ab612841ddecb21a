import type { CustomProfile } from '../config/custom-profile';
import type { StreamEvent } from '../model/event';
import type { Family, TypedStreamEvent } from '../model/typed';
import { typeForStore } from '../protocols';
import { foldEvent, type EndpointState } from '../state';
import { batch, define } from '../state/immutable';
import { statePatch } from '../state/patch';
import { packJson, packState } from './packing';
import type { ChunkInfo, ChunkTyping, DirCounts, EndpointCounters, Snapshot } from './schema';

/**
 * What the store derives from events as it persists them: each event's typed type and schema
 * verdict, per-chunk summaries, per-endpoint counters and folded state with snapshots.
 * Pure functions over plain data, shared by the writer, the v1 migration and rebuilds.
 */

export const emptyDirs = (): DirCounts => ({ in: 0, out: 0, sys: 0 });

export const emptyCounters = (): EndpointCounters => ({
  count: 0,
  bytes: 0,
  lastSeq: 0,
  types: {},
  gaps: 0,
  duplicates: 0,
  malformed: 0,
  invalid: 0,
  dirs: emptyDirs(),
});

/** Adds `n` to a count by name; names come from events, so `__proto__` and `constructor` are plain keys. */
function bump(counts: Record<string, number>, key: string, n: number): void {
  const next = (Object.hasOwn(counts, key) ? counts[key]! : 0) + n;
  if (next > 0) define(counts, key, next);
  else delete counts[key];
}

/** Markers counted apart, by kind. */
const MARKER_COUNTERS = { gap: 'gaps', duplicate: 'duplicates', malformed: 'malformed' } as const;

export interface TypedChunk {
  typing: ChunkTyping;
  /** Summary without its key (the chunk's cid is known once it is added). */
  info: Omit<ChunkInfo, 'cid'>;
  events: TypedStreamEvent[];
}

/**
 * Types the events of one chunk (one endpoint, oldest first) with the endpoint's family (and
 * custom definition), as far as the store and the fold need (`typeForStore`: no summaries).
 */
export function typeChunk(endpointId: string, events: readonly StreamEvent[], family: Family, custom?: CustomProfile): TypedChunk {
  const names: string[] = [];
  const at: number[] = [];
  const invalid: number[] = [];
  const slot = new Map<string, number>();
  const info: Omit<ChunkInfo, 'cid'> = {
    endpointId,
    firstSeq: events[0]!.seq,
    lastSeq: events[events.length - 1]!.seq,
    count: events.length,
    t0: events[0]!.time,
    t1: events[events.length - 1]!.time,
    bytes: 0,
    types: {},
    dirs: emptyDirs(),
    invalid: 0,
    gaps: 0,
    duplicates: 0,
    malformed: 0,
  };
  const typedEvents = events.map((ev, i) => {
    const typed = typeForStore(ev, family, custom);
    let k = slot.get(typed.type);
    if (k === undefined) {
      k = names.push(typed.type) - 1;
      slot.set(typed.type, k);
    }
    at.push(k);
    info.bytes += ev.size;
    bump(info.types, typed.type, 1);
    info.dirs[ev.dir]++;
    if (typed.issues.length > 0) {
      invalid.push(i);
      info.invalid++;
    }
    if (ev.dir === 'sys' && Object.hasOwn(MARKER_COUNTERS, typed.type)) info[MARKER_COUNTERS[typed.type as keyof typeof MARKER_COUNTERS]]++;
    return { ...ev, typed };
  });
  return { typing: { names, at, invalid }, info, events: typedEvents };
}

/** Counters with a chunk's summary added (sign 1) or taken away (sign -1). */
export function addSummary<C extends EndpointCounters>(c: C, s: Omit<ChunkInfo, 'cid'>, sign: 1 | -1): C {
  const types = { ...c.types };
  for (const [t, n] of Object.entries(s.types)) bump(types, t, sign * n);
  const dirs = { in: c.dirs.in + sign * s.dirs.in, out: c.dirs.out + sign * s.dirs.out, sys: c.dirs.sys + sign * s.dirs.sys };
  return {
    ...c,
    count: c.count + sign * s.count,
    bytes: c.bytes + sign * s.bytes,
    types,
    dirs,
    invalid: c.invalid + sign * s.invalid,
    gaps: c.gaps + sign * s.gaps,
    duplicates: c.duplicates + sign * s.duplicates,
    malformed: c.malformed + sign * s.malformed,
  };
}

/** Events folded between snapshots at least... */
export const SNAPSHOT_MIN_EVENTS = 1000;
/** ...and at most (a large state is snapshotted less often, to bound the disk it costs). */
export const SNAPSHOT_MAX_EVENTS = 4_000;
/**
 * A snapshot costs the disk about as much as this many bytes (packed) per event folded. Packing
 * a large state (~800 KB of JSON) takes ~14 ms: at 64 B that was two thirds of the fold's time
 * on such a stream. At 32 a jump over such a state (~70 KB packed) folded up to 2,000 events,
 * and its p95 over 1M stored was ~110 ms; at 48 it folds up to ~1,460 (1,000 in chunks of
 * 1,000) and its p95 is 86–97 ms. Such a stream pays 16 B more per event for it (35 B when
 * chunks of 1,000 round the spacing down); a small state's snapshot is ~100 B, next to nothing.
 */
const SNAPSHOT_BYTES_PER_EVENT = 48;
/** Fold time after which a snapshot is taken early, so a jump never refolds much longer. */
export const SNAPSHOT_BUDGET_MS = 40;
/**
 * A snapshot is a delta (only what changed since the last full one) while its patch's JSON is
 * at most this fraction of that full state's. Packing a large state in full is most of what a
 * snapshot costs (the demo's dashboard, ~800 KB of JSON: ~16 ms); its patch after one spacing
 * is ~18% of it (~5 ms with finding it), after two ~35%. A jump to a delta unpacks the full state
 * and the patch: at 0.4 (two deltas after each full snapshot) the random jump's p95 over 1M
 * stored went from 29-47 ms to 93 ms; at 0.25 one delta follows each full snapshot on such a
 * stream, and a jump unpacks a quarter more at most.
 */
const DELTA_MAX = 0.25;
/**
 * Deltas after one full snapshot, at most: a state that barely changes (a board where one card
 * moves) would otherwise have them for ever, and a retention cut after its full snapshot stores
 * every delta up to the next one in full (their base is deleted).
 */
const DELTAS_PER_FULL = 3;

/** The last full snapshot a folder took: what its deltas are patches of. */
export interface SnapshotBase {
  seq: number;
  state: EndpointState;
  /** Bytes of the state's JSON. */
  size: number;
  /** Delta snapshots taken against it so far. */
  deltas: number;
}

/** One endpoint's folded state and when its next snapshot is due. Immutable: fold returns a new one. */
export interface Folder {
  state: EndpointState;
  /** Seq of the last event folded in (0: none). */
  seq: number;
  /** Events folded since the last snapshot, and the time that took. */
  since: number;
  foldMs: number;
  /** Events between snapshots, from the size of the last full one, and at least `min`. */
  every: number;
  min: number;
  /** None until a full snapshot is taken (and after retention deletes it). */
  base?: SnapshotBase;
}

export const newFolder = (state: EndpointState, seq: number, min = SNAPSHOT_MIN_EVENTS): Folder => ({ state, seq, since: 0, foldMs: 0, every: min, min });

/** Folds one endpoint's typed events into its state (the same fold a page does from zero). */
export function foldInto(state: EndpointState, events: readonly TypedStreamEvent[], run = batch): EndpointState {
  if (events.length === 0) return state;
  const id = events[0]!.endpointId;
  return run(() => {
    let merged = { endpoints: { [id]: state } };
    for (const ev of events) merged = foldEvent(merged, ev);
    return merged.endpoints[id]!;
  });
}

/**
 * Whether to snapshot after a chunk of `size` events: at least `min` events since the last, and
 * `every` reached, or closer now than after another chunk like this one. Waiting for `every`
 * itself made the spacing up to twice it: with chunks of 1,000 and `every` at 1,016, a snapshot
 * came every 2,000 events and a jump folded twice as much.
 */
const snapshotDue = (f: Folder, size: number): boolean => f.since >= f.min && f.since + size / 2 >= f.every;

/**
 * Folds a chunk's events and returns the folder after them with the snapshots now due
 * (at most one per chunk: at its last event).
 */
export function foldChunk(f: Folder, events: readonly TypedStreamEvent[], now: () => number = () => performance.now()): { folder: Folder; snapshot?: Snapshot } {
  if (events.length === 0) return { folder: f };
  const t0 = now();
  const state = foldInto(f.state, events);
  const last = events[events.length - 1]!;
  const next: Folder = { ...f, state, seq: last.seq, since: f.since + events.length, foldMs: f.foldMs + (now() - t0) };
  if (!snapshotDue(next, events.length) && !(next.foldMs >= SNAPSHOT_BUDGET_MS && next.since >= Math.min(100, f.min))) return { folder: next };
  const delta = f.base && deltaOf(state, last.endpointId, last.seq, f.base);
  if (f.base && delta) return { folder: { ...next, since: 0, foldMs: 0, base: { ...f.base, deltas: f.base.deltas + 1 } }, snapshot: delta };
  const snapshot: Snapshot = { endpointId: last.endpointId, seq: last.seq, ...packState(state) };
  const every = Math.min(SNAPSHOT_MAX_EVENTS, Math.max(f.min, Math.ceil(snapshot.packed.length / SNAPSHOT_BYTES_PER_EVENT)));
  return { folder: { ...next, since: 0, foldMs: 0, every, base: { seq: last.seq, state, size: snapshot.size, deltas: 0 } }, snapshot };
}

/** The delta snapshot of `state` against `base`, when `base` has room for one and the patch is small enough. */
function deltaOf(state: EndpointState, endpointId: string, seq: number, base: SnapshotBase): Snapshot | undefined {
  if (base.deltas >= DELTAS_PER_FULL) return undefined;
  const json = JSON.stringify(statePatch(base.state, state) ?? {});
  return json.length <= base.size * DELTA_MAX ? { endpointId, seq, base: base.seq, ...packJson(json) } : undefined;
}

/** The folder without its base when retention deleted that snapshot (a cut at `horizon`): its next snapshot is full. */
export const cutBase = (f: Folder, horizon: number): Folder => (f.base && f.base.seq < horizon ? { ...f, base: undefined } : f);
