import { EMPTY_CUSTOM_PROFILE, sameCustomProfile, type CustomProfile } from '../config/custom-profile';
import type { ProfileChoice } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { emptySlice } from '../state';
import { addChunkRecords, chunkRecords, deleteChunkRecords, isFinal, mergeable, mergeUnits, type ChunkRecords, type TailUnit } from './compact';
import { addSummary, cutBase, emptyCounters, foldChunk, newFolder, SNAPSHOT_MIN_EVENTS, type Folder } from './derive';
import { foldStored } from './fold-stored';
import { packState } from './packing';
import { DETECT_SAMPLE, tellsFamily } from '../protocols/typing';
import { detected, endpointRange, firstReceived, rebuildEndpoint } from './rebuild';
import { request } from './request';
import type { ChunkInfo, DB, EndpointMeta, Snapshot } from './schema';

export interface WriterHooks {
  /** Events of a flush are on disk (meta counters updated). */
  persisted?(events: StreamEvent[]): void;
  /** The in-memory queue of an endpoint crossed the bound (true) or drained below it (false). */
  overload?(endpointId: string, overloaded: boolean): void;
  /** A write failed for a reason other than quota; events stay queued and are retried. */
  error?(message: string): void;
  /** The disk was full: `evicted` oldest events were deleted to make room. */
  quota?(evicted: number): void;
}

export interface WriterOptions {
  /** Flush when this many events are queued... */
  maxBatch: number;
  /** ...or this long after the first queued event. */
  maxDelayMs: number;
  /** Queued events per endpoint above which the endpoint is reported overloaded. */
  overloadAt: number;
  /** The endpoint's configured profile; undefined counts as `auto` (detected from its first events). */
  profileOf: (endpointId: string) => ProfileChoice | undefined;
  /** The endpoint's custom profile definition (read when its profile is `custom`). */
  customOf: (endpointId: string) => CustomProfile | undefined;
  /** Events folded between state snapshots, at least (tests use few). */
  snapshotMin: number;
}

const DEFAULTS: WriterOptions = { maxBatch: 5000, maxDelayMs: 30, overloadAt: 100_000, profileOf: () => undefined, customOf: () => undefined, snapshotMin: SNAPSHOT_MIN_EVENTS };

const newMeta = (endpointId: string, family: Family, profile: ProfileChoice): EndpointMeta => ({
  endpointId,
  ...emptyCounters(),
  family,
  profile,
  detected: 0,
});

/** What one flush writes for one endpoint, applied to memory once the transaction is done. */
interface EndpointWrite {
  chunks: ChunkRecords[];
  snapshots: Snapshot[];
  meta: EndpointMeta;
  folder: Folder;
  samples?: StreamEvent[];
}

/** Events a flush's chunks may hold to be woven into one group: a place is a Uint16. */
const MAX_WOVEN = 65_536;

/**
 * A flush of several endpoints' events as one group: each endpoint's chunk keeps, for every
 * event, its place in the flush, so the all-endpoints timeline shows them in arrival order and
 * not endpoint by endpoint (a request on one stream, its answer on another, 30 ms apart).
 */
function wovenRecords(batch: readonly StreamEvent[], writes: readonly EndpointWrite[]): ChunkRecords[] {
  const places = new Map<string, number[]>();
  batch.forEach((ev, i) => (places.get(ev.endpointId) ?? places.set(ev.endpointId, []).get(ev.endpointId)!).push(i));
  return writes.map(({ chunks: [r], meta }) => ({ ...r!, info: { ...r!.info, at: Uint16Array.from(places.get(meta.endpointId)!) } }));
}

const isQuotaError = (e: unknown): boolean =>
  e instanceof DOMException ? e.name === 'QuotaExceededError' : /quota/i.test(String(e));

/**
 * Assigns per-endpoint sequence numbers and writes events in batches: one transaction per
 * flush, one chunk per endpoint (several endpoints' chunks woven into one group), with the
 * endpoint's counters and resume id in the same transaction, so what is on disk and the resume
 * point always agree. One transaction is in flight at a time; the queue grows meanwhile, which
 * makes batches larger under load.
 */
