import { eventKey } from '../model/event';
import type { EntityKind, TypedEvent } from '../model/typed';
import type { Trace } from '../state/trace';

/** One string per entity, so views can test "did the selected event touch this?" in a set. */
export const refKey = (kind: EntityKind, id: string): string => `${kind}:${id}`;

/** The entities an event names (its profile reads them from the payload). */
export const touchedBy = (typed: TypedEvent | undefined): ReadonlySet<string> => new Set(typed?.entities.map((e) => refKey(e.kind, e.id)));

export interface TraceLink {
  seq: number;
  /** Event key, as the shared selection holds it. */
  key: string;
  invalid: boolean;
}

/** The events that changed an entity, newest first. */
export function traceLinks(trace: Trace): TraceLink[] {
  const invalid = new Set(trace.invalidSeqs);
  return trace.seqs.map((seq) => ({ seq, key: eventKey({ endpointId: trace.endpointId, seq }), invalid: invalid.has(seq) })).reverse();
}
