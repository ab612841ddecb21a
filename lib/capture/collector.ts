import type { Browser } from 'wxt/browser';
import { newEndpoint, type EndpointConfig } from '../config/endpoint';
import { redactUrl } from '../format/redact-url';
import { utf8Size, type MarkerKind } from '../model/event';
import { createSseDecoder, type SseDecoder } from '../transport/sse-decoder';
import type { Frame } from '../transport/types';
import { CAPTURE_PORT, MAX_BATCH_CHARS, MAX_BATCH_RECORDS, MAX_RECORDS_PER_SECOND } from './channel';
import { captureOrigin } from './origins';
import { PageRecordSchema, type Command, type OpenRec, type PageRecord, type StateRec } from './wire';
import { z } from 'zod';

type Port = Browser.runtime.Port;

/** What the collector needs of the background: the same writer path as an endpoint's frames. */
export interface CaptureSink {
  /** A captured stream's source, to be added to the endpoint list (read-only). */
  source(cfg: EndpointConfig): void;
  frame(cfg: EndpointConfig, f: Frame): void;
  marker(cfg: EndpointConfig, kind: MarkerKind, message: string, detail?: Record<string, unknown>): void;
}

const BatchSchema = z.array(z.unknown()).max(MAX_BATCH_RECORDS);

interface Live {
  cfg: EndpointConfig;
  port: Port;
  /** The page's id of the stream. */
  s: number;
  open: OpenRec;
  body?: BodyReader;
  lastId?: string;
}

interface BodyReader {
  push(text: string): void;
  end(): void;
}

interface Bridge {
  tabId: number;
  frameUrl: string;
  /** Sources this document opened (its page load), ended ones too. */
  opened: Set<string>;
  streams: Map<number, Live>;
  /** Rate cap, per bridge, one-second window. */
  windowStart: number;
  inWindow: number;
  dropped: number;
  rejected: number;
}

/** FNV-1a, 32 bits, hex: a short stable id from a source's identity. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const KIND_LABEL = { ws: 'WebSocket', es: 'EventSource', fetch: 'fetch', xhr: 'XHR' } as const;

const shortUrl = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
};

const NDJSON = /^application\/(x-)?ndjson|^application\/jsonl|^application\/json-seq|^application\/stream\+json|^application\/x-jsonlines/i;

/** The identity of a captured source: tab, frame URL (no fragment), stream URL, kind. */
export function capturedSource(tabId: number, frameUrl: string, open: OpenRec): EndpointConfig | undefined {
  const frame = frameUrl.split('#')[0] ?? frameUrl;
  const transport = open.kind === 'ws' ? 'ws' : 'sse';
  const cfg = newEndpoint({
    id: `cap-${hash(`${tabId}|${frame}|${open.url}|${open.kind}`)}`,
    name: `${KIND_LABEL[open.kind]}${open.method && open.method !== 'GET' ? ` ${open.method}` : ''} ${shortUrl(open.url)} (tab ${tabId})`,
    url: open.url,
    transport,
    recording: true,
    captured: { tabId, frameUrl: frame, kind: open.kind, ...(open.method ? { method: open.method } : {}) },
    protocols: open.protocols ?? [],
    headers: open.headers ?? {},
  });
  return /^(https?|wss?):/.test(open.url) && (transport === 'ws') === /^wss?:/.test(open.url) ? cfg : undefined;
}

/**
 * The background's side of page capture: accepts bridges from frames of origins capture is
 * on for, validates what they send (zod, sizes, a rate cap with a dropped counter), turns it
 * into frames of per-stream sources, and carries the panel's send / inject to the page.
 */
export class CaptureCollector {
  private origins = new Set<string>();
  private readonly bridges = new Map<Port, Bridge>();

  constructor(private readonly sink: CaptureSink) {}

  setOrigins(origins: string[]): void {
    this.origins = new Set(origins);
    // Off stops at once: tell every bridge whose origin left the list.
    for (const [port, b] of this.bridges) if (!this.allowed(b.frameUrl, port)) this.stopBridge(port);
  }

  private allowed(frameUrl: string, port: Port): boolean {
    const frame = captureOrigin(frameUrl);
    const top = captureOrigin(port.sender?.tab?.url);
    return (frame !== undefined && this.origins.has(frame)) || (top !== undefined && this.origins.has(top));
  }

  /** Whether a tab has a capturing frame: if not, its streams opened before capture are unseen. */
  tabActive(tabId: number): boolean {
    for (const b of this.bridges.values()) if (b.tabId === tabId) return true;
    return false;
  }

  /** Source ids with a live stream in some page right now. */
  liveSources(tabId?: number): string[] {
    const out = new Set<string>();
    for (const b of this.bridges.values()) if (tabId === undefined || b.tabId === tabId) for (const l of b.streams.values()) out.add(l.cfg.id);
    return [...out];
  }

