import type { StreamEvent } from '../model/event';
import { isRecord } from './values';

export interface ParsedData {
  /** The parsed JSON; undefined for binary frames and text that is not JSON. */
  payload: unknown;
  /** Why the text is not JSON (binary frames have no error: they are not meant to be). */
  error?: string;
}

export const isBinary = (ev: StreamEvent): boolean => ev.transport === 'ws' && ev.opcode === 2;

/** JSON text parsed, or why it is not JSON. */
export function parseJson(text: string): ParsedData {
  try {
    return { payload: JSON.parse(text) };
  } catch (e) {
    return { payload: undefined, error: e instanceof Error ? e.message : String(e) };
  }
}

export const parseData = (ev: StreamEvent): ParsedData => (isBinary(ev) ? { payload: undefined } : parseJson(ev.data));

/**
 * SSE `event:` name if set (the spec's default `message` counts as unset); else the JSON
 * `type`; else `message`. Binary WebSocket frames are `binary`, markers their kind.
 */
export function eventTypeName(ev: StreamEvent, payload: unknown): string {
  if (ev.dir === 'sys') return ev.name ?? 'marker';
  if (isBinary(ev)) return 'binary';
  if (ev.transport === 'sse' && ev.name !== undefined && ev.name !== '' && ev.name !== 'message') return ev.name;
  if (isRecord(payload) && typeof payload.type === 'string' && payload.type !== '') return payload.type;
  return 'message';
}
