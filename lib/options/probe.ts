import type { EndpointConfig } from '../config/endpoint';
import { utf8Size, type StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { detectFamily } from '../protocols/detect';
import { createSseTransport } from '../transport/sse';
import type { Timers } from '../transport/types';
import { createWsTransport, type WebSocketCtor } from '../transport/ws';

export const PROBE_MS = 3000;
/** Events kept for profile detection; the first few are shown. */
const KEEP = 20;

export interface ProbeResult {
  /** The connection worked (the attempt opened). */
  ok: boolean;
  /** "Connected: HTTP 200", or why it did not connect. */
  status: string;
  /** SSE only: the response's content type. */
  contentType?: string;
  /** How the stream ended within the test, if it did. */
  ended?: string;
  received: number;
  events: StreamEvent[];
  detected?: { family: Family; confidence: number };
}

export interface ProbeDeps extends Timers {
  fetch: typeof fetch;
  WebSocket: WebSocketCtor;
  now: () => number;
}

/**
 * Opens the endpoint once from the page, with the transports the background uses, and
 * listens for a few seconds: status, content type, first events and the family they look like.
 */
export function probeEndpoint(cfg: EndpointConfig, deps: ProbeDeps, durationMs = PROBE_MS): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const result: ProbeResult = { ok: false, status: 'No answer', received: 0, events: [] };
    // Wrapping fetch is the only way to see the content type of a response the transport accepted.
    const watched: typeof fetch = async (input, init) => {
      const res = await deps.fetch(input, init);
      result.contentType = res.headers.get('content-type') ?? undefined;
      return res;
    };
    const transport = cfg.transport === 'sse' ? createSseTransport(cfg, { fetch: watched }) : createWsTransport(cfg, deps);
    let done = false;
    let connected: StreamEvent | undefined;
    const finish = (): void => {
      if (done) return;
      done = true;
      deps.clearTimeout(timer);
      attempt.close();
      result.detected = detectFamily(connected ? [connected, ...result.events] : result.events);
      resolve(result);
    };
    const attempt = transport.connect({
      opened: (message, detail) => {
        result.ok = true;
        result.status = message;
        // Detection reads the subprotocol, URL and content type from it, as for a running endpoint.
        const data = JSON.stringify({ message, ...detail });
        connected = { endpointId: cfg.id, seq: 0, time: deps.now(), dir: 'sys', transport: cfg.transport, name: 'connected', data, size: utf8Size(data) };
      },
      frame: (f) => {
        if (f.dir !== 'in') return;
        result.received += 1;
        if (result.events.length < KEEP) {
          result.events.push({ ...f, endpointId: cfg.id, seq: result.received, time: deps.now(), transport: cfg.transport });
        }
      },
      activity: () => undefined,
      marker: () => undefined,
      ended: (e) => {
        if (result.ok) result.ended = e.reason;
        else result.status = e.reason;
        finish();
      },
    });
    const timer = deps.setTimeout(finish, durationMs);
  });
}
