import type { EndpointConfig } from '../config/endpoint';
import { redactUrl } from '../format/redact-url';
import { formatBytes } from '../format/units';
import { utf8Size } from '../model/event';
import { TELLING_HEADERS } from '../protocols/where';
import { findIdAnomaly } from './gaps';
import { createSseDecoder, MAX_EVENT_BYTES } from './sse-decoder';
import type { Attempt, AttemptHandlers, Ending, Transport } from './types';

/** HTTP/2 responses carry no status text, so name the usual suspects ourselves. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const httpReason = (status: number, statusText: string): string =>
  `HTTP ${status} ${statusText || STATUS_TEXT[status] || ''}`.trimEnd();

const errorText = (err: unknown): string => {
  if (!(err instanceof Error)) return String(err);
  // Node's fetch hides the socket error in `cause`; it is the useful part.
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
};


/** What a response means for the stream, or undefined when it is a good event stream. */
function checkResponse(res: Response): Ending | undefined {
  if (res.status === 204) return { reason: 'server answered 204 No Content: stream closed by the server', next: 'stop', httpStatus: 204 };
  if (!res.ok) {
    const next = res.status >= 400 && res.status < 500 ? 'policy' : 'retry';
    return { reason: httpReason(res.status, res.statusText), next, httpStatus: res.status };
  }
  const type = res.headers.get('content-type') ?? '';
  if (type.split(';')[0]?.trim().toLowerCase() !== 'text/event-stream') {
    return { reason: `expected text/event-stream, got ${type || 'no content type'}`, next: 'policy', httpStatus: res.status };
  }
  return undefined;
}

/**
 * What the response says of the stream's protocol, for detection: its URL (after redirects,
 * without credentials), content type and the headers that name a protocol.
 */
function where(res: Response, url: string): Record<string, unknown> {
  const told = TELLING_HEADERS.flatMap((name) => {
    const value = res.headers.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  return {
    url: redactUrl(res.url || url),
    ...(res.headers.has('content-type') && { contentType: res.headers.get('content-type') }),
    ...(told.length > 0 && { headers: Object.fromEntries(told) }),
  };
}

export interface SseDeps {
  fetch: typeof fetch;
  maxEventBytes?: number;
}

/**
 * Server-Sent Events over `fetch` (it works in a service worker and can send headers). The
 * last event id and the server's retry survive reconnects, as in an EventSource.
 */
export function createSseTransport(cfg: EndpointConfig, deps: SseDeps, resumeId?: string): Transport {
  let lastEventId = resumeId;
  let serverRetryMs: number | undefined;

  const connect = (h: AttemptHandlers): Attempt => {
    const abort = new AbortController();
    let pendingRetry: number | undefined;

    const applyId = (id: string): void => {
      const finding = findIdAnomaly(lastEventId, id);
      if (finding) {
        const { kind, message, ...detail } = finding;
        h.marker(kind, message, detail);
      }
      lastEventId = id;
    };

    const decoder = createSseDecoder(
      {
        event: (e) => {
          if (e.id !== undefined) applyId(e.id);
          h.frame({ dir: 'in', name: e.name, id: lastEventId, retry: pendingRetry, data: e.data, size: utf8Size(e.data) });
          pendingRetry = undefined;
        },
        bareId: applyId,
        retry: (ms) => {
          serverRetryMs = ms;
          pendingRetry = ms;
        },
        comment: () => h.activity(),
        oversize: (bytes, complete) => {
          const limit = deps.maxEventBytes ?? MAX_EVENT_BYTES;
          const message = complete
            ? `Skipped a ${formatBytes(bytes)} event: the limit is ${formatBytes(limit)}`
            : `Skipped an event over the ${formatBytes(limit)} limit: the stream ended ${formatBytes(bytes)} into it`;
          h.marker('malformed', message, { bytes, limit });
        },
      },
      deps.maxEventBytes,
    );

    const run = async (): Promise<Ending> => {
      const headers = new Headers({ Accept: 'text/event-stream', 'Cache-Control': 'no-cache' });
      for (const [k, v] of Object.entries(cfg.headers)) headers.set(k, v);
      if (lastEventId) headers.set('Last-Event-ID', lastEventId);
      let res: Response;
      try {
        // no-store, as EventSource's own request: Firefox otherwise holds a second request for the same
        // URL behind the first one's cache entry, which an endless stream never finishes.
        res = await deps.fetch(cfg.url, { headers, signal: abort.signal, cache: 'no-store' });
      } catch (err) {
        return { reason: `network error: ${errorText(err)}`, next: 'retry' };
      }
      const bad = checkResponse(res);
      if (bad || !res.body) {
        void res.body?.cancel().catch(() => undefined);
        return bad ?? { reason: 'response has no body', next: 'retry', httpStatus: res.status };
      }
      const resuming = lastEventId ? `, resuming after id ${lastEventId}` : '';
      if (!abort.signal.aborted) h.opened(`Connected: HTTP ${res.status}${resuming}`, { httpStatus: res.status, lastEventId, ...where(res, cfg.url) });
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          decoder.push(value);
        }
      } catch (err) {
        return { reason: `stream broke: ${errorText(err)}`, next: 'retry', httpStatus: res.status };
      } finally {
        decoder.end();
      }
      // The spec reconnects after a normal end too; only 204 stops an EventSource for good.
      return { reason: 'stream ended by the server', next: 'retry', httpStatus: res.status };
    };

    void run().then((ending) => {
      if (!abort.signal.aborted) h.ended(ending);
    });

    return {
      close: () => {
        abort.abort();
        decoder.close();
      },
      send: () => ({ ok: false, error: 'SSE is receive-only: nothing can be sent to this endpoint' }),
    };
  };

  return {
    connect,
    get lastEventId() {
      return lastEventId;
    },
    get serverRetryMs() {
      return serverRetryMs;
    },
  };
}
