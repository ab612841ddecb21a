import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CustomProfile } from '../config/custom-profile';
import type { ProfileChoice } from '../config/endpoint';
import type { AttemptRecord } from '../model/connection';
import type { Family } from '../model/typed';
import { migrateStored } from './migrate';
import type { ChunkTerms } from '../query/terms';

/**
 * Events are stored in per-endpoint chunks, not one record per event: one flush of the
 * writer puts one chunk per endpoint, so the write cost is per batch, not per event
 * (see bench/ for the comparison with the one-record-per-event layout).
 * `cid` is a global, increasing key: its order is the order chunks were written, so the
 * newest events across all endpoints are the chunks with the highest `cid`.
 */
export interface Chunk {
  cid?: number;
  endpointId: string;
  firstSeq: number;
  lastSeq: number;
  /** Receive time of the first and last event. */
  t0: number;
  t1: number;
  bytes: number;
  /** The events, packed (./packing.ts): read them with `chunkEvents`. */
  packed: Uint8Array;
  /** How `packed` holds the events' UTF-8 JSON: DEFLATE when absent, as it is for `none`. */
  codec?: 'none';
  /** Bytes of that UTF-8 (absent in chunks written before it was recorded). */
  size?: number;
}

/**
 * Each event's typed type (an index into `names`, per event) and the events that failed their
 * schema. Kept apart from the chunk, by its cid: a type or invalid-only filter reads this alone.
 */
export interface ChunkTyping {
  names: string[];
  at: number[];
  /** Indexes of events whose payload failed their type's schema. */
  invalid: number[];
}

export interface DirCounts {
  in: number;
  out: number;
  sys: number;
}

/**
 * One chunk as the index knows it: enough to place, count and skip it without reading events.
 * Kept in its own small store, written with the chunk.
 */
export interface ChunkInfo {
  /** The chunk's key. Merged chunks get a new one, so cids run in the order of chunks' last events. */
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
  /** Typed event type (profile type name; marker kind for sys) -> count. */
  types: Record<string, number>;
  dirs: DirCounts;
  /** Events that failed their schema. */
  invalid: number;
  /** `gap` / `duplicate` / `malformed` markers. */
  gaps: number;
  duplicates: number;
  malformed: number;
  /**
   * Set on the chunks of a group: several endpoints' interleaved chunks merged into one chunk per
   * endpoint (./compact.ts). `group` names it (its first chunk's cid; its chunks' cids follow
   * each other), `at` is each event's place among the group's events in the order they were
   * written, which the all-endpoints timeline shows (lib/model/weave.ts).
   */
  group?: number;
  at?: Uint16Array;
}

/** Whole-store counters of one endpoint: over every stored event, kept right by every write and delete. */
export interface EndpointCounters {
  /** Events currently stored (after retention). */
  count: number;
  bytes: number;
  /** Receive time of the first stored and the last written event. */
  firstTime?: number;
  lastTime?: number;
  lastSeq: number;
  types: Record<string, number>;
  gaps: number;
  duplicates: number;
  malformed: number;
  invalid: number;
  dirs: DirCounts;
}

/** Maintained counters per endpoint, written in the same transaction as its chunks. */
export interface EndpointMeta extends EndpointCounters {
  endpointId: string;
  /** Last SSE id persisted: the resume point after any restart (no gap, no duplicate). */
  lastEventId?: string;
  /** The family the stored events were typed and folded with. */
  family: Family;
  /** The profile choice `family` came from, and the received events `auto` looked at (up to 20). */
  profile: ProfileChoice;
  detected: number;
  /** For the `custom` family: the definition the stored events were typed with. */
  custom?: CustomProfile;
}

/**
 * The endpoint's state after every event with seq <= `seq`, including events since deleted,
 * packed (./packing.ts `packState`; v3 stored the state object itself). A delta snapshot
 * (`base` set) packs only what changed since the endpoint's full snapshot at seq `base`
 * (lib/state/patch.ts); that one is always stored while the delta is (./derive.ts).
 */
export interface Snapshot {
  endpointId: string;
  seq: number;
  packed: Uint8Array;
  /** Bytes of the JSON (state or patch): it is inflated into a buffer of that size. */
  size: number;
  base?: number;
}

/** One connection attempt as the transport reports it, keyed for storage. */
export type AttemptRow = AttemptRecord & { key?: number };

export interface NotificationRow {
  key?: number;
  endpointId: string;
  seq: number;
  time: number;
  type: string;
  title: string;
  message: string;
  read: boolean;
}

export interface StreamscopeDB extends DBSchema {
  chunks: { key: number; value: Chunk; indexes: { byEndpoint: [string, number] } };
  typing: { key: number; value: ChunkTyping };
  terms: { key: number; value: ChunkTerms };
  index: { key: number; value: ChunkInfo; indexes: { byEndpoint: [string, number] } };
  snapshots: { key: [string, number]; value: Snapshot };
  meta: { key: string; value: EndpointMeta };
  attempts: { key: number; value: AttemptRow; indexes: { byEndpoint: [string, number] } };
  notifications: { key: number; value: NotificationRow };
  kv: { key: KvKey; value: unknown };
}

/**
 * The keys of the `kv` store: `unread` the unread notification count and `dnd` do-not-disturb
 * (lib/notify/store.ts), `alive` when the background last beat (lib/background/service.ts).
 */
export type KvKey = 'unread' | 'dnd' | 'alive';

export type DB = IDBPDatabase<StreamscopeDB>;

export const DB_NAME = 'streamscope';
export const DB_VERSION = 5;

/** Opens (creating or upgrading) the store; `version` below the current one only to build old databases in tests. */
export function openStore(name = DB_NAME, version = DB_VERSION): Promise<DB> {
  return openDB<StreamscopeDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      if (oldVersion < 1) {
        const chunks = db.createObjectStore('chunks', { keyPath: 'cid', autoIncrement: true });
        chunks.createIndex('byEndpoint', ['endpointId', 'firstSeq']);
        db.createObjectStore('meta', { keyPath: 'endpointId' });
        const attempts = db.createObjectStore('attempts', { keyPath: 'key', autoIncrement: true });
        attempts.createIndex('byEndpoint', ['endpointId', 'startedAt']);
        // Newest first by key; the unread count is a maintained counter in `kv`.
        db.createObjectStore('notifications', { keyPath: 'key', autoIncrement: true });
        db.createObjectStore('kv');
      }
      if (oldVersion < 2 && (newVersion ?? version) >= 2) {
        const index = db.createObjectStore('index', { keyPath: 'cid' });
        index.createIndex('byEndpoint', ['endpointId', 'firstSeq']);
        db.createObjectStore('snapshots', { keyPath: ['endpointId', 'seq'] });
      }
      // v3 packs a chunk's events (./packing.ts) and keeps their typing in a store of its own
      // (by cid). Stored data is brought up to date in this same transaction: all or nothing.
      // Only an upgrade to the current version migrates; older versions are opened only to
      // build old databases in tests. v4 packs the snapshots' states (no new store).
      if (oldVersion < 3 && (newVersion ?? version) >= 3) db.createObjectStore('typing');
      // v5 keeps each chunk's word filter (lib/query/terms.ts) by cid. Chunks written before have none
      // and are searched by reading them, as before.
      if (oldVersion < 5 && (newVersion ?? version) >= 5) db.createObjectStore('terms');
      if (oldVersion > 0 && (newVersion ?? version) === DB_VERSION) migrateStored(tx, oldVersion);
    },
  });
}
