import { FAMILIES, type Family, type TypedStreamEvent } from '../model/typed';
import { REDUCERS, reducerOf, type EndpointState } from './families';
import { own, put, type Dict } from './immutable';

export type { EndpointState, FamilyStates } from './families';

/** Application state folded from every endpoint's events; each endpoint folds on its own. */
export interface MergedState {
  endpoints: Dict<EndpointState>;
}

export const emptyState = (): MergedState => ({ endpoints: {} });

export const emptySlice = (family: Family): EndpointState => REDUCERS[family].empty();

/**
 * Folds one event into the state of its endpoint, creating the endpoint's slice on its first
 * event. Connection markers change nothing. An endpoint keeps the family of its first event:
 * an event of another family finds nothing to apply to.
 */
export function foldEvent(state: MergedState, ev: TypedStreamEvent): MergedState {
  if (ev.dir === 'sys') return state;
  const family = FAMILIES.includes(ev.typed.family) ? ev.typed.family : 'generic';
  const slice = own(state.endpoints, ev.endpointId) ?? emptySlice(family);
  if (slice.family !== family) return state;
  const endpoints = put(state.endpoints, ev.endpointId, reducerOf(slice).reduce(slice, ev));
  return endpoints === state.endpoints ? state : { endpoints };
}

export const foldEvents = (state: MergedState, events: Iterable<TypedStreamEvent>): MergedState => {
  let s = state;
  for (const ev of events) s = foldEvent(s, ev);
  return s;
};
