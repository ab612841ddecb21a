import type { EndpointStatus } from '../../../lib/messaging/protocol';
import { utf8Size, type StreamEvent } from '../../../lib/model/event';

/** A received frame of endpoint `a` at `time`. */
export function frame(seq: number, time: number, p: Partial<StreamEvent> = {}): StreamEvent {
  const data = p.data ?? '{}';
  return { endpointId: 'a', seq, time, dir: 'in', transport: 'sse', data, size: utf8Size(data), ...p };
}

/** A connection marker as the background writes it: `{message, ...detail}`. */
export function marker(seq: number, time: number, kind: string, message = kind, p: Partial<StreamEvent> = {}): StreamEvent {
  return frame(seq, time, { dir: 'sys', name: kind, data: JSON.stringify({ message }), ...p });
}

/** An endpoint's status as the background reports it: open, quiet, nothing stored, unless patched. */
export function endpointStatus(endpointId: string, p: Partial<EndpointStatus> = {}): EndpointStatus {
  return { endpointId, state: 'open', attempt: 0, lastSeq: 0, events: 0, bytes: 0, queued: 0, overloaded: false, ...p };
}
