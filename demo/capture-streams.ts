/**
 * What the capture demo page's streams send, as data: the server sends exactly this, and the
 * end-to-end tests compare what the extension captured with it. Every stream is finite and
 * deterministic so "complete and in order" can be checked.
 */

/** Server → page frames of the main WebSocket (before echoes). Every 5th is binary. */
export interface WsFrame {
  text?: string;
  bytes?: number[];
}

export function wsFrames(who: 'page' | 'frame'): WsFrame[] {
  const count = who === 'page' ? 20 : 10;
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return n % 5 === 0 && who === 'page' ? { bytes: [n, n + 1, n + 2, 255, 0] } : { text: JSON.stringify({ type: 'tick', who, n }) };
  });
}

/** What the server answers to a text frame the page sends. */
export const wsEcho = (text: string): string => JSON.stringify({ type: 'echo', text });

/** EventSource events: ids 1..12, even ones named `update`; the server drops after id 6. */
export interface EsEvent {
  id: string;
  name?: string;
  data: string;
}

export const ES_DROP_AFTER = 6;
export const ES_RETRY_MS = 300;

export function esEvents(): EsEvent[] {
  const out: EsEvent[] = Array.from({ length: 12 }, (_, i) => {
    const n = i + 1;
    return { id: String(n), ...(n % 2 === 0 ? { name: 'update' } : {}), data: JSON.stringify({ n, text: `event ${n}` }) };
  });
  out.push({ id: '13', name: 'done', data: '{"done":true}' });
  return out;
}

/** The LLM-style answer to the page's POST: OpenAI chat-completion chunks, then [DONE]. */
export const LLM_WORDS = ['Streams', ' are', ' captured', ' as', ' they', ' arrive', ',', ' chunk', ' by', ' chunk', '.'];

export function llmEvents(): string[] {
  const chunk = (delta: object, finish: string | null) =>
    JSON.stringify({ id: 'chatcmpl-demo', object: 'chat.completion.chunk', model: 'demo-1', choices: [{ index: 0, delta, finish_reason: finish }] });
  return [chunk({ role: 'assistant', content: '' }, null), ...LLM_WORDS.map((w) => chunk({ content: w }, null)), chunk({}, 'stop'), '[DONE]'];
}

/** NDJSON lines of the fetch stream. */
export function ndjsonLines(): string[] {
  return Array.from({ length: 10 }, (_, i) => JSON.stringify({ line: i + 1, status: i === 9 ? 'done' : 'working' }));
}

/** Events of the XHR event stream (named `progress`, ids p1..p8). */
export function xhrEvents(): EsEvent[] {
  return Array.from({ length: 8 }, (_, i) => ({ id: `p${i + 1}`, name: 'progress', data: JSON.stringify({ pct: (i + 1) * 12.5 }) }));
}
