import { utf8Size, type StreamEvent } from '../../../lib/model/event';
import type { TypedEvent } from '../../../lib/model/typed';

export function ev(p: Partial<StreamEvent> & { seq: number }): StreamEvent {
  const data = p.data ?? '{}';
  return { endpointId: 'a', time: 1_000 + p.seq, dir: 'in', transport: 'sse', data, size: utf8Size(data), ...p };
}

export function typed(p: Partial<TypedEvent> = {}): TypedEvent {
  return { family: 'generic', type: 'message', category: 'data', summary: '', entities: [], payload: undefined, known: true, issues: [], ...p };
}

/** A stand-in for the protocols' typeEvent: type from the JSON `type`, payload parsed. */
export function fakeTypeEvent(e: StreamEvent, family: TypedEvent['family']): TypedEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(e.data);
  } catch {
    payload = undefined;
  }
  const t = (payload as { type?: unknown } | undefined)?.type;
  return typed({ family, type: typeof t === 'string' ? t : (e.name ?? 'message'), payload, summary: e.data });
}
