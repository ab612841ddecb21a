import { FAMILIES, type Family, type TypedStreamEvent } from '../model/typed';
import { emptyGeneric, reduceGeneric, type GenericState } from './generic';
import { own, put, type Dict } from './immutable';
import { emptyKanban, reduceKanban, type KanbanState } from './kanban';
import { emptyNotifications, reduceNotifications, type NotificationsState } from './notifications';
import { emptyOfficePlane, reduceOfficePlane, type OfficePlaneState } from './officeplane';
import { emptyOpenCode, reduceOpenCode, type OpenCodeState } from './opencode';
import { emptyPlans, reducePlans, type PlansState } from './plans';

export type EndpointState = KanbanState | PlansState | OpenCodeState | OfficePlaneState | NotificationsState | GenericState;

/** Application state folded from every endpoint's events; each endpoint folds on its own. */
export interface MergedState {
  endpoints: Dict<EndpointState>;
}

export const emptyState = (): MergedState => ({ endpoints: {} });

export function emptySlice(family: Family): EndpointState {
  switch (family) {
    case 'kanban':
      return emptyKanban();
    case 'plans':
      return emptyPlans();
    case 'opencode':
      return emptyOpenCode();
    case 'officeplane':
      return emptyOfficePlane();
    case 'notifications':
      return emptyNotifications();
    case 'generic':
      return emptyGeneric();
  }
}

function reduceSlice(s: EndpointState, ev: TypedStreamEvent): EndpointState {
  switch (s.family) {
    case 'kanban':
      return reduceKanban(s, ev);
    case 'plans':
      return reducePlans(s, ev);
    case 'opencode':
      return reduceOpenCode(s, ev);
    case 'officeplane':
      return reduceOfficePlane(s, ev);
    case 'notifications':
      return reduceNotifications(s, ev);
    case 'generic':
      return reduceGeneric(s, ev);
  }
}

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
  const endpoints = put(state.endpoints, ev.endpointId, reduceSlice(slice, ev));
  return endpoints === state.endpoints ? state : { endpoints };
}

export const foldEvents = (state: MergedState, events: Iterable<TypedStreamEvent>): MergedState => {
  let s = state;
  for (const ev of events) s = foldEvent(s, ev);
  return s;
};