export class EventWriter {
  private readonly opts: WriterOptions;
  private queue: StreamEvent[] = [];
  /** The batch being written: no longer queued, not yet on disk. */
  private writing: StreamEvent[] = [];
  private readonly queuedPer = new Map<string, number>();
  private readonly overloaded = new Set<string>();
  private metas = new Map<string, EndpointMeta>();
  /** Each written endpoint's folded state, loaded on its first write. */
  private readonly folders = new Map<string, Folder>();
  /** First received events of endpoints `auto` is still detecting. */
  private readonly samples = new Map<string, StreamEvent[]>();
  private readonly nextSeq = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private inFlight = false;
  /** The newest units of the store, as this writer wrote or merged them, while they are not final: merged while they are (./compact.ts). */
  private run: TailUnit[] = [];

  constructor(
    private readonly db: DB,
    private readonly hooks: WriterHooks = {},
    opts: Partial<WriterOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** Loads the counters; call once before `append`. */
  async init(): Promise<void> {
    this.metas = new Map((await this.db.getAll('meta')).map((m) => [m.endpointId, m]));
    for (const m of this.metas.values()) this.nextSeq.set(m.endpointId, m.lastSeq + 1);
  }

  /** Loads counters written by someone else (an import in a page) for endpoints not yet known. */
  async adopt(endpointIds: string[]): Promise<void> {
    for (const id of endpointIds) {
      if (this.metas.has(id)) continue;
      const m = await this.db.get('meta', id);
      if (m && !this.metas.has(id)) {
        this.metas.set(id, m);
        this.nextSeq.set(id, m.lastSeq + 1);
      }
    }
  }

  meta(endpointId: string): EndpointMeta | undefined {
    return this.metas.get(endpointId);
  }

  allMeta(): EndpointMeta[] {
    return [...this.metas.values()];
  }

  queued(endpointId?: string): number {
    return endpointId === undefined ? this.queue.length : (this.queuedPer.get(endpointId) ?? 0);
  }

  /** Events accepted but not yet on disk, the batch being written included (sent to a page on subscribe, so no seam gap). */
  pending(): StreamEvent[] {
    return this.writing.concat(this.queue);
  }

  /** Assigns the next sequence number and queues the event for the disk. */
  append(ev: Omit<StreamEvent, 'seq'>): StreamEvent {
    const seq = this.nextSeq.get(ev.endpointId) ?? 1;
    this.nextSeq.set(ev.endpointId, seq + 1);
    const full = { ...ev, seq } as StreamEvent;
    this.queue.push(full);
    const n = (this.queuedPer.get(ev.endpointId) ?? 0) + 1;
    this.queuedPer.set(ev.endpointId, n);
    if (n > this.opts.overloadAt && !this.overloaded.has(ev.endpointId)) {
      this.overloaded.add(ev.endpointId);
      this.hooks.overload?.(ev.endpointId, true);
    }
    this.schedule();
    return full;
  }

  private schedule(): void {
    if (this.inFlight) return; // the running flush picks the queue up when it ends
    if (this.queue.length >= this.opts.maxBatch) {
      void this.flush();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.opts.maxDelayMs);
    }
  }

