import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

export interface StoredRow {
  seq: number;
  time: number;
  dir: string;
  name?: string;
  id?: string;
  /** WebSocket opcode (2: binary, `data` is base64). */
  opcode?: number;
  data: string;
}

/**
 * Reads one endpoint's stored events straight from the extension's IndexedDB, in a page of it.
 * Chunks keep their events as raw-DEFLATE JSON (lib/store/packing.ts); the page's own
 * DecompressionStream reads them, so this does not go through the code it checks.
 */
export function storedEvents(page: PwPage | PpPage, endpointId: string): Promise<StoredRow[]> {
  return (page as PwPage).evaluate(async (ep) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('streamscope');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const chunks = await new Promise<{ packed: Uint8Array<ArrayBuffer>; codec?: 'none' }[]>((resolve, reject) => {
      const req = db.transaction('chunks').objectStore('chunks').index('byEndpoint').getAll(IDBKeyRange.bound([ep, 0], [ep, Infinity]));
      req.onerror = () => reject(req.error);
      req.onsuccess = () => resolve(req.result as { packed: Uint8Array<ArrayBuffer>; codec?: 'none' }[]);
    });
    db.close();
    const out: StoredRow[] = [];
    for (const c of chunks) {
      // A chunk is its events' UTF-8 JSON, DEFLATE unless `codec` says it is stored as it is.
      const json = c.codec === 'none' ? new TextDecoder().decode(c.packed) : await new Response(new Blob([c.packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
      for (const e of JSON.parse(json) as StoredRow[]) out.push({ seq: e.seq, time: e.time, dir: e.dir, name: e.name, id: e.id, opcode: e.opcode, data: e.data });
    }
    return out;
  }, endpointId);
}

/** How many chunks hold an endpoint's events. */
export function chunkCount(page: PwPage | PpPage, endpointId: string): Promise<number> {
  return (page as PwPage).evaluate(async (ep) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('streamscope');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('chunks').objectStore('chunks').index('byEndpoint').count(IDBKeyRange.bound([ep, 0], [ep, Infinity]));
      req.onerror = () => reject(req.error);
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return n;
  }, endpointId);
}

/** Polls the store until `pred` holds. */
export async function waitForStored(
  page: PwPage | PpPage,
  endpointId: string,
  pred: (rows: StoredRow[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<StoredRow[]> {
  const deadline = Date.now() + timeoutMs;
  let last: StoredRow[] = [];
  for (;;) {
    last = await storedEvents(page, endpointId).catch(() => last);
    if (pred(last)) return last;
    if (Date.now() > deadline) {
      const tail = last.slice(-6).map((r) => `${r.seq}:${r.dir}:${r.name ?? ""}:${r.id ?? ""}${r.dir === "sys" ? ` ${r.data}` : ""}`);
      throw new Error(`Timed out waiting for ${what}; ${last.length} stored, last: ${tail.join(' ')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SSE ids of received events, in stored order. */
export const receivedIds = (rows: StoredRow[]): string[] => rows.filter((r) => r.dir === 'in' && r.id !== undefined).map((r) => r.id!);

export const markers = (rows: StoredRow[], kind?: string): StoredRow[] => rows.filter((r) => r.dir === 'sys' && (kind === undefined || r.name === kind));
