import type { Direction, Transport } from '../../../lib/model/event';
import type { Family, TypedStreamEvent } from '../../../lib/model/typed';

export interface EventOptions {
  /** Marks the event as having failed its schema. */
  invalid?: boolean;
  dir?: Direction;
  time?: number;
}

export type Emit = (type: string, payload: unknown, opts?: EventOptions) => TypedStreamEvent;

/**
 * Events of one endpoint with increasing seqs, built the way the protocol profiles type them
 * (payload as parsed; `data` is not looked at by the reducers).
 */
export function endpoint(endpointId: string, family: Family, transport: Transport = 'sse'): Emit {
  let seq = 0;
  return (type, payload, opts = {}) => {
    seq += 1;
    const data = payload === undefined ? 'not json' : (JSON.stringify(payload) ?? '');
    return {
      endpointId,
      seq,
      time: opts.time ?? 1_000_000 + seq * 1000,
      dir: opts.dir ?? 'in',
      transport,
      name: transport === 'sse' ? type : undefined,
      data,
      size: data.length,
      typed: {
        family,
        type,
        category: 'data',
        summary: type,
        entities: [],
        payload,
        known: true,
        issues: opts.invalid ? [{ path: '', message: 'invalid' }] : [],
      },
    };
  };
}

/** OfficePlane dashboard frames and notification frames carry the type inside the payload. */
export const wsFrame = (emit: Emit) => (type: string, payload: unknown, opts?: EventOptions) => emit(type, { type, payload }, opts);

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
