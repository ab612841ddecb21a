import type { TypedStreamEvent } from '../model/typed';
import { own, type Dict } from './immutable';
import { isInvalid } from './trace';

/** An endpoint no profile understands: only counted, received and sent alike. */
export interface GenericState {
  family: 'generic';
  events: number;
  /** Events per typed.type. */
  types: Dict<number>;
  /** Events that failed their schema. */
  invalid: number;
}

export const emptyGeneric = (): GenericState => ({ family: 'generic', events: 0, types: {}, invalid: 0 });

export function reduceGeneric(s: GenericState, ev: TypedStreamEvent): GenericState {
  const { type } = ev.typed;
  return {
    family: 'generic',
    events: s.events + 1,
    types: { ...s.types, [type]: (own(s.types, type) ?? 0) + 1 },
    invalid: s.invalid + (isInvalid(ev) ? 1 : 0),
  };
}
