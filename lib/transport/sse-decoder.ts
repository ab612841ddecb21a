import { createParser } from 'eventsource-parser';
import { utf8Size } from '../model/event';

/** Largest single event kept; a bigger one is reported and skipped so memory stays bounded. */
export const MAX_EVENT_BYTES = 16 * 1024 * 1024;

export interface SseDecoderEvents {
  /** `id` is the event's own `id:` field, if it had one. */
  event(e: { name?: string; id?: string; data: string }): void;
  /** A block with an `id:` but no data: no event, yet the spec still applies the id. */
  bareId(id: string): void;
  retry(ms: number): void;
  comment(text: string): void;
  /** An event over the limit was skipped; `complete` is false when the stream ended inside it. */
  oversize(bytes: number, complete: boolean): void;
}

export interface SseDecoder {
  push(chunk: Uint8Array): void;
  /** The stream ended: an unfinished event is dropped (spec), an oversize one is reported. */
  end(): void;
  /** Stop at once, even in the middle of a chunk: nothing more is reported. */
  close(): void;
}

const LF = 10;
const CR = 13;

/**
 * Bytes of one response body → SSE events. eventsource-parser does the field parsing; this
 * layer feeds it whole lines because the parser on its own holds back a chunk-final CR until
 * more data comes (a CR-terminated event would wait for the next one), drops `id:` in blocks
 * without data, and can only cap its buffer by giving up on the stream.
 */
export function createSseDecoder(on: SseDecoderEvents, maxEventBytes = MAX_EVENT_BYTES): SseDecoder {
  // Default TextDecoder drops one leading BOM; `stream` keeps characters split across chunks whole.
  const decoder = new TextDecoder();
  let dispatched = false;
  const parser = createParser({
    onEvent: (e) => {
      dispatched = true;
      on.event({ name: e.event, id: e.id, data: e.data });
    },
    onRetry: on.retry,
    onComment: on.comment,
  });

  let afterCR = false; // the last chunk ended in CR: an LF opening the next one is the same line end
  let partial = ''; // the current line so far
  let eventBytes = 0; // content of the event being read
  let blockId: string | undefined;
  let discarding = false;
  let discarded = 0;
  let midLine = false; // while discarding: the current line has content, so its end is no blank line
  let closed = false;

  const line = (text: string): void => {
    if (text === '') {
      parser.feed('\n');
      if (!dispatched && blockId !== undefined) on.bareId(blockId);
      dispatched = false;
      blockId = undefined;
      eventBytes = 0;
      return;
    }
    if (text === 'id' || text.startsWith('id:')) {
      const value = text.slice(text.charCodeAt(3) === 32 ? 4 : 3);
      if (!value.includes('\0')) blockId = value;
    }
    parser.feed(`${text}\n`);
  };

  const piece = (text: string, terminated: boolean): void => {
    if (closed) return;
    const bytes = text === '' ? 0 : utf8Size(text);
    if (discarding) {
      discarded += bytes;
      if (!terminated) {
        midLine ||= text !== '';
      } else if (text === '' && !midLine) {
        discarding = false;
        eventBytes = 0;
        on.oversize(discarded, true);
      } else {
        midLine = false;
      }
      return;
    }
    eventBytes += bytes;
    if (eventBytes > maxEventBytes) {
      parser.reset();
      discarding = true;
      discarded = eventBytes;
      midLine = !terminated;
      partial = '';
      blockId = undefined;
      dispatched = false;
      return;
    }
    if (!terminated) {
      partial += text;
      return;
    }
    const whole = partial + text;
    partial = '';
    line(whole);
  };

  return {
    push(chunk) {
      let text = decoder.decode(chunk, { stream: true });
      if (text === '') return;
      if (afterCR && text.charCodeAt(0) === LF) text = text.slice(1);
      afterCR = text.charCodeAt(text.length - 1) === CR;
      text = text.replace(/\r\n?/g, '\n');
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        piece(text.slice(start, nl), true);
        start = nl + 1;
      }
      if (start < text.length) piece(text.slice(start), false);
    },
    end() {
      if (discarding && !closed) on.oversize(discarded, false);
      discarding = false;
    },
    close() {
      closed = true;
    },
  };
}
