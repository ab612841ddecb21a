import type { EndpointConfig } from '../config/endpoint';
import { redactUrl } from '../format/redact-url';
import { utf8Size } from '../model/event';
import { toBase64 } from './base64';
import { watchHeartbeat, type HeartbeatWatch } from './heartbeat';
import type { Attempt, AttemptHandlers, Ending, SendResult, Timers, Transport } from './types';

/**
 * The part of a WebSocket we use. Handlers take `never` so both the DOM socket and Node's `ws`
 * fit without casts; the handlers below check what they are given.
 */
export interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: never) => void) | null;
  onmessage: ((ev: never) => void) | null;
  onerror: ((ev: never) => void) | null;
  onclose: ((ev: never) => void) | null;
}
export type WebSocketCtor = new (url: string, protocols?: string[]) => WebSocketLike;

const OPEN = 1;

const CLOSE_LABELS: Record<number, string> = {
  1000: 'normal',
  1001: 'going away',
  1002: 'protocol error',
  1003: 'unsupported data',
  1005: 'no status code',
  1006: 'abnormal: no close frame, the connection was lost',
  1007: 'invalid data',
  1008: 'policy violation',
  1009: 'message too big',
  1010: 'missing extension',
  1011: 'server error',
  1012: 'service restart',
  1013: 'try again later',
  1015: 'TLS handshake failed',
};

export function describeClose(code: number, reason: string, error?: string): string {
  const label = CLOSE_LABELS[code] ?? (code >= 4000 ? 'application' : 'other');
  const said = reason ? `: ${reason}` : '';
  const why = error && !reason ? ` (${error})` : '';
  return `close ${code} (${label})${said}${why}`;
}

/** Frames arrive as text or, with binaryType 'arraybuffer', as bytes (Node may hand a view). */
const asBytes = (data: unknown): Uint8Array | undefined =>
  data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : undefined;

const noop = (): void => undefined;

export interface WsDeps extends Timers {
  WebSocket: WebSocketCtor;
}

export function createWsTransport(cfg: EndpointConfig, deps: WsDeps): Transport {
  const connect = (h: AttemptHandlers): Attempt => {
    let ws: WebSocketLike | undefined;
    let opened = false;
    let done = false;
    let lastError: string | undefined;
    let heartbeat: HeartbeatWatch | undefined;

    const send = (text: string): SendResult => {
      if (done || !ws || ws.readyState !== OPEN) {
        return { ok: false, error: opened ? 'the WebSocket is closing' : 'the WebSocket is not open yet' };
      }
      try {
        ws.send(text);
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      h.frame({ dir: 'out', opcode: 1, data: text, size: utf8Size(text) });
      return { ok: true };
    };

    /** Silences the socket; `ws` throws on an 'error' nobody listens to, so keep no-op handlers. */
    const quiet = (): void => {
      done = true;
      heartbeat?.stop();
      if (!ws) return;
      ws.onopen = ws.onmessage = ws.onerror = ws.onclose = noop;
      try {
        ws.close();
      } catch {
        // Already closed or never opened: nothing left to release.
      }
    };

    const finish = (e: Ending): void => {
      if (done) return;
      quiet();
      h.ended(e);
    };

    try {
      ws = new deps.WebSocket(cfg.url, cfg.protocols.length > 0 ? cfg.protocols : undefined);
    } catch (err) {
      // A bad URL or subprotocol list will not fix itself by retrying.
      const reason = `cannot open the WebSocket: ${err instanceof Error ? err.message : String(err)}`;
      queueMicrotask(() => finish({ reason, next: 'stop' }));
      return { close: quiet, send };
    }
    const socket = ws;
    socket.binaryType = 'arraybuffer';

    socket.onopen = () => {
      opened = true;
      const protocol = socket.protocol || undefined;
      h.opened(protocol ? `Connected: subprotocol ${protocol}` : 'Connected', { protocol, url: redactUrl(cfg.url) });
      if (cfg.heartbeat) {
        const hb = cfg.heartbeat;
        heartbeat = watchHeartbeat(hb, deps, () => void send(hb.message), (why) => {
          h.marker('stale', `Connection is stale: ${why}`, { timeoutSec: hb.timeoutSec });
          finish({ reason: `stale: ${why}`, next: 'retry' });
        });
      }
    };
    socket.onmessage = (ev: { data: unknown }) => {
      // Read once: each read of a browser MessageEvent's `data` goes through the bindings.
      const data = ev.data;
      if (typeof data === 'string') {
        h.frame({ dir: 'in', opcode: 1, data, size: utf8Size(data) });
        heartbeat?.received(data);
        return;
      }
      const bytes = asBytes(data);
      if (bytes) h.frame({ dir: 'in', opcode: 2, data: toBase64(bytes), size: bytes.byteLength });
      else h.marker('malformed', 'Received a frame that is neither text nor bytes', { type: typeof data });
    };
    socket.onerror = (ev: { message?: unknown }) => {
      // Browsers say nothing here; Node's ws names the socket error.
      if (typeof ev.message === 'string' && ev.message) lastError = ev.message;
    };
    socket.onclose = (ev: { code: number; reason: string }) => {
      finish({ reason: describeClose(ev.code, ev.reason, lastError), next: 'retry', closeCode: ev.code, closeReason: ev.reason || undefined });
    };

    return { close: quiet, send };
  };

  return { connect, lastEventId: undefined, serverRetryMs: undefined };
}