  /** Writes everything queued; resolves when it is on disk (or failed and re-queued). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.running = this.running.then(() => this.writeQueued());
    return this.running;
  }

  /** Runs `work` after pending writes, with nothing else writing meanwhile (clear, prune). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.running.then(work);
    this.running = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      this.writing = batch;
      this.inFlight = true;
      try {
        await this.writeBatch(batch);
        await this.mergeTail();
      } catch (err) {
        this.queue = batch.concat(this.queue);
        this.metas = new Map((await this.db.getAll('meta')).map((m) => [m.endpointId, m]));
        // A retype before the write that failed rewrote what is stored: states are folded from it again.
        this.folders.clear();
        if (isQuotaError(err)) {
          this.hooks.quota?.(await this.evictOldest());
        } else {
          this.hooks.error?.(`Could not write events: ${String(err)}`);
          this.inFlight = false;
          this.timer = setTimeout(() => void this.flush(), 1000);
          return;
        }
      } finally {
        this.writing = [];
        this.inFlight = false;
      }
    }
  }

  private async writeBatch(batch: StreamEvent[]): Promise<void> {
    const byEndpoint = new Map<string, StreamEvent[]>();
    for (const ev of batch) {
      const list = byEndpoint.get(ev.endpointId);
      if (list) list.push(ev);
      else byEndpoint.set(ev.endpointId, [ev]);
    }
    const writes: EndpointWrite[] = [];
    for (const [endpointId, events] of byEndpoint) writes.push(await this.derive(endpointId, events));
    const woven = writes.length > 1 && writes.every((w) => w.chunks.length === 1) && batch.length <= MAX_WOVEN;
    const records = woven ? wovenRecords(batch, writes) : writes.flatMap((w) => w.chunks);
    const tx = this.db.transaction(['chunks', 'typing', 'terms', 'index', 'snapshots', 'meta'], 'readwrite', { durability: 'relaxed' });
    for (const w of writes) {
      for (const snap of w.snapshots) request(tx.objectStore('snapshots').put(snap));
      request(tx.objectStore('meta').put(w.meta));
    }
    const adding = addChunkRecords(tx, records, woven);
    // When a write fails, the transaction's own error says why (a full disk, say): awaited first.
    adding.catch(() => undefined);
    await tx.done;
    const cids = await adding;
    // A woven flush is one unit for merging; otherwise each chunk is.
    if (woven) this.extendRun({ cids, count: batch.length, bytes: records.reduce((n, r) => n + r.info.bytes, 0) });
    else records.forEach((r, k) => this.extendRun({ cids: [cids[k]!], count: r.info.count, bytes: r.info.bytes }));
    for (const w of writes) {
      const id = w.meta.endpointId;
      this.metas.set(id, w.meta);
      this.folders.set(id, w.folder);
      if (w.samples) this.samples.set(id, w.samples);
      const left = (this.queuedPer.get(id) ?? 0) - (byEndpoint.get(id)?.length ?? 0);
      this.queuedPer.set(id, Math.max(0, left));
      if (left <= this.opts.overloadAt / 2 && this.overloaded.delete(id)) this.hooks.overload?.(id, false);
    }
    this.hooks.persisted?.(batch);
  }

  /**
   * Types one endpoint's events of a flush, folds them, and works out its chunks, snapshots and
   * counters. Changes nothing in memory: a failed write leaves everything as it was.
   */
  private async derive(endpointId: string, events: StreamEvent[]): Promise<EndpointWrite> {
    const profile = this.opts.profileOf(endpointId) ?? 'auto';
    const { family, samples } = await this.familyFor(endpointId, profile, events);
    const custom = this.customFor(endpointId, family);
    let prev = this.metas.get(endpointId) ?? { ...newMeta(endpointId, family, profile), custom };
    let folder: Folder;
    if ((prev.family !== family || !sameCustomProfile(prev.custom, custom)) && (prev.count > 0 || this.folders.get(endpointId)?.seq)) {
      // Detection changed its mind (or the profile or its definition changed): what is stored is retyped first.
      ({ meta: prev, folder } = await this.retype(prev, family, custom));
    } else {
      folder = await this.folderFor(prev);
    }
    let meta: EndpointMeta = { ...prev, family, profile, custom, detected: samples?.length ?? prev.detected };
    const out: EndpointWrite = { chunks: [], snapshots: [], meta, folder, samples };
    let lastEventId: string | undefined;
    // Chunks stay bounded even when an overload flushes a huge queue: reads load whole chunks.
    for (let i = 0; i < events.length; i += this.opts.maxBatch) {
      const part = events.slice(i, i + this.opts.maxBatch);
      for (const e of part) if (e.id !== undefined && e.dir === 'in') lastEventId = e.id;
      const { records, typed } = chunkRecords(endpointId, part, family, custom);
      out.chunks.push(records);
      const r = foldChunk(folder, typed.events);
      folder = r.folder;
      if (r.snapshot) out.snapshots.push(r.snapshot);
      meta = addSummary(meta, records.info, 1);
    }
    const last = events[events.length - 1]!;
    out.meta = { ...meta, lastSeq: last.seq, lastEventId: lastEventId ?? prev.lastEventId, firstTime: meta.firstTime ?? events[0]!.time, lastTime: last.time };
    out.folder = folder;
    return out;
  }

