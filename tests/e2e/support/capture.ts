import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { originMatchPattern } from '../../../lib/capture/origins';
import type { Ext } from './both';
import { setEndpoints } from './config';
import { startDemo } from './demo';

export type AnyPage = PwPage | PpPage;

type StorageApi = { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(o: object): Promise<void> } } };

/** Switches capture on for exactly these origins, as the options page does. */
export function setCaptureOrigins(ext: AnyPage, origins: string[]): Promise<void> {
  return (ext as PwPage).evaluate(async (list) => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
    await (g.browser ?? g.chrome)!.storage.local.set({ captureOrigins: list });
  }, origins);
}

/**
 * Waits until the page scripts the background registers for capture match `origin` (or, with
 * undefined, until none are registered): registration follows the stored list asynchronously.
 */
export async function captureScriptsFor(ext: AnyPage, origin: string | undefined): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const matches = await (ext as PwPage).evaluate(async () => {
      type Api = { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (await (g.browser ?? g.chrome)!.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
    });
    const want = origin === undefined ? undefined : originMatchPattern(origin);
    const done = want === undefined ? matches.length === 0 : matches.length > 0 && matches.every((m) => m === want);
    if (done) return;
    if (Date.now() > deadline) throw new Error(`capture scripts still match ${JSON.stringify(matches)}, want ${origin ?? 'none'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface CapturedSourceInfo {
  id: string;
  url: string;
  transport: string;
  recording?: boolean;
  captured?: { tabId: number; frameUrl: string; kind: string; method?: string };
}

/** The endpoint list as stored (captured sources included). */
export function storedEndpoints(ext: AnyPage): Promise<CapturedSourceInfo[]> {
  return (ext as PwPage).evaluate(async () => {
    const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
    const list = (await (g.browser ?? g.chrome)!.storage.local.get('endpoints')).endpoints;
    return (Array.isArray(list) ? list : []) as CapturedSourceInfo[];
  });
}

/** Sends one message to the background over the page protocol, from an extension page. */
export function sendToBackground(ext: AnyPage, message: object): Promise<void> {
  return (ext as PwPage).evaluate(async (m) => {
    type Rt = { runtime: { connect(o: object): { postMessage(m: object): void; disconnect(): void } } };
    const g = globalThis as unknown as { browser?: Rt; chrome?: Rt };
    const port = (g.browser ?? g.chrome)!.runtime.connect({ name: 'streamscope' });
    port.postMessage({ type: 'hello', page: 'panel' });
    port.postMessage(m);
    await new Promise((r) => setTimeout(r, 200));
    port.disconnect();
  }, message);
}

/** The tab id of the page at `url`, asked from an extension page. */
export function tabIdOf(ext: AnyPage, url: string): Promise<number> {
  return (ext as PwPage).evaluate(async (u) => {
    type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const g = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
    const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab at ${u}: ${tabs.map((t) => t.url).join(', ')}`);
    return tab.id;
  }, url);
}

/** What the demo page received (its own record), once every finite stream is done. */
export interface DemoReceived {
  ws: string[];
  es: string[];
  llm: string;
  ndjson: string;
  xhr: string;
  frameWs: string[];
}

export async function demoReceived(page: AnyPage, wsAtLeast = 22): Promise<DemoReceived> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await (page as PwPage)
      .evaluate(() => {
        type R = { ws: string[]; es: string[]; llm: string; ndjson: string; xhr: string; done: Record<string, boolean> };
        const w = window as unknown as { demoReceived?: R };
        const frame = (document.getElementById('frame') as HTMLIFrameElement | null)?.contentWindow as unknown as { demoReceived?: { ws: string[] } } | null;
        const d = w.demoReceived;
        if (!d) return undefined;
        return { ws: [...d.ws], es: [...d.es], llm: d.llm, ndjson: d.ndjson, xhr: d.xhr, frameWs: [...(frame?.demoReceived?.ws ?? [])], done: { ...d.done } };
      })
      .catch(() => undefined);
    if (r && r.done.es && r.done.llm && r.done.ndjson && r.done.xhr && r.ws.length >= wsAtLeast && r.frameWs.length >= 10) {
      const { done: _done, ...rest } = r;
      return rest;
    }
    if (Date.now() > deadline) throw new Error(`the demo page did not finish its streams: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** The demo server and an extension with nothing configured and capture off; the server stops after `body`. */
export async function onTheCapturePage(ext: Ext, body: (s: { origin: string; pageUrl: string; setup: AnyPage }) => Promise<void>): Promise<void> {
  const { server } = await startDemo();
  try {
    const setup = (await ext.open('options.html')).raw;
    await setEndpoints(setup, []);
    await setCaptureOrigins(setup, []);
    await body({ origin: server.httpUrl, pageUrl: `${server.httpUrl}/capture`, setup });
  } finally {
    await server.close();
  }
}

