import type { StreamEvent } from '../model/event';
import { markerTone } from '../model/markers';
import type { Family, TypedEvent } from '../model/typed';
import { clip } from './format';
import { isRecord } from './values';


/** A connection marker (`dir: 'sys'`): its data is `{"message": string, ...details}`. */
export function typeMarker(ev: StreamEvent, family: Family, type: string, payload: unknown): TypedEvent {
  const message = isRecord(payload) ? payload.message : undefined;
  return {
    family,
    type,
    // Markers that mean something went wrong with the connection or the stream's order.
    category: markerTone(type) === 'error' ? 'error' : 'lifecycle',
    summary: typeof message === 'string' && message.trim() !== '' ? clip(message, 200) : clip(type, 60),
    entities: [],
    payload,
    known: true,
    issues: [],
  };
}
