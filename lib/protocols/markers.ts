import type { StreamEvent } from '../model/event';
import type { Family, TypedEvent } from '../model/typed';
import { clip } from './format';
import { isRecord } from './values';

/** Markers that mean something went wrong with the connection or the stream's order. */
const ERROR_MARKERS: ReadonlySet<string> = new Set(['given_up', 'http_error', 'malformed', 'stale', 'overloaded', 'gap', 'duplicate', 'capture_dropped']);

/** A connection marker (`dir: 'sys'`): its data is `{"message": string, ...details}`. */
export function typeMarker(ev: StreamEvent, family: Family, type: string, payload: unknown): TypedEvent {
  const message = isRecord(payload) ? payload.message : undefined;
  return {
    family,
    type,
    category: ERROR_MARKERS.has(type) ? 'error' : 'lifecycle',
    summary: typeof message === 'string' && message.trim() !== '' ? clip(message, 200) : clip(type, 60),
    entities: [],
    payload,
    known: true,
    issues: [],
  };
}
