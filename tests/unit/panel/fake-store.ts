import type { StreamEvent } from '../../../lib/model/event';
import type { Family } from '../../../lib/model/typed';
import type { ChunkInfo, ChunkTyping, EndpointCounters, StoredEvent, StoreView } from '../../../lib/panel/store-view';
import { chunkFilter } from '../../../lib/store/packing';
import type { ChunkText, RawChunk, RawRead } from '../../../lib/store/view';
import { typeEvent } from '../../../lib/protocols';
import { emptySlice, foldEvent, type MergedState } from '../../../lib/state/index';

interface Chunk {
  info: ChunkInfo;
  events: StoredEvent[];
}

/** The store's read side over chunks held in memory, typed by the real profiles; counts its reads. */
export class FakeStore implements StoreView {
  chunks: Chunk[] = [];
  /** Chunks whose events were read, and chunks whose typing alone was. */
  reads: number[] = [];
  typingReads: number[] = [];
  termReads: number[] = [];
  /** The cids of each batch of reads a search started (chunks or typings; an empty one opens no transaction). */
  batches: number[][] = [];
  /** Chunks without a word filter, as those written before filters were kept. */
  unfiltered = new Set<number>();
  /** `afterCid` of each read of the newest index rows; reads of the whole index. */
  indexReads: number[] = [];
  wholeReads = 0;
  private nextCid = 1;

  constructor(private readonly families: Record<string, Family> = {}) {}

  /** Adds one chunk of events (one endpoint), as a writer flush does. */
  add(events: StreamEvent[]): ChunkInfo {
    const family = this.families[events[0]!.endpointId] ?? 'generic';
    const stored = events.map((e): StoredEvent => {
      const t = typeEvent(e, family);
      return { ...e, type: t.type, valid: t.issues.length === 0 };
    });
    const info: ChunkInfo = {
      cid: this.nextCid++,
      endpointId: events[0]!.endpointId,
      firstSeq: events[0]!.seq,
      lastSeq: events[events.length - 1]!.seq,
      count: events.length,
      t0: events[0]!.time,
      t1: events[events.length - 1]!.time,
      bytes: events.reduce((n, e) => n + e.size, 0),
      types: {},
      dirs: { in: 0, out: 0, sys: 0 },
      invalid: 0,
      gaps: 0,
      duplicates: 0,
      malformed: 0,
    };
    for (const e of stored) {
      info.types[e.type] = (info.types[e.type] ?? 0) + 1;
      info.dirs[e.dir]++;
      if (!e.valid) info.invalid++;
    }
    this.chunks.push({ info, events: stored });
    return info;
  }

  /** Replaces the newest `k` chunks (one endpoint's) with one holding their events, under a new cid, as the writer merges small chunks. */
  mergeNewest(k: number): ChunkInfo {
    const merged = this.chunks.splice(this.chunks.length - k, k).flatMap((c) => c.events);
    return this.add(merged.map(({ type: _t, valid: _v, ...e }) => e));
  }

  /**
   * Replaces the newest `k` chunks (single chunks, several endpoints') with one chunk per endpoint
   * under a shared group, each event with its place in their order, as the writer merges
   * endpoints taking turns (lib/store/compact.ts).
   */
  weaveNewest(k: number): ChunkInfo[] {
    const order = this.chunks.splice(this.chunks.length - k, k).flatMap((c) => c.events);
    const byEndpoint = new Map<string, { events: StreamEvent[]; at: number[] }>();
    order.forEach(({ type: _t, valid: _v, ...e }, place) => {
      const part = byEndpoint.get(e.endpointId) ?? byEndpoint.set(e.endpointId, { events: [], at: [] }).get(e.endpointId)!;
      part.events.push(e);
      part.at.push(place);
    });
    const group = this.nextCid;
    return [...byEndpoint.values()].map((part) => {
      const info = this.add(part.events);
      Object.assign(info, { group, at: Uint16Array.from(part.at) });
      return info;
    });
  }

  readChunkIndex(endpointId?: string): Promise<ChunkInfo[]> {
    if (endpointId === undefined) this.wholeReads++;
    return Promise.resolve(this.chunks.filter((c) => endpointId === undefined || c.info.endpointId === endpointId).map((c) => c.info));
  }

  readChunk(cid: number): Promise<StoredEvent[]> {
    this.reads.push(cid);
    return Promise.resolve(this.chunks.find((c) => c.info.cid === cid)?.events ?? []);
  }

  readChunkTyping(cid: number): Promise<ChunkTyping | undefined> {
    this.typingReads.push(cid);
    return Promise.resolve(this.typingOf(cid));
  }

