import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StreamEvent } from '../model/event';
import type { AttemptRecord } from '../model/connection';

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
  events: StreamEvent[];
}

/** Maintained counters per endpoint, written in the same transaction as its chunks. */
export interface EndpointMeta {
  endpointId: string;
  lastSeq: number;
  /** Last SSE id persisted: the resume point after any restart (no gap, no duplicate). */
  lastEventId?: string;
  /** Events currently stored (after retention). */
  count: number;
  bytes: number;
  firstTime?: number;
  lastTime?: number;
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
  meta: { key: string; value: EndpointMeta };
  attempts: { key: number; value: AttemptRow; indexes: { byEndpoint: [string, number] } };
  notifications: { key: number; value: NotificationRow };
  kv: { key: string; value: unknown };
}

export type DB = IDBPDatabase<StreamscopeDB>;

export const DB_NAME = 'streamscope';
export const DB_VERSION = 1;

export function openStore(name = DB_NAME): Promise<DB> {
  return openDB<StreamscopeDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
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
    },
  });
}
