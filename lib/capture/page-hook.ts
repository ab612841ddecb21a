import { MAX_CAPTURED_FRAME, MAX_STREAMS_PER_FRAME } from './channel';
import { TELLING_HEADERS } from '../protocols/where';
import type { Recorder } from './recorder';
import type { CaptureKind, Command, PageRecord } from './wire';

/**
 * The page hook: runs in the page's own JS world at document_start and watches the streams
 * the page opens, without the page noticing. Constructors are wrapped in Proxies (so
 * `instanceof`, statics, `name`, `length` and subclassing stay native), prototypes are
 * untouched except `send`/`close`/`open`, which are Proxies of the native functions. Our
 * listeners are added at construction, before the page's, and only read; events are never
 * re-dispatched. Response bodies are read from a `clone()`; the page's promise is returned
 * as is. Nothing is put on the page's globals.
 */

/** What of the page's window the hook uses (a real window, or a test double). */
export interface HookWindow {
  WebSocket?: typeof WebSocket;
  EventSource?: typeof EventSource;
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  location: { href: string };
  /** The page's timer; taken once at install, so a later page patch cannot see our calls. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

/** What the capture knows of the page's use of a body it reads a clone of. */
interface BodyWatch {
  cancelled: boolean;
  /** Bytes the page has read through a reader of its own (when it reads through one). */
  read: number;
  tracked: boolean;
  /** Called when the page has read more. */
  onRead?: () => void;
  /** Called when the page cancelled the body: the tee settles the page's cancel only once ours is too. */
  onCancel?: () => void;
}

/** Bytes the capture reads of a clone ahead of a page that has not begun reading its body. */
export const CLONE_AHEAD = 1024 * 1024;
/** How often a captured body checks on the page's side of it. */
export const WATCH_MS = 250;
/** How long the capture waits, CLONE_AHEAD bytes in, for the page to begin reading. */
export const UNREAD_WAIT_MS = 30_000;

export interface PageHook {
  command(c: Command): void;
}

const STREAM_TYPES = /^(text\/event-stream|application\/(x-)?ndjson|application\/jsonl|application\/json-seq|application\/stream\+json|application\/x-jsonlines)\b/i;
const SECRET_HEADER = /auth|cookie|token|secret|key|session|csrf|signature|password/i;

const isStreamType = (ct: string | null): boolean => ct !== null && STREAM_TYPES.test(ct.trim());

/** Base64 of (at most MAX_CAPTURED_FRAME of) some bytes. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  const n = Math.min(bytes.length, MAX_CAPTURED_FRAME);
  for (let i = 0; i < n; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(n, i + 0x8000)) as unknown as number[]);
  return btoa(binary);
}

/** UTF-8 bytes of a string, cheaply bounded: exact for ASCII, an upper bound otherwise. */
function textSize(s: string): number {
  let extra = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) extra += 2;
  return s.length + extra;
}

