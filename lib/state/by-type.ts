import { recordsOf, type TypedStreamEvent } from '../model/typed';
import { own, type Dict } from './immutable';

/** Applies one message of a given type to a family's state. */
export type TypeHandler<S> = (s: S, payload: unknown, ev: TypedStreamEvent, type: string) => S;

export interface ByTypeOptions<S> {
  /** Handles the types the table does not list (open-ended families). */
  rest?: TypeHandler<S>;
  /** Also apply sent frames (protocols whose requests come from the client: JSON-RPC, GraphQL). */
  sent?: boolean;
}

/**
 * A reducer from a table of handlers by message type. Each message of a frame is applied in
 * order (a frame may carry several); unlisted types and, unless `sent`, sent frames leave the
 * state as it is. Markers never reach a reducer.
 */
export function byType<S>(handlers: Dict<TypeHandler<S>>, opts: ByTypeOptions<S> = {}): (s: S, ev: TypedStreamEvent) => S {
  return (s, ev) => {
    if (ev.dir !== 'in' && !(opts.sent && ev.dir === 'out')) return s;
    let out = s;
    for (const { type, payload } of recordsOf(ev.typed)) {
      const handle = own(handlers, type) ?? opts.rest;
      if (handle) out = handle(out, payload, ev, type);
    }
    return out;
  };
}
