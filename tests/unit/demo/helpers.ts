import { createParser } from 'eventsource-parser';
import WebSocket from 'ws';

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

export interface SseResult {
  status: number;
  headers: Headers;
  body: string;
  events: SseMessage[];
  retry?: number;
  /** max: we stopped reading; eof: the server ended the response; error: the connection broke. */
  ended: 'max' | 'eof' | 'error' | 'timeout';
}

/** Reads an SSE response until `max` events, the end, a broken connection or the timeout. */
export async function readSse(url: string, opts: { headers?: Record<string, string>; max?: number; timeoutMs?: number } = {}): Promise<SseResult> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: opts.headers, signal: abort.signal });
  const events: SseMessage[] = [];
  let retry: number | undefined;
  const parser = createParser({ onEvent: (e) => events.push(e), onRetry: (r) => (retry = r) });
  const max = opts.max ?? Infinity;
  let body = '';
  let ended: SseResult['ended'] = 'eof';
  const timer = setTimeout(() => {
    ended = 'timeout';
    abort.abort();
  }, opts.timeoutMs ?? 5000);
  const decoder = new TextDecoder();
  try {
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      const text = decoder.decode(chunk.value, { stream: true });
      if (!res.headers.get('content-type')?.startsWith('text/event-stream')) body += text;
      parser.feed(text);
      if (events.length >= max) {
        ended = 'max';
        abort.abort();
        break;
      }
    }
  } catch {
    if (ended === 'eof') ended = 'error';
  } finally {
    clearTimeout(timer);
  }
  return { status: res.status, headers: res.headers, body, events: events.slice(0, max), retry, ended };
}

export interface WsResult {
  frames: string[];
  closeCode?: number;
  /** Status of a refused upgrade. */
  status?: number;
}

/** Collects text frames until `max` frames, the close, or the timeout (then closes politely). */
export function collectWs(url: string, opts: { max?: number; timeoutMs?: number; onOpen?: (ws: WebSocket) => void } = {}): Promise<WsResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: string[] = [];
    const max = opts.max ?? Infinity;
    const done = (r: WsResult) => {
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      done({ frames });
    }, opts.timeoutMs ?? 5000);
    ws.on('open', () => opts.onOpen?.(ws));
    ws.on('message', (raw) => {
      frames.push(raw.toString());
      if (frames.length >= max) {
        ws.removeAllListeners();
        ws.on('error', () => undefined);
        ws.terminate();
        done({ frames });
      }
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      done({ frames, status: res.statusCode });
    });
    ws.on('close', (code) => done({ frames, closeCode: code }));
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

const TIME_FIELDS = new Set(['serverTime', 'timestamp', 'created_at']);

/** The data with its real-time fields removed: what must be identical across connections. */
export function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !TIME_FIELDS.has(k)).map(([k, v]) => [k, withoutTimes(v)]));
  }
  return value;
}

export const ids = (events: { id?: string }[]): number[] => events.map((e) => Number(e.id));
export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