function plainHeaders(h: HeadersInit | undefined): Record<string, string> | undefined {
  if (!h) return undefined;
  const out: Record<string, string> = {};
  try {
    const entries: Iterable<[string, string]> =
      typeof Headers !== 'undefined' && h instanceof Headers ? h.entries() : Array.isArray(h) ? (h as [string, string][]) : Object.entries(h);
    for (const [k, v] of entries) if (!SECRET_HEADER.test(k) && typeof v === 'string') out[k] = v;
  } catch {
    return undefined;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function installPageHook(win: HookWindow, rec: Recorder, now: () => number = Date.now): PageHook {
  let nextId = 0;
  let open = 0;
  const sockets = new Map<number, WebSocket>();
  const readers = new Set<ReadableStreamDefaultReader<Uint8Array>>();
  const socketIds = new WeakMap<object, number>();
  let injecting = false;
  // The natives as they are now, before any page script runs: later page patches cannot see us.
  const listen = EventTarget.prototype.addEventListener;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const timer: (fn: () => void, ms: number) => unknown = win.setTimeout ?? globalThis.setTimeout;
  const later = (fn: () => void, ms: number): void => void timer.call(win, fn, ms);

  const begin = (kind: CaptureKind, url: string, extra: Partial<Extract<PageRecord, { k: 'open' }>> = {}): number | undefined => {
    if (rec.stopped || open >= MAX_STREAMS_PER_FRAME) return undefined;
    let abs: string;
    try {
      abs = new URL(url, win.location.href).href;
    } catch {
      return undefined;
    }
    if (!/^(https?|wss?):/i.test(abs)) return undefined;
    const s = ++nextId;
    open++;
    rec.add({ k: 'open', s, t: now(), kind, url: abs, ...extra });
    return s;
  };
  const finish = (s: number) => {
    open = Math.max(0, open - 1);
    sockets.delete(s);
  };

  let sendOnPage: WebSocket['send'] | undefined;

  // ---- WebSocket --------------------------------------------------------------------------
  const NativeWS = win.WebSocket;
  if (NativeWS) {
    const wsProto = NativeWS.prototype;
    const nativeSend = wsProto.send;
    const frameOf = (s: number, dir: 'in' | 'out', data: unknown, inj: boolean): void => {
      const t = now();
      // The common case, once per message on the page's thread: one plain object, no spreads.
      if (typeof data === 'string' && !inj && data.length <= MAX_CAPTURED_FRAME) {
        rec.add({ k: 'frame', s, t, dir, data, size: textSize(data) });
        return;
      }
      const base = { k: 'frame' as const, s, t, dir, ...(inj ? { inj: true as const } : {}) };
      if (typeof data === 'string') {
        const size = textSize(data);
        if (data.length > MAX_CAPTURED_FRAME) rec.add({ ...base, data: data.slice(0, MAX_CAPTURED_FRAME), size, cut: true });
        else rec.add({ ...base, data, size });
        return;
      }
      if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        const cut = bytes.length > MAX_CAPTURED_FRAME;
        rec.add({ ...base, data: base64(bytes), bin: true, size: bytes.length, ...(cut ? { cut: true as const } : {}) });
        return;
      }
      if (typeof Blob !== 'undefined' && data instanceof Blob) {
        // Read a slice of the Blob (the page's Blob is untouched), keeping our place in order.
        const slot = rec.reserve(s);
        const size = data.size;
        void data
          .slice(0, MAX_CAPTURED_FRAME)
          .arrayBuffer()
          .then(
            (buf) => slot?.fill({ ...base, data: base64(new Uint8Array(buf)), bin: true, size, ...(size > MAX_CAPTURED_FRAME ? { cut: true as const } : {}) }),
            () => slot?.fill({ ...base, data: '', bin: true, size, cut: true }),
          );
      }
    };

    const watch = (ws: WebSocket, protocols: unknown): void => {
      const list = typeof protocols === 'string' ? [protocols] : Array.isArray(protocols) ? protocols.filter((p): p is string => typeof p === 'string') : undefined;
      const s = begin('ws', ws.url, list && list.length > 0 ? { protocols: list } : {});
      if (s === undefined) return;
      socketIds.set(ws, s);
      sockets.set(s, ws);
      listen.call(ws, 'open', () => rec.add({ k: 'state', s, t: now(), what: 'open', protocol: ws.protocol }));
      listen.call(ws, 'message', (e) => frameOf(s, 'in', (e as MessageEvent).data, injecting));
      listen.call(ws, 'error', () => rec.add({ k: 'state', s, t: now(), what: 'error' }));
      listen.call(ws, 'close', (e) => {
        const c = e as CloseEvent;
        rec.add({ k: 'state', s, t: now(), what: 'close', code: c.code, reason: c.reason, clean: c.wasClean });
        finish(s);
      });
    };

    const WrappedWS = new Proxy(NativeWS, {
      construct(target, args, newTarget) {
        const ws = Reflect.construct(target, args, newTarget) as WebSocket;
        if (!rec.stopped) watch(ws, args[1]);
        return ws;
      },
    });
    sendOnPage = new Proxy(nativeSend, {
      apply(target, self: WebSocket, args: [string | ArrayBufferLike | Blob | ArrayBufferView]) {
        const result = Reflect.apply(target, self, args) as undefined; // throws as native (CONNECTING)
        const s = socketIds.get(self);
        // A frame sent while closing is discarded by the browser: not on the wire, not recorded.
        if (s !== undefined && !rec.stopped && self.readyState === 1) frameOf(s, 'out', args[0], false);
        return result;
      },
    });
    wsProto.send = sendOnPage;
    Object.defineProperty(wsProto, 'constructor', { value: WrappedWS, writable: true, enumerable: false, configurable: true });
    win.WebSocket = WrappedWS;
  }

  // ---- EventSource ------------------------------------------------------------------------
  const NativeES = win.EventSource;
  if (NativeES) {
    const esIds = new WeakMap<object, { s: number; types: Set<string> }>();
    const lastIds = new Map<number, string>();
    const onEvent = (s: number) => (e: Event) => {
      const m = e as MessageEvent;
      lastIds.set(s, m.lastEventId);
      const data = typeof m.data === 'string' ? m.data : String(m.data);
      const cut = data.length > MAX_CAPTURED_FRAME;
      rec.add({
        k: 'message',
        s,
        t: now(),
        ...(e.type === 'message' ? {} : { name: e.type }),
        ...(m.lastEventId ? { id: m.lastEventId } : {}),
        data: cut ? data.slice(0, MAX_CAPTURED_FRAME) : data,
        size: textSize(data),
        ...(cut ? { cut: true as const } : {}),
      });
    };
    const WrappedES = new Proxy(NativeES, {
      construct(target, args, newTarget) {
        const es = Reflect.construct(target, args, newTarget) as EventSource;
        if (rec.stopped) return es;
        const s = begin('es', es.url, es.withCredentials ? { headers: { credentials: 'include' } } : {});
        if (s === undefined) return es;
        esIds.set(es, { s, types: new Set(['message']) });
        listen.call(es, 'open', () => rec.add({ k: 'state', s, t: now(), what: 'open' }));
        listen.call(es, 'message', onEvent(s));
        listen.call(es, 'error', () => {
          // CONNECTING after an error: the browser reconnects, sending Last-Event-ID.
          const lastId = lastIds.get(s);
          if (es.readyState === 0) rec.add({ k: 'state', s, t: now(), what: 'reconnecting', ...(lastId ? { lastEventId: lastId } : {}) });
          else {
            rec.add({ k: 'state', s, t: now(), what: 'close', reason: 'the browser gave up on the stream' });
            lastIds.delete(s);
            finish(s);
          }
        });
        return es;
      },
    });
    // Named events reach only listeners of their type: listen to each type the page listens to.
    const nativeAdd = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = new Proxy(nativeAdd, {
      apply(target, self: EventTarget, args: Parameters<EventTarget['addEventListener']>) {
        const known = esIds.get(self as object);
        const type = String(args[0]);
        if (known && !known.types.has(type) && type !== 'open' && type !== 'error') {
          known.types.add(type);
          Reflect.apply(target, self, [type, onEvent(known.s)]);
        }
        return Reflect.apply(target, self, args) as undefined;
      },
    });
    const nativeClose = NativeES.prototype.close;
    NativeES.prototype.close = new Proxy(nativeClose, {
      apply(target, self: EventSource, args: []) {
        const known = esIds.get(self);
        if (known && self.readyState !== 2) {
          rec.add({ k: 'state', s: known.s, t: now(), what: 'close', reason: 'closed by the page' });
          lastIds.delete(known.s);
          finish(known.s);
        }
        return Reflect.apply(target, self, args) as undefined;
      },
    });
    Object.defineProperty(NativeES.prototype, 'constructor', { value: WrappedES, writable: true, enumerable: false, configurable: true });
    win.EventSource = WrappedES;
  }

  // ---- streamed response bodies ----------------------------------------------------------
  // The capture reads a clone (a tee of the body). A tee pulls from the network as fast as its
  // faster branch reads, and cancels the request only when both branches are cancelled. So
  // without a bound, a page that never reads would have its own branch fill up with what the
  // capture pulled, and a page that cancels would leave the request open for the capture.
  // The capture therefore runs at most CLONE_AHEAD bytes ahead of a page that has not begun
  // reading, and lets go of the body when the page lets go of it. The page's stream is never
  // touched: only our branch waits or is cancelled.
  const pageBodies = new WeakMap<object, BodyWatch>();
  const pageReaders = new WeakMap<object, BodyWatch>();
  const Streams = typeof ReadableStream === 'undefined' ? undefined : ReadableStream;
  if (Streams && win.fetch) {
    // Which reader, iterator or stream is the page's side of a body we read a clone of.
    const track = <T extends object>(proto: T, key: keyof T, onResult: (self: object, result: unknown, args: unknown[]) => void) => {
      const native = proto[key];
      if (typeof native !== 'function') return;
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      const wrapped = new Proxy(native, {
        apply(target, self: object, args: unknown[]) {
          const result: unknown = Reflect.apply(target as (...a: unknown[]) => unknown, self, args);
          onResult(self, result, args);
          return result;
        },
      });
      Object.defineProperty(proto, key, { ...desc, value: wrapped });
    };
    /** The page cancelled a watched body: ours follows at once (a tee settles the page's cancel only then). */
    const cancelled = (watch: BodyWatch | undefined) => {
      if (!watch) return;
      watch.cancelled = true;
      watch.onCancel?.();
    };
    track(Streams.prototype, 'getReader', (body, reader) => {
      const watch = pageBodies.get(body);
      if (!watch) return;
      watch.tracked = true;
      pageReaders.set(reader as object, watch);
    });
    track(Streams.prototype, 'cancel', (body) => cancelled(pageBodies.get(body)));
    // A pipe the page aborts cancels the body inside the pipe, and keeps the lock until ours is
    // cancelled too: follow the page's abort signal.
    const piped = (body: object, _result: unknown, args: unknown[]) => {
      const watch = pageBodies.get(body);
      const signal = (args[1] as { signal?: unknown } | undefined)?.signal;
      if (!watch || typeof AbortSignal === 'undefined' || !(signal instanceof AbortSignal)) return;
      if (signal.aborted) cancelled(watch);
      else listen.call(signal, 'abort', () => cancelled(watch), { once: true });
    };
    track(Streams.prototype, 'pipeTo', piped);
    track(Streams.prototype, 'pipeThrough', piped);
    const Default = globalThis.ReadableStreamDefaultReader;
    if (Default) {
      // How far the page has read through its reader: a reaction of ours to the very promise
      // the page gets.
      track(Default.prototype, 'read', (reader, result) => {
        const watch = pageReaders.get(reader);
        if (!watch) return;
        (result as Promise<ReadableStreamReadResult<unknown>>).then(
          (r) => {
            if (r.value instanceof Uint8Array) watch.read += r.value.byteLength;
            watch.onRead?.();
          },
          () => undefined,
        );
      });
      track(Default.prototype, 'cancel', (reader) => cancelled(pageReaders.get(reader)));
    }
    const Byob = globalThis.ReadableStreamBYOBReader;
    if (Byob) track(Byob.prototype, 'cancel', (reader) => cancelled(pageReaders.get(reader)));
    // for await … break: the iterator's return() cancels the body.
    const values = Streams.prototype.values as ((this: ReadableStream) => object) | undefined;
    if (typeof values === 'function') {
      const pageIterators = new WeakMap<object, BodyWatch>();
      const iteratorProto = Object.getPrototypeOf(values.call(new Streams())) as object;
      const iterated = (body: object, it: unknown) => {
        const watch = pageBodies.get(body);
        if (!watch) return;
        pageIterators.set(it as object, watch);
        // Browsers keep return() on the shared prototype; some runtimes give each iterator its own.
        if (Object.hasOwn(it as object, 'return')) track(it as object, 'return' as keyof object, (self) => cancelled(pageIterators.get(self)));
      };
      track(Streams.prototype, 'values', iterated);
      track(Streams.prototype, Symbol.asyncIterator as keyof ReadableStream, iterated);
      track(iteratorProto, 'return' as keyof object, (it) => cancelled(pageIterators.get(it)));
    }
  }

  const readBody = (s: number, body: ReadableStream<Uint8Array>, page?: Response): void => {
    const reader = body.getReader();
    readers.add(reader);
    const decoder = new TextDecoder();
    const watch: BodyWatch = { cancelled: false, read: 0, tracked: false };
    const pageBody = page?.body ?? undefined;
    if (pageBody) pageBodies.set(pageBody, watch);
    let bytes = 0;
    let over = false;
    let pending = false; // a read of ours is waiting: everything that arrived so far is read
    let paused = false;
    let idleTicks = 0;
    let afterLetGo = -1; // bytes read since the page let go of its body (-1: it has not)
    const done = () => {
      over = true;
      readers.delete(reader);
      finish(s);
    };
    /** The page cancelled its body, or released it (read to the end, broke out of a loop). */
    const pageLetGo = () => watch.cancelled || (page !== undefined && page.bodyUsed && pageBody !== undefined && !pageBody.locked);
    const leave = (why: string) => {
      if (over) return;
      rec.add({ k: 'state', s, t: now(), what: 'stopped', size: bytes, reason: why });
      done();
      void reader.cancel().catch(() => undefined);
    };
    /** Whether we are CLONE_AHEAD ahead of the page (as far as we can see the page read). */
    const ahead = () => page !== undefined && (!page.bodyUsed || watch.tracked) && bytes - watch.read >= CLONE_AHEAD;
    const pump = (): void => {
      if (over) return;
      if (ahead()) {
        paused = true; // resumed when the page reads on (onRead, or the check below)
        return;
      }
      pending = true;
      reader.read().then(
        ({ done: end, value }) => {
          pending = false;
          if (over) return;
          if (rec.stopped) return void reader.cancel().catch(() => undefined);
          if (end) {
            const tail = decoder.decode();
            if (tail) rec.add({ k: 'chunk', s, t: now(), text: tail });
            rec.add({ k: 'state', s, t: now(), what: 'end' });
            return done();
          }
          bytes += value.byteLength;
          const text = decoder.decode(value, { stream: true });
          if (text) rec.add({ k: 'chunk', s, t: now(), text });
          if (afterLetGo >= 0 && (afterLetGo += value.byteLength) > CLONE_AHEAD) return leave('the page stopped reading the body');
          pump();
        },
        (err: unknown) => {
          pending = false;
          if (over) return;
          rec.add({ k: 'state', s, t: now(), what: 'error', reason: err instanceof Error ? `${err.name}: ${err.message}` : 'stream broke' });
          done();
        },
      );
    };
    const check = (): void => {
      if (over || rec.stopped) return;
      if (pageLetGo()) {
        // What the page had is in once a read of ours waits on the network: the page no longer
        // wants the rest, so neither do we (and the request ends as the page meant it to).
        if (pending || paused) return leave(watch.cancelled ? 'the page cancelled the body' : 'the page stopped reading the body');
        if (afterLetGo < 0) afterLetGo = 0;
      } else if (paused) {
        if (!ahead()) {
          paused = false;
          pump();
        } else if (page?.bodyUsed) idleTicks = 0;
        else if (++idleTicks * WATCH_MS >= UNREAD_WAIT_MS) return leave('the page did not read the body');
      }
      later(check, WATCH_MS);
    };
    watch.onCancel = () => leave('the page cancelled the body');
    watch.onRead = () => {
      if (paused && !over && !ahead()) {
        paused = false;
        pump();
      }
    };
    pump();
    if (page) later(check, WATCH_MS);
  };

  const nativeFetch = win.fetch;
  if (nativeFetch) {
    win.fetch = new Proxy(nativeFetch, {
      apply(target, self, args: Parameters<typeof fetch>) {
        const pending = Reflect.apply(target, self, args) as Promise<Response>;
        if (rec.stopped) return pending;
        // A reaction of our own, registered before the page's: it clones before the page can
        // read. The page gets the very promise fetch returned.
        pending.then(
          (res) => {
            if (rec.stopped || !res.body || !isStreamType(res.headers.get('content-type'))) return;
            const [input, init] = args;
            const method = (init?.method ?? (typeof Request !== 'undefined' && input instanceof Request ? input.method : 'GET')).toUpperCase();
            const headers = plainHeaders(init?.headers ?? (typeof Request !== 'undefined' && input instanceof Request ? input.headers : undefined));
            const s = begin('fetch', res.url || String(input instanceof Request ? input.url : input), { method, ...(headers ? { headers } : {}) });
            if (s === undefined) return;
            const copy = res.clone();
            const told = TELLING_HEADERS.flatMap((name) => {
              const value = res.headers.get(name);
              return value === null ? [] : [[name, value.slice(0, 200)] as const];
            });
            rec.add({ k: 'state', s, t: now(), what: 'open', status: res.status, contentType: res.headers.get('content-type') ?? '', ...(told.length > 0 && { told: Object.fromEntries(told) }) });
            if (copy.body) readBody(s, copy.body, res);
          },
          () => undefined,
        );
        return pending;
      },
    });
  }

  const NativeXHR = win.XMLHttpRequest;
  if (NativeXHR) {
    const xhrProto = NativeXHR.prototype;
    const requests = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
    xhrProto.open = new Proxy(xhrProto.open, {
      apply(target, self: XMLHttpRequest, args: [string, string | URL]) {
        const result = Reflect.apply(target, self, args) as undefined;
        requests.set(self, { method: String(args[0]).toUpperCase(), url: String(args[1]) });
        return result;
      },
    });
    xhrProto.send = new Proxy(xhrProto.send, {
      apply(target, self: XMLHttpRequest, args: [Document | XMLHttpRequestBodyInit | null | undefined]) {
        const req = requests.get(self);
        if (req && !rec.stopped) followXhr(self, req);
        return Reflect.apply(target, self, args) as undefined;
      },
    });
  }

  function followXhr(xhr: XMLHttpRequest, req: { method: string; url: string }): void {
    let s: number | undefined;
    let offset = 0;
    let decided = false;
    const take = () => {
      if (s === undefined || rec.stopped) return;
      const text = xhr.responseText; // '' and 'text' response types only (checked below)
      if (text.length > offset) {
        rec.add({ k: 'chunk', s, t: now(), text: text.slice(offset) });
        offset = text.length;
      }
    };
    listen.call(xhr, 'readystatechange', () => {
      if (!decided && xhr.readyState >= 2) {
        decided = true;
        const ct = xhr.getResponseHeader('content-type');
        if ((xhr.responseType === '' || xhr.responseType === 'text') && isStreamType(ct)) {
          s = begin('xhr', xhr.responseURL || req.url, { method: req.method });
          if (s !== undefined) rec.add({ k: 'state', s, t: now(), what: 'open', status: xhr.status, contentType: ct ?? '' });
        }
      }
      if (xhr.readyState >= 3) take();
    });
    listen.call(xhr, 'loadend', () => {
      if (s === undefined) return;
      take();
      rec.add(xhr.status === 0 ? { k: 'state', s, t: now(), what: 'error', reason: 'request failed or aborted' } : { k: 'state', s, t: now(), what: 'end' });
      finish(s);
    });
  }

  // ---- commands from the panel ------------------------------------------------------------
  const payload = (ws: WebSocket, data: string, bin: boolean | undefined): string | ArrayBuffer | Blob => {
    if (!bin) return data;
    const raw = atob(data);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return ws.binaryType === 'blob' ? new Blob([bytes]) : bytes.buffer;
  };

  return {
    command(c) {
      if (c.op === 'stop') {
        rec.stop();
        for (const r of readers) void r.cancel().catch(() => undefined);
        readers.clear();
        sockets.clear();
        return;
      }
      if (c.op === 'ready') return rec.setReady();
      const ws = sockets.get(c.s);
      if (!ws || ws.readyState !== 1) return;
      if (c.op === 'send') {
        sendOnPage?.call(ws, payload(ws, c.data, c.bin));
        return;
      }
      // As if the server had sent it: the page's listeners and onmessage see a native event.
      let origin = '';
      try {
        origin = new URL(ws.url).origin;
      } catch {
        /* keep '' */
      }
      injecting = true;
      try {
        dispatch.call(ws, new MessageEvent('message', { data: payload(ws, c.data, c.bin), origin }));
      } finally {
        injecting = false;
      }
    },
  };
}