  /**
   * The chunks as a search reads them (one batch), each one's events as JSON text the way the
   * store packs them, with their typing; undefined if its `keep` rules out its word filter (built
   * from that text as the writer builds it; none for the cids in `unfiltered`, as chunks written
   * before filters), its bytes or its text. The typing is read with the chunk, as the store does.
   */
  readRawChunks(reads: readonly RawRead[]): Promise<RawChunk | undefined>[] {
    if (reads.length > 0) this.batches.push(reads.map((r) => r.cid));
    return reads.map(({ cid, keep }) => {
      const text = this.textOf(cid);
      if (keep?.terms) {
        this.termReads.push(cid);
        const terms = text && !this.unfiltered.has(cid) ? chunkFilter(new TextEncoder().encode(text.json)) : undefined;
        if (terms && !keep.terms(terms)) return Promise.resolve(undefined);
      }
      this.reads.push(cid);
      this.typingReads.push(cid);
      if (!text || (keep && (!keep.bytes(new TextEncoder().encode(text.json)) || !keep.text(text.json)))) return Promise.resolve(undefined);
      const typing = this.typingOf(cid);
      return Promise.resolve(typing && { ...text, typing });
    });
  }

  readChunkTypings(cids: readonly number[]): Promise<ChunkTyping | undefined>[] {
    if (cids.length > 0) this.batches.push([...cids]);
    return cids.map((cid) => this.readChunkTyping(cid));
  }

  private textOf(cid: number): ChunkText | undefined {
    const chunk = this.chunks.find((c) => c.info.cid === cid);
    if (!chunk) return undefined;
    const rows = chunk.events.map(({ endpointId: _, type: _t, valid: _v, ...row }) => row);
    return { endpointId: chunk.info.endpointId, json: JSON.stringify(rows) };
  }

  private typingOf(cid: number): ChunkTyping | undefined {
    const chunk = this.chunks.find((c) => c.info.cid === cid);
    if (!chunk) return undefined;
    const names = [...new Set(chunk.events.map((e) => e.type))];
    return { names, at: chunk.events.map((e) => names.indexOf(e.type)), invalid: chunk.events.flatMap((e, i) => (e.valid ? [] : [i])) };
  }

  readCounters(): Promise<Map<string, EndpointCounters>> {
    const out = new Map<string, EndpointCounters>();
    for (const { info } of this.chunks) {
      let c = out.get(info.endpointId);
      if (!c) out.set(info.endpointId, (c = { count: 0, bytes: 0, lastSeq: 0, types: {}, gaps: 0, duplicates: 0, malformed: 0, invalid: 0, dirs: { in: 0, out: 0, sys: 0 } }));
      c.count += info.count;
      c.lastSeq = Math.max(c.lastSeq, info.lastSeq);
      for (const [t, n] of Object.entries(info.types)) c.types[t] = (c.types[t] ?? 0) + n;
    }
    return Promise.resolve(out);
  }

  async readIndexAfter(afterCid: number): Promise<{ rows: ChunkInfo[]; counters: Map<string, EndpointCounters> }> {
    this.indexReads.push(afterCid);
    return { rows: this.chunks.filter((c) => c.info.cid > afterCid).map((c) => c.info), counters: await this.readCounters() };
  }

  stateAt(endpointId: string, atSeq = Infinity): Promise<{ state: ReturnType<typeof emptySlice>; seq: number }> {
    const family = this.families[endpointId] ?? 'generic';
    let merged: MergedState = { endpoints: { [endpointId]: emptySlice(family) } };
    let seq = 0;
    for (const c of this.chunks) {
      if (c.info.endpointId !== endpointId) continue;
      for (const e of c.events) {
        if (e.seq > atSeq) continue;
        merged = foldEvent(merged, { ...e, typed: typeEvent(e, family) });
        seq = e.seq;
      }
    }
    return Promise.resolve({ state: merged.endpoints[endpointId]!, seq });
  }

  seqAtTime(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
}

/** `n` events of one endpoint from `from`, 10 ms apart, JSON `{"type": ..., "n": seq}`. */
export function events(endpointId: string, from: number, n: number, type: (seq: number) => string = (seq) => (seq % 2 ? 'odd' : 'even')): StreamEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const seq = from + i;
    const data = JSON.stringify({ type: type(seq), n: seq });
    return { endpointId, seq, time: 1_000 + seq * 10, dir: 'in' as const, transport: 'sse' as const, data, size: data.length };
  });
}