  /** A chunk this writer added: the newest of the store now. */
  private extendRun(unit: TailUnit): void {
    if (isFinal(unit)) this.run = [];
    else this.run.push(unit);
  }

  /**
   * Merges the newest chunks while they are mergeable. A merge that fails changes nothing on
   * disk; the chunks then stay as they are.
   */
  private async mergeTail(): Promise<void> {
    for (let run = this.run, due = mergeable(run); due; due = mergeable(run)) {
      const merged = await mergeUnits(this.db, due, (id) => this.metas.get(id)).catch(() => undefined);
      if (!merged || this.run !== run) {
        this.run = [];
        return;
      }
      run.splice(-due.length, due.length, merged);
      if (isFinal(merged)) run.length = 0;
    }
  }

  /** The family to type a flush with; while `auto` still looks, the samples it has seen after it. */
  private async familyFor(endpointId: string, profile: ProfileChoice, events: StreamEvent[]): Promise<{ family: Family; samples?: StreamEvent[] }> {
    if (profile !== 'auto') return { family: profile };
    const meta = this.metas.get(endpointId);
    if (meta && meta.profile === 'auto' && meta.detected >= DETECT_SAMPLE) return { family: meta.family };
    const seen = this.samples.get(endpointId) ?? (meta ? await firstReceived(this.db.transaction('chunks').store.index('byEndpoint'), endpointId) : []);
    const samples = seen.slice();
    for (const ev of events) if (tellsFamily(ev) && samples.length < DETECT_SAMPLE) samples.push(ev);
    return { family: detected(samples), samples };
  }

  /** The definition to type with: the endpoint's own for the `custom` family, none for the others. */
  private customFor(endpointId: string, family: Family): CustomProfile | undefined {
    return family === 'custom' ? (this.opts.customOf(endpointId) ?? EMPTY_CUSTOM_PROFILE) : undefined;
  }

  /** The endpoint's folded state: in memory, or the nearest snapshot plus what followed it. */
  private async folderFor(meta: EndpointMeta): Promise<Folder> {
    const known = this.folders.get(meta.endpointId);
    if (known) return known;
    const { state, seq } = await foldStored(this.db, meta.endpointId, meta.family, Infinity, meta.custom);
    return newFolder(state, seq, this.opts.snapshotMin);
  }

  private async retype(meta: EndpointMeta, family: Family, custom: CustomProfile | undefined): Promise<{ meta: EndpointMeta; folder: Folder }> {
    this.run = [];
    const tx = this.db.transaction(['chunks', 'typing', 'index', 'snapshots', 'meta'], 'readwrite');
    const done = await rebuildEndpoint(tx, meta, family, this.opts.snapshotMin, custom);
    await tx.done;
    return done;
  }

  /** Retypes stored endpoints whose configured profile (or custom definition) no longer matches how they were typed. */
  async refreshProfiles(): Promise<void> {
    await this.exclusive(async () => {
      for (const meta of [...this.metas.values()]) {
        const profile = this.opts.profileOf(meta.endpointId) ?? 'auto';
        if (profile === meta.profile && (meta.family !== 'custom' || sameCustomProfile(meta.custom, this.customFor(meta.endpointId, 'custom')))) continue;
        const { family, samples } = await this.familyFor(meta.endpointId, profile, []);
        const custom = this.customFor(meta.endpointId, family);
        const same = family === meta.family && sameCustomProfile(meta.custom, custom);
        const done = same ? { meta, folder: await this.folderFor(meta) } : await this.retype(meta, family, custom);
        const next = { ...done.meta, profile, custom, detected: samples?.length ?? done.meta.detected };
        await this.db.put('meta', next);
        this.metas.set(next.endpointId, next);
        this.folders.set(next.endpointId, done.folder);
      }
    });
  }