  /** Source ids the tab's current documents opened (its current page load, frames included). */
  currentSources(tabId: number): string[] {
    const out = new Set<string>();
    for (const b of this.bridges.values()) if (b.tabId === tabId) for (const id of b.opened) out.add(id);
    return [...out];
  }

  /** Carries a send or an inject to the newest live WebSocket of a source. */
  act(endpointId: string, op: 'send' | 'inject', data: string, bin?: boolean): string | undefined {
    let target: Live | undefined;
    for (const b of this.bridges.values()) for (const l of b.streams.values()) if (l.cfg.id === endpointId && l.open.kind === 'ws') target = l;
    if (!target) return 'The page has no open WebSocket for this stream';
    const c: Command = { op, s: target.s, data, ...(bin ? { bin } : {}) };
    target.port.postMessage(c);
    return undefined;
  }

  /**
   * Takes a bridge's port. Listeners are attached at once (messages to a port with none are
   * lost); nothing is looked at before `ready` (the origin list and the writer are loaded).
   */
  accept(port: Port, ready: Promise<void>): void {
    if (port.name !== CAPTURE_PORT) return;
    let bridge: Bridge | undefined;
    let gone = false;
    const early: unknown[] = [];
    port.onDisconnect.addListener(() => {
      gone = true;
      this.closeBridge(port, 'the page went away (navigated, reloaded or closed)');
    });
    port.onMessage.addListener((raw: unknown) => (bridge ? this.receive(port, bridge, raw) : early.push(raw)));
    void ready.then(() => {
      if (gone) return;
      const tabId = port.sender?.tab?.id;
      const frameUrl = port.sender?.url;
      if (tabId === undefined || frameUrl === undefined || !this.allowed(frameUrl, port)) {
        port.postMessage({ op: 'stop' } satisfies Command);
        port.disconnect();
        return;
      }
      bridge = { tabId, frameUrl, opened: new Set(), streams: new Map(), windowStart: 0, inWindow: 0, dropped: 0, rejected: 0 };
      this.bridges.set(port, bridge);
      for (const raw of early.splice(0)) this.receive(port, bridge, raw);
    });
  }

  private stopBridge(port: Port): void {
    try {
      port.postMessage({ op: 'stop' } satisfies Command);
      port.disconnect();
    } catch {
      /* already gone */
    }
    this.closeBridge(port, 'capture was switched off for this site');
  }

  private closeBridge(port: Port, why: string): void {
    const b = this.bridges.get(port);
    if (!b) return;
    this.bridges.delete(port);
    for (const l of b.streams.values()) {
      l.body?.end();
      this.sink.marker(l.cfg, 'dropped', `No longer captured: ${why}`);
    }
  }

