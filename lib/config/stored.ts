/**
 * Everything the extension keeps in `storage.local`: one key per entry of `Stored`, with the
 * type written under it. Reads give `unknown` on purpose: storage outlives versions and can be
 * edited by hand, so every reader validates (parseEndpointList, parseSettings, parseOrigins).
 */
import type { EndpointConfig } from './endpoint';
import type { Settings } from './settings';

export interface Stored {
  /**
   * Configured endpoints, captured sources and imported recordings, each an EndpointConfig
   * (lib/config/endpoint.ts). An entry that fails validation stays in the list untouched (it is
   * reported, never connected), so writers put back the raw list they read.
   */
  endpoints: unknown[];
  /** Extension-wide settings (lib/config/settings.ts). */
  settings: Settings;
  /** Origins (`scheme://host[:port]`) whose pages are captured. */
  captureOrigins: string[];
}

export type StoredKey = keyof Stored;

/** The part of a `browser.storage` area this needs (`browser.storage.local`, or a fake in tests). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/** The part of `browser.storage` that reports changes. */
export interface StorageEvents {
  onChanged: { addListener(fn: ChangeListener): void; removeListener(fn: ChangeListener): void };
}

/** The raw value under `key`, to be validated by the caller. */
export async function readStored(area: StorageArea, key: StoredKey): Promise<unknown> {
  return (await area.get(key))[key];
}

export function writeStored<K extends StoredKey>(area: StorageArea, key: K, value: Stored[K]): Promise<void> {
  return area.set({ [key]: value });
}

/** Calls `fn` with the new raw value whenever `key` changes in `storage.local`; returns how to stop. */
export function onStoredChange(storage: StorageEvents, key: StoredKey, fn: (raw: unknown) => void): () => void {
  const listener: ChangeListener = (changes, area) => {
    if (area === 'local' && key in changes) fn(changes[key]?.newValue);
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}

/** The last read-modify-write queued in this context, where there are no Web Locks. */
let queued: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` alone: two read-modify-writes of one key that overlap lose the first one's change.
 * A Web Lock holds across the extension's pages and its background; without one (Node), calls
 * in this context wait their turn.
 */
function exclusive(name: string, fn: () => Promise<void>): Promise<void> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  // The lock is held until fn's promise settles, and request's promise is that promise's.
  if (locks) return locks.request<void>(name, fn);
  const run = queued.then(fn);
  queued = run.catch(() => undefined);
  return run;
}

/**
 * Adds endpoints to the stored list, keeping every entry already there as it is (valid or not)
 * and skipping entries whose id is already listed. Appends never overlap (captured sources
 * arrive in bursts while the list is being written).
 */
export function appendEndpoints(area: StorageArea, add: EndpointConfig[]): Promise<void> {
  return exclusive('streamscope:endpoints', async () => {
    const stored = await readStored(area, 'endpoints');
    const list = Array.isArray(stored) ? (stored as { id?: unknown }[]) : [];
    const fresh = add.filter((c) => !list.some((e) => e.id === c.id));
    if (fresh.length > 0) await writeStored(area, 'endpoints', [...list, ...fresh]);
  });
}