  /**
   * The snapshots a cut after event `seq` writes: the horizon, a full snapshot at `seq`, first;
   * then, in full, the deltas after it whose base is before it, which the cut deletes.
   */
  private async horizon(id: string, seq: number): Promise<Snapshot[]> {
    const m = this.metas.get(id);
    const full = async (at: number): Promise<Snapshot> => ({ endpointId: id, seq: at, ...packState((await foldStored(this.db, id, m?.family ?? 'generic', at, m?.custom)).state) });
    const out = [await full(seq)];
    // Deltas come in a row after their base: the first full snapshot after `seq` ends the row.
    let cursor = await this.db.transaction('snapshots').store.openCursor(IDBKeyRange.bound([id, seq], [id, Infinity], true));
    const orphans: number[] = [];
    for (; cursor && cursor.value.base !== undefined && cursor.value.base < seq; cursor = await cursor.continue()) orphans.push(cursor.value.seq);
    for (const at of orphans) out.push(await full(at));
    return out;
  }

  /** Deletes the oldest tenth of all chunks (at least one) to recover from a full disk. */
  private async evictOldest(): Promise<number> {
    const total = await this.db.count('chunks');
    return this.deleteChunks(await this.db.getAllKeys('chunks', null, Math.max(1, Math.ceil(total / 10))));
  }

  /**
   * Deletes chunks by key and keeps the counters right. By default what the deleted events
   * built stays: a snapshot at the newest deleted event becomes the endpoint's horizon.
   * `forget` (a clear) drops the endpoint's state with them. Returns the events deleted.
   */
  async deleteChunks(keys: number[], opts: { forget?: boolean } = {}): Promise<number> {
    if (keys.length === 0) return 0;
    this.run = [];
    const infos = (await Promise.all(keys.map((k) => this.db.get('index', k)))).filter((i) => i !== undefined);
    const lost = new Map<string, ChunkInfo[]>();
    for (const info of infos) lost.set(info.endpointId, [...(lost.get(info.endpointId) ?? []), info]);
    const horizons = new Map<string, Snapshot[]>();
    if (!opts.forget) for (const [id, rows] of lost) horizons.set(id, await this.horizon(id, Math.max(...rows.map((r) => r.lastSeq))));
    const tx = this.db.transaction(['chunks', 'typing', 'terms', 'index', 'snapshots', 'meta'], 'readwrite');
    const index = tx.objectStore('index');
    const snapshots = tx.objectStore('snapshots');
    for (const info of infos) deleteChunkRecords(tx, info.cid);
    const updated: EndpointMeta[] = [];
    let total = 0;
    for (const [id, rows] of lost) {
      const horizon = horizons.get(id);
      if (horizon) {
        request(snapshots.delete(IDBKeyRange.bound([id, -Infinity], [id, horizon[0]!.seq], false, true)));
        for (const snap of horizon) request(snapshots.put(snap));
      } else {
        request(snapshots.delete(endpointRange(id)));
      }
      total += rows.reduce((n, r) => n + r.count, 0);
      const m = this.metas.get(id);
      if (!m) continue;
      let next = m;
      for (const r of rows) next = addSummary(next, r, -1);
      const first = await index.index('byEndpoint').openCursor(endpointRange(id));
      next = { ...next, firstTime: first?.value.t0 };
      request(tx.objectStore('meta').put(next));
      updated.push(next);
    }
    await tx.done;
    for (const m of updated) {
      this.metas.set(m.endpointId, m);
      if (opts.forget) this.folders.set(m.endpointId, newFolder(emptySlice(m.family), m.lastSeq, this.opts.snapshotMin));
    }
    for (const [id, [cut]] of horizons) {
      const folder = this.folders.get(id);
      if (folder && cut) this.folders.set(id, cutBase(folder, cut.seq));
    }
    return total;
  }
}