  /** One batch from a bridge: untrusted text, parsed and checked record by record. */
  receive(port: Port, b: Bridge, raw: unknown): void {
    if (typeof raw !== 'string' || raw.length > MAX_BATCH_CHARS) {
      b.rejected++;
      return;
    }
    let list: unknown[];
    try {
      const parsed = BatchSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) throw new Error('not a batch');
      list = parsed.data;
    } catch {
      b.rejected++;
      return;
    }
    const now = Date.now();
    if (now - b.windowStart >= 1000) {
      this.reportDropped(b);
      b.windowStart = now;
      b.inWindow = 0;
    }
    for (const item of list) {
      const r = PageRecordSchema.safeParse(item);
      if (!r.success) {
        b.rejected++;
        continue;
      }
      const rec = r.data;
      if (rec.k !== 'open' && rec.k !== 'state' && ++b.inWindow > MAX_RECORDS_PER_SECOND) {
        b.dropped++;
        continue;
      }
      this.record(port, b, rec);
    }
  }

  private reportDropped(b: Bridge): void {
    if (b.dropped === 0) return;
    for (const l of b.streams.values()) {
      this.sink.marker(l.cfg, 'capture_dropped', `Dropped ${b.dropped} frames: the page sent more than ${MAX_RECORDS_PER_SECOND} a second`, { dropped: b.dropped });
      break;
    }
    b.dropped = 0;
  }

  private record(port: Port, b: Bridge, rec: PageRecord): void {
    if (rec.k === 'open') {
      const cfg = capturedSource(b.tabId, b.frameUrl, rec);
      if (!cfg || b.streams.has(rec.s)) return;
      this.sink.source(cfg);
      b.opened.add(cfg.id);
      b.streams.set(rec.s, { cfg, port, s: rec.s, open: rec });
      const what = `${KIND_LABEL[rec.kind]}${rec.method ? ` ${rec.method}` : ''} ${rec.url}`;
      this.sink.marker(cfg, 'connecting', `The page opened ${what}`, { frameUrl: b.frameUrl, tabId: b.tabId });
      return;
    }
    const live = b.streams.get(rec.s);
    if (!live) return;
    const { cfg } = live;
    switch (rec.k) {
      case 'frame':
        if (rec.inj) this.sink.marker(cfg, 'injected', 'Delivered to the page from the panel, not by the server');
        if (rec.cut) this.sink.marker(cfg, 'truncated', `A ${rec.size}-byte frame: the first ${rec.data.length} ${rec.bin ? 'base64 characters' : 'characters'} are kept`, { size: rec.size });
        this.sink.frame(cfg, { dir: rec.dir, opcode: rec.bin ? 2 : 1, data: rec.data, size: rec.size });
        return;
      case 'message':
        if (rec.cut) this.sink.marker(cfg, 'truncated', `A ${rec.size}-byte event: the first ${rec.data.length} characters are kept`, { size: rec.size });
        this.sink.frame(cfg, { dir: 'in', name: rec.name, id: rec.id, data: rec.data, size: rec.size });
        return;
      case 'chunk':
        live.body?.push(rec.text);
        return;
      case 'dropped':
        this.sink.marker(cfg, 'capture_dropped', `Dropped ${rec.n} frames: the page received more than the capture keeps up with`, { dropped: rec.n });
        return;
      case 'state':
        this.state(b, live, rec);
        return;
    }
  }

  private state(b: Bridge, live: Live, rec: StateRec): void {
    const { cfg } = live;
    switch (rec.what) {
      case 'open': {
        if (live.open.kind === 'fetch' || live.open.kind === 'xhr') live.body = this.bodyReader(live, rec.contentType ?? '');
        const detail = rec.status !== undefined ? `HTTP ${rec.status}${rec.contentType ? `, ${rec.contentType}` : ''}` : rec.protocol ? `subprotocol ${rec.protocol}` : 'open';
        this.sink.marker(cfg, 'connected', `Connected: ${detail}`, {
          status: rec.status,
          protocol: rec.protocol || undefined,
          url: redactUrl(cfg.url),
          contentType: rec.contentType || undefined,
          ...(rec.told && { headers: rec.told }),
        });
        return;
      }
      case 'reconnecting':
        this.sink.marker(cfg, 'dropped', `The browser is reconnecting${rec.lastEventId ? ` with Last-Event-ID ${rec.lastEventId}` : ''}`, { lastEventId: rec.lastEventId });
        return;
      case 'error':
        this.sink.marker(cfg, 'dropped', `Error${rec.reason ? `: ${rec.reason}` : ''}`);
        if (live.open.kind !== 'ws') this.end(b, live);
        return;
      case 'close':
        this.sink.marker(cfg, 'dropped', rec.code !== undefined ? `Closed: code ${rec.code}${rec.reason ? ` (${rec.reason})` : ''}${rec.clean === false ? ', not clean' : ''}` : `Closed${rec.reason ? `: ${rec.reason}` : ''}`, {
          code: rec.code,
          reason: rec.reason,
          clean: rec.clean,
        });
        this.end(b, live);
        return;
      case 'stopped':
        this.sink.marker(cfg, 'truncated', `Capture stopped ${rec.size ?? 0} bytes into the body: ${rec.reason ?? 'the page stopped reading it'}`, { size: rec.size });
        this.end(b, live);
        return;
      case 'end':
        this.sink.marker(cfg, 'dropped', 'The response ended');
        this.end(b, live);
        return;
    }
  }

  private end(b: Bridge, live: Live): void {
    live.body?.end();
    b.streams.delete(live.s);
  }

  /** Response body text → events: SSE with the transports' decoder, NDJSON by lines. */
  private bodyReader(live: Live, contentType: string): BodyReader {
    const { cfg } = live;
    if (NDJSON.test(contentType.trim())) {
      let partial = '';
      const line = (l: string) => {
        const text = l.endsWith('\r') ? l.slice(0, -1) : l;
        if (text.trim() !== '') this.sink.frame(cfg, { dir: 'in', data: text, size: utf8Size(text) });
      };
      return {
        push(text) {
          const parts = (partial + text).split('\n');
          partial = parts.pop() ?? '';
          for (const p of parts) line(p);
        },
        end() {
          if (partial) line(partial);
          partial = '';
        },
      };
    }
    const encoder = new TextEncoder();
    let retry: number | undefined;
    const decoder: SseDecoder = createSseDecoder({
      event: (e) => {
        if (e.id !== undefined) live.lastId = e.id;
        this.sink.frame(cfg, { dir: 'in', name: e.name, id: live.lastId, retry, data: e.data, size: utf8Size(e.data) });
        retry = undefined;
      },
      bareId: (id) => (live.lastId = id),
      retry: (ms) => (retry = ms),
      comment: () => undefined,
      oversize: (bytes) => this.sink.marker(cfg, 'malformed', `Skipped a ${bytes}-byte event over the size limit`, { bytes }),
    });
    return { push: (text) => decoder.push(encoder.encode(text)), end: () => decoder.end() };
  }
}
