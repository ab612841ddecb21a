import { parseJson } from './parse';
import type { Decoded } from './spec';

/*
 * STOMP 1.2 frames (stomp.github.io/stomp-specification-1.2.html) as text: a command line,
 * `name:value` header lines, a blank line, the body, then NUL. A frame of EOLs alone is a
 * heart-beat. Also inside SockJS framing (sockjs-protocol): `o` open, `h` heartbeat,
 * `a["…","…"]` messages (each a STOMP text), `c[code,"reason"]` close; the client sends `["…"]`.
 */

export const STOMP_COMMANDS = [
  'CONNECT', 'STOMP', 'CONNECTED', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'ACK', 'NACK',
  'BEGIN', 'COMMIT', 'ABORT', 'DISCONNECT', 'MESSAGE', 'RECEIPT', 'ERROR',
] as const;
const COMMANDS = new Set<string>(STOMP_COMMANDS);

/** A decoded STOMP frame: what the schemas and the reducer read. */
export interface StompFrame {
  command: string;
  /** First occurrence of each header wins (STOMP 1.2 §Repeated Header Entries). */
  headers: Record<string, string>;
  /** The body: parsed when it is JSON, else its text; absent when empty. */
  body?: unknown;
  /** What is wrong with the framing itself (an undefined escape, no NUL at the end). */
  problems?: string[];
}

const ESCAPES: Record<string, string> = { r: '\r', n: '\n', c: ':', '\\': '\\' };

/** Header text with STOMP 1.2 escapes undone; undefined escapes are kept and reported. */
function unescape(text: string, problems: string[]): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(.?)/g, (all, c: string) => {
    if (Object.hasOwn(ESCAPES, c)) return ESCAPES[c]!;
    problems.push(`undefined escape ${JSON.stringify(all)} in a header`);
    return all;
  });
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** The body and where the frame ends: `content-length` octets, else up to the NUL. */
function readBody(text: string, start: number, length: number | undefined, problems: string[]): { body: string; end: number } {
  if (length !== undefined) {
    const rest = utf8.encode(text.slice(start));
    if (rest.length >= length) {
      const body = fromUtf8.decode(rest.subarray(0, length));
      const end = start + body.length;
      if (text[end] !== '\0') problems.push('no NUL after content-length octets');
      return { body, end: text[end] === '\0' ? end + 1 : end };
    }
    problems.push(`content-length ${length} is longer than the body`);
  }
  const nul = text.indexOf('\0', start);
  if (nul < 0) {
    problems.push('frame not ended by NUL');
    return { body: text.slice(start), end: text.length };
  }
  return { body: text.slice(start, nul), end: nul + 1 };
}

/** JSON bodies parsed; anything else as text. */
function bodyValue(body: string, headers: Record<string, string>): unknown {
  const type = headers['content-type'] ?? '';
  const looksJson = /json/i.test(type) || (type === '' && /^\s*[[{"]/.test(body));
  if (!looksJson) return body;
  const { payload, error } = parseJson(body);
  return error === undefined ? payload : body;
}

/** One frame starting at `at` (past any EOLs), or undefined when no STOMP command starts there. */
function readFrame(text: string, at: number): { frame: StompFrame; end: number } | undefined {
  const eol = /\r?\n/g;
  eol.lastIndex = at;
  const first = eol.exec(text);
  const command = text.slice(at, first ? first.index : text.length);
  if (!COMMANDS.has(command)) return undefined;
  const problems: string[] = [];
  const headers: Record<string, string> = {};
  // CONNECT and CONNECTED predate escaping: their headers are taken as they are.
  const escaped = command !== 'CONNECT' && command !== 'CONNECTED';
  let pos = first ? eol.lastIndex : text.length;
  for (;;) {
    if (pos >= text.length) {
      problems.push('frame ends inside its headers');
      break;
    }
    eol.lastIndex = pos;
    const next = eol.exec(text);
    const lineEnd = next ? next.index : text.length;
    const header = text.slice(pos, lineEnd);
    pos = next ? eol.lastIndex : text.length;
    if (header === '') break;
    const colon = header.indexOf(':');
    if (colon < 0) {
      problems.push(`header line without a colon: ${JSON.stringify(header.slice(0, 40))}`);
      continue;
    }
    const name = escaped ? unescape(header.slice(0, colon), problems) : header.slice(0, colon);
    if (!Object.hasOwn(headers, name)) Object.defineProperty(headers, name, { value: escaped ? unescape(header.slice(colon + 1), problems) : header.slice(colon + 1), enumerable: true, writable: true, configurable: true });
  }
  const declared = headers['content-length'];
  const length = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
  const { body, end } = pos >= text.length ? { body: '', end: text.length } : readBody(text, pos, length, problems);
  const frame: StompFrame = { command, headers };
  if (body !== '') frame.body = bodyValue(body, headers);
  if (problems.length > 0) frame.problems = problems;
  return { frame, end };
}

const isEol = (text: string, i: number): number => (text[i] === '\n' ? 1 : text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0);

/** The STOMP frames of one text; empty when it does not start as STOMP (not this framing). */
export function decodeStomp(text: string): Decoded[] {
  let i = 0;
  for (let n = isEol(text, i); n > 0; n = isEol(text, i)) i += n;
  // Nothing but EOLs: a heart-beat.
  if (text !== '' && i === text.length) return [{ type: 'heartbeat', payload: {} }];
  const out: Decoded[] = [];
  while (i < text.length) {
    const read = readFrame(text, i);
    if (!read) {
      if (out.length === 0) return [];
      out.push({ type: 'message', payload: undefined, error: 'text after the last frame is not a STOMP frame' });
      break;
    }
    out.push({ type: read.frame.command, payload: read.frame });
    i = read.end;
    // EOLs after a frame's NUL are allowed padding, not heart-beats.
    for (let n = isEol(text, i); n > 0; n = isEol(text, i)) i += n;
  }
  return out;
}

/** SockJS framing around STOMP; empty when the text is not a SockJS frame. */
export function decodeSockJs(text: string, sent: boolean): Decoded[] {
  if (!sent && text === 'o') return [{ type: 'sockjs_open', payload: {} }];
  if (!sent && text === 'h') return [{ type: 'sockjs_heartbeat', payload: {} }];
  const kind = sent ? '' : text[0];
  if (sent ? text[0] !== '[' : kind !== 'a' && kind !== 'c') return [];
  const { payload, error } = parseJson(sent ? text : text.slice(1));
  if (error !== undefined || !Array.isArray(payload)) return [];
  if (kind === 'c') return [{ type: 'sockjs_close', payload: { code: payload[0], reason: payload[1] } }];
  // Each message of the array is a STOMP text of its own (one or more frames, or a heart-beat).
  const frames = payload.flatMap((m): Decoded[] => (typeof m === 'string' ? decodeStomp(m) : []));
  return frames.length > 0 ? frames : [];
}

