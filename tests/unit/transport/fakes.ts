import { vi } from 'vitest';
import { newEndpoint, type EndpointConfig } from '../../../lib/config/endpoint';
import type { AttemptRecord } from '../../../lib/model/connection';
import type { ConnectionDeps, ConnectionEvents, ConnectionStatus, Frame } from '../../../lib/transport/connection';
import type { MarkerKind } from '../../../lib/model/event';

const encoder = new TextEncoder();

/** Lets pending promise chains (fetch, stream reads) settle; setImmediate stays real. */
export const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Fake timers for the connection's own timers and clock only. */
export const useClock = (): void => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
};

export const advance = async (ms: number): Promise<void> => {
  vi.advanceTimersByTime(ms);
  await flush();
};

/** One streamed response body the test writes to. */
export class FakeStream {
  private ctrl!: ReadableStreamDefaultController<Uint8Array>;
  readonly body = new ReadableStream<Uint8Array>({ start: (c) => void (this.ctrl = c) });
  private closed = false;
  /** Writing to a connection the client closed goes nowhere, as on a real socket. */
  send(text: string | Uint8Array): void {
    if (!this.closed) this.ctrl.enqueue(typeof text === 'string' ? encoder.encode(text) : text);
  }
  end(): void {
    if (!this.closed) this.ctrl.close();
    this.closed = true;
  }
  fail(err: Error): void {
    if (!this.closed) this.ctrl.error(err);
    this.closed = true;
  }
}

type Reply = (signal: AbortSignal | undefined) => Response;

/** A scripted server: each request takes the next reply; none left is a network error. */
export class FakeServer {
  readonly requests: { url: string; headers: Headers }[] = [];
  private readonly replies: Reply[] = [];

  /** Queues an open event stream and returns it so the test can write to it. */
  stream(headers: Record<string, string> = {}): FakeStream {
    const s = new FakeStream();
    this.replies.push((signal) => {
      // Like fetch: aborting the request errors the body.
      signal?.addEventListener('abort', () => s.fail(new DOMException('aborted', 'AbortError')));
      return new Response(s.body, { headers: { 'content-type': 'text/event-stream; charset=utf-8', ...headers } });
    });
    return s;
  }

  /** Queues a request that is taken but never answered (until aborted). */
  hang(): void {
    this.replies.push((signal) => {
      const stuck = new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      return stuck as unknown as Response;
    });
  }

  respond(status: number, contentType = 'text/plain', body: string | null = 'nope'): void {
    this.replies.push(() => new Response(body, { status, headers: { 'content-type': contentType } }));
  }

  readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    this.requests.push({ url: String(input), headers: new Headers(init?.headers) });
    const reply = this.replies.shift();
    if (!reply) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    return reply(init?.signal ?? undefined);
  }) as typeof fetch;

  lastHeader(name: string): string | null | undefined {
    return this.requests.at(-1)?.headers.get(name);
  }
}

/** A WebSocket the test drives by hand. */
export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  static get last(): FakeWebSocket {
    const ws = FakeWebSocket.instances.at(-1);
    if (!ws) throw new Error('no socket was opened');
    return ws;
  }

  readyState = 0;
  protocol = '';
  binaryType = 'blob';
  readonly sent: string[] = [];
  closedByClient = false;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: { message?: string }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols?: string[],
  ) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }
  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }

  serverOpen(protocol = ''): void {
    this.protocol = protocol;
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSend(data: string | ArrayBuffer): void {
    this.onmessage?.({ data });
  }
  serverClose(code: number, reason = '', error?: string): void {
    this.readyState = 3;
    if (error) this.onerror?.({ message: error });
    this.onclose?.({ code, reason });
  }
}

export const sseEndpoint = (over: Partial<EndpointConfig> = {}): EndpointConfig =>
  newEndpoint({ id: 'ep', name: 'Test', url: 'http://test.local/events', ...over });

export const wsEndpoint = (over: Partial<EndpointConfig> = {}): EndpointConfig =>
  newEndpoint({ id: 'ep', name: 'Test', url: 'ws://test.local/ws', ...over });

export const fakeDeps = (server: FakeServer): ConnectionDeps => ({
  fetch: server.fetch,
  WebSocket: FakeWebSocket,
  now: () => Date.now(),
  // 0.5 is the middle of the jitter range: delays come out exact.
  random: () => 0.5,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

/** Everything a connection reported, in order. */
export class Recorder implements ConnectionEvents {
  readonly frames: Frame[] = [];
  readonly markers: { kind: MarkerKind; message: string; detail?: Record<string, unknown> }[] = [];
  readonly statuses: ConnectionStatus[] = [];
  readonly attempts = new Map<number, AttemptRecord>();

  frame(f: Frame): void {
    this.frames.push(f);
  }
  marker(kind: MarkerKind, message: string, detail?: Record<string, unknown>): void {
    this.markers.push({ kind, message, detail });
  }
  status(s: ConnectionStatus): void {
    this.statuses.push(s);
  }
  attempt(a: AttemptRecord): void {
    this.attempts.set(a.n, a);
  }

  get kinds(): MarkerKind[] {
    return this.markers.map((m) => m.kind);
  }
  get lastStatus(): ConnectionStatus | undefined {
    return this.statuses.at(-1);
  }
  lastMarker(kind: MarkerKind): string | undefined {
    return this.markers.filter((m) => m.kind === kind).at(-1)?.message;
  }
  get data(): string[] {
    return this.frames.filter((f) => f.dir === 'in').map((f) => f.data);
  }
}
