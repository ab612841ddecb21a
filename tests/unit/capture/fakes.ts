import { installPageHook, type HookWindow } from '../../../lib/capture/page-hook';
import { Recorder } from '../../../lib/capture/recorder';
import type { PageRecord } from '../../../lib/capture/wire';

/**
 * Stand-ins for the browser's stream classes, with the native semantics the page hook must
 * keep: statics on the class and the prototype, `on*` handler attributes (a listener added
 * once, at first set, that calls whatever handler is current), throwing `send` while
 * CONNECTING. Node has EventTarget, MessageEvent, fetch's Response and web streams; it has no
 * WebSocket close event, EventSource or XMLHttpRequest for a page.
 */

/** `on<type>` as the DOM has it: a listener registered at first set, calling the current handler. */
function handlerAttribute(proto: object, type: string): void {
  const slot = Symbol(type);
  Object.defineProperty(proto, `on${type}`, {
    configurable: true,
    get(this: Record<symbol, unknown>) {
      return this[slot] ?? null;
    },
    set(this: EventTarget & Record<symbol, unknown>, fn: unknown) {
      if (!(slot in this)) EventTarget.prototype.addEventListener.call(this, type, (e) => (this[slot] as ((e: Event) => void) | null)?.call(this, e));
      this[slot] = typeof fn === 'function' ? fn : null;
    },
  });
}

export class FakeCloseEvent extends Event {
  constructor(
    readonly code: number,
    readonly reason: string,
    readonly wasClean: boolean,
  ) {
    super('close');
  }
}

export class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  declare readonly CONNECTING: 0;
  declare readonly OPEN: 1;
  declare readonly CLOSING: 2;
  declare readonly CLOSED: 3;
  declare onopen: ((e: Event) => void) | null;
  declare onmessage: ((e: MessageEvent) => void) | null;
  declare onerror: ((e: Event) => void) | null;
  declare onclose: ((e: FakeCloseEvent) => void) | null;
  readyState = 0;
  binaryType: 'blob' | 'arraybuffer' = 'blob';
  protocol = '';
  /** What reached the wire. */
  readonly wire: unknown[] = [];
  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    super();
  }
  send(data: unknown): void {
    if (this.readyState === 0) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
    if (this.readyState === 1) this.wire.push(data); // CLOSING/CLOSED: discarded, no throw
  }
  close(code = 1000, reason = ''): void {
    if (this.readyState >= 2) return;
    this.readyState = 2;
    queueMicrotask(() => this.serverClosed(code, reason, true));
  }
  // ---- test driver: what the network does
  serverOpen(protocol = ''): void {
    this.readyState = 1;
    this.protocol = protocol;
    this.dispatchEvent(new Event('open'));
  }
  serverSends(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  serverClosed(code: number, reason: string, clean: boolean): void {
    this.readyState = 3;
    this.dispatchEvent(new FakeCloseEvent(code, reason, clean));
  }
  fail(): void {
    this.readyState = 3;
    this.dispatchEvent(new Event('error'));
    this.dispatchEvent(new FakeCloseEvent(1006, '', false));
  }
}
for (const [k, v] of Object.entries({ CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 })) Object.defineProperty(FakeSocket.prototype, k, { value: v, enumerable: true });
for (const t of ['open', 'message', 'error', 'close']) handlerAttribute(FakeSocket.prototype, t);

export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  declare readonly CONNECTING: 0;
  declare readonly OPEN: 1;
  declare readonly CLOSED: 2;
  declare onopen: ((e: Event) => void) | null;
  declare onmessage: ((e: MessageEvent) => void) | null;
  declare onerror: ((e: Event) => void) | null;
  readyState = 0;
  readonly withCredentials: boolean;
  constructor(
    readonly url: string,
    init?: { withCredentials?: boolean },
  ) {
    super();
    this.withCredentials = init?.withCredentials ?? false;
  }
  close(): void {
    this.readyState = 2;
  }
  // ---- test driver
  serverOpen(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  serverEvent(data: string, name = 'message', id = ''): void {
    if (this.readyState !== 1) return;
    this.dispatchEvent(new MessageEvent(name, { data, lastEventId: id }));
  }
  /** The connection broke: the browser reconnects (readyState CONNECTING) or gives up (CLOSED). */
  broke(giveUp: boolean): void {
    this.readyState = giveUp ? 2 : 0;
    this.dispatchEvent(new Event('error'));
  }
}
for (const [k, v] of Object.entries({ CONNECTING: 0, OPEN: 1, CLOSED: 2 })) Object.defineProperty(FakeEventSource.prototype, k, { value: v, enumerable: true });
for (const t of ['open', 'message', 'error']) handlerAttribute(FakeEventSource.prototype, t);

/** An XHR whose network is driven by the test: headers, body growth (readyState 3), end. */
export class FakeXhr extends EventTarget {
  declare onreadystatechange: ((e: Event) => void) | null;
  declare onprogress: ((e: Event) => void) | null;
  declare onloadend: ((e: Event) => void) | null;
  readyState = 0;
  status = 0;
  responseType: XMLHttpRequestResponseType = '';
  responseURL = '';
  responseText = '';
  private headers: Record<string, string> = {};
  private url = '';
  open(_method: string, url: string): void {
    this.url = url;
    this.readyState = 1;
  }
  send(): void {
    /* the test drives the rest */
  }
  getResponseHeader(name: string): string | null {
    return this.headers[name.toLowerCase()] ?? null;
  }
  // ---- test driver
  serverHeaders(contentType: string, status = 200): void {
    this.headers = { 'content-type': contentType };
    this.status = status;
    this.responseURL = new URL(this.url, 'http://page.test/').href;
    this.readyState = 2;
    this.dispatchEvent(new Event('readystatechange'));
  }
  serverBody(text: string): void {
    this.responseText += text;
    this.readyState = 3;
    this.dispatchEvent(new Event('readystatechange'));
    this.dispatchEvent(new Event('progress'));
  }
  serverDone(aborted = false): void {
    if (aborted) this.status = 0;
    this.readyState = 4;
    this.dispatchEvent(new Event('readystatechange'));
    this.dispatchEvent(new Event('loadend'));
  }
}
for (const t of ['readystatechange', 'progress', 'loadend']) handlerAttribute(FakeXhr.prototype, t);

/** A page window with the fakes, the hook installed on it, and the records it sent. */
export function hookedPage(extra: Partial<HookWindow> = {}) {
  const batches: PageRecord[][] = [];
  const rec = new Recorder({ emit: (b) => batches.push(JSON.parse(b) as PageRecord[]), now: () => 1, setTimeout: () => 0, stringify: JSON.stringify });
  rec.setReady();
  const win: HookWindow = {
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    EventSource: FakeEventSource as unknown as typeof EventSource,
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    location: { href: 'http://page.test/' },
    ...extra,
  };
  const hook = installPageHook(win, rec);
  const records = (): PageRecord[] => {
    rec.flush();
    return batches.flat();
  };
  return {
    win,
    hook,
    records,
    WS: win.WebSocket as unknown as typeof FakeSocket,
    ES: win.EventSource as unknown as typeof FakeEventSource,
    XHR: win.XMLHttpRequest as unknown as typeof FakeXhr,
  };
}

/** Just the records of one kind, for short assertions. */
export const only = <K extends PageRecord['k']>(records: PageRecord[], k: K): Extract<PageRecord, { k: K }>[] =>
  records.filter((r): r is Extract<PageRecord, { k: K }> => r.k === k);
