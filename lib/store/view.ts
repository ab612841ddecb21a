/**
 * The read side of the store for pages: the only module the panel (and its search Worker) calls
 * to read history. Callers never touch object stores or the chunk encoding.
 *
 * Shapes follow the issue #10 contract. This version reads the v1 layout directly: the index
 * and the counters are built by a cursor over the chunks, and a state is folded from the
 * endpoint's first stored event.
 */
import type { StreamEvent } from '../model/event';
import type { Family, TypedStreamEvent } from '../model/typed';
import { typeEvent } from '../protocols';
import { emptySlice, foldEvent, type EndpointState, type MergedState } from '../state';
import type { Chunk, DB } from './schema';
import { allEvents } from './reader';
import { familyOf } from './family';

/** A stored event with its typed `type` (profile type name; marker kind for sys) and schema verdict. */
export type StoredEvent = StreamEvent & { type: string; valid: boolean };

export interface DirCounts {
  in: number;
  out: number;
  sys: number;
}

/** One chunk as the index knows it: enough to place, count and skip it without reading events. */
export interface ChunkInfo {
  /** Global write order. */
  cid: number;
  endpointId: string;
  firstSeq: number;
  lastSeq: number;
  /** Events in the chunk. */
  count: number;
  /** Receive time of the first / last event. */
  t0: number;
  t1: number;
  bytes: number;
  /** Typed event type -> count. */
  types: Record<string, number>;
  dirs: DirCounts;
  /** Events that failed their schema. */
  invalid: number;
}

/** Whole-store counters of one endpoint. */
export interface EndpointCounters {
  count: number;
  bytes: number;
  firstTime?: number;
  lastTime?: number;
  lastSeq: number;
  types: Record<string, number>;
  /** `gap` / `duplicate` / `malformed` markers. */
  gaps: number;
  duplicates: number;
  malformed: number;
  invalid: number;
  dirs: DirCounts;
}

function storedEvents(chunk: Chunk, family: Family): StoredEvent[] {
  return chunk.events.map((ev) => {
    const typed = typeEvent(ev, family);
    return { ...ev, type: typed.type, valid: typed.issues.length === 0 };
  });
}

function summarise(chunk: Chunk, events: StoredEvent[]): ChunkInfo {
  const info: ChunkInfo = {
    cid: chunk.cid!,
    endpointId: chunk.endpointId,
    firstSeq: chunk.firstSeq,
    lastSeq: chunk.lastSeq,
    count: events.length,
    t0: chunk.t0,
    t1: chunk.t1,
    bytes: chunk.bytes,
    types: {},
    dirs: { in: 0, out: 0, sys: 0 },
    invalid: 0,
  };
  for (const e of events) {
    info.types[e.type] = (info.types[e.type] ?? 0) + 1;
    info.dirs[e.dir]++;
    if (!e.valid) info.invalid++;
  }
  return info;
}

/** Families of the endpoints met during one read, so each is resolved once. */
function familyCache(db: DB): (endpointId: string) => Promise<Family> {
  const known = new Map<string, Promise<Family>>();
  return (id) => {
    let f = known.get(id);
    if (!f) known.set(id, (f = familyOf(db, id)));
    return f;
  };
}

/** The whole history's index, oldest chunk first (optionally one endpoint). */
export async function readChunkIndex(db: DB, endpointId?: string): Promise<ChunkInfo[]> {
  const family = familyCache(db);
  const chunks =
    endpointId === undefined
      ? await db.getAll('chunks')
      : await db.getAllFromIndex('chunks', 'byEndpoint', IDBKeyRange.bound([endpointId, 0], [endpointId, Infinity]));
  const out: ChunkInfo[] = [];
  for (const c of chunks) out.push(summarise(c, storedEvents(c, await family(c.endpointId))));
  return out.sort((a, b) => a.cid - b.cid);
}

/** The events of one chunk, oldest first; empty when the chunk is gone (retention, clear). */
export async function readChunk(db: DB, cid: number): Promise<StoredEvent[]> {
  const chunk = await db.get('chunks', cid);
  return chunk ? storedEvents(chunk, await familyOf(db, chunk.endpointId)) : [];
}

const emptyCounters = (): EndpointCounters => ({
  count: 0,
  bytes: 0,
  lastSeq: 0,
  types: {},
  gaps: 0,
  duplicates: 0,
  malformed: 0,
  invalid: 0,
  dirs: { in: 0, out: 0, sys: 0 },
});

/** Whole-store counters per endpoint. */
export async function readCounters(db: DB): Promise<Map<string, EndpointCounters>> {
  const out = new Map<string, EndpointCounters>();
  for (const m of await db.getAll('meta')) {
    out.set(m.endpointId, { ...emptyCounters(), lastSeq: m.lastSeq, firstTime: m.firstTime, lastTime: m.lastTime });
  }
  for (const info of await readChunkIndex(db)) {
    let c = out.get(info.endpointId);
    if (!c) out.set(info.endpointId, (c = emptyCounters()));
    c.count += info.count;
    c.bytes += info.bytes;
    c.lastSeq = Math.max(c.lastSeq, info.lastSeq);
    c.invalid += info.invalid;
    for (const d of ['in', 'out', 'sys'] as const) c.dirs[d] += info.dirs[d];
    for (const [t, n] of Object.entries(info.types)) c.types[t] = (c.types[t] ?? 0) + n;
    if (info.dirs.sys > 0) {
      c.gaps += info.types.gap ?? 0;
      c.duplicates += info.types.duplicate ?? 0;
      c.malformed += info.types.malformed ?? 0;
    }
  }
  return out;
}

/**
 * The endpoint's state after every stored event with seq <= atSeq (latest when omitted), and
 * the seq of the last event folded in (0 when none).
 */
export async function stateAt(db: DB, endpointId: string, atSeq = Infinity): Promise<{ state: EndpointState; seq: number }> {
  const family = await familyOf(db, endpointId);
  let merged: MergedState = { endpoints: { [endpointId]: emptySlice(family) } };
  let seq = 0;
  for await (const events of allEvents(db, endpointId)) {
    for (const ev of events) {
      if (ev.seq > atSeq) return { state: merged.endpoints[endpointId]!, seq };
      const typedEv: TypedStreamEvent = { ...ev, typed: typeEvent(ev, family) };
      merged = foldEvent(merged, typedEv);
      seq = ev.seq;
    }
  }
  return { state: merged.endpoints[endpointId]!, seq };
}

/** Seq of the endpoint's (or any endpoint's) last event received at or before `time`. */
export async function seqAtTime(db: DB, endpointId: string | undefined, time: number): Promise<{ endpointId: string; seq: number } | undefined> {
  let best: StreamEvent | undefined;
  for await (const events of allEvents(db, endpointId)) {
    for (const ev of events) {
      if (ev.time <= time && (!best || ev.time >= best.time)) best = ev;
    }
  }
  return best && { endpointId: best.endpointId, seq: best.seq };
}
