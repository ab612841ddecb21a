import type { TypedStreamEvent } from '../model/typed';
import { own, put, type Dict } from './immutable';
import { isInvalid, touchedIn, type Traced } from './trace';

/** One entity a custom profile's id paths named: its latest payload, how often and when it was seen. */
export interface CustomEntity extends Traced {
  kind: string;
  id: string;
  /** Events that named it. */
  count: number;
  firstAt: number;
  lastAt: number;
  /** The type and the payload of the latest event that named it. */
  type: string;
  latest: unknown;
}

/** A stream typed by a custom profile: a generic reducer over the entities its definition names. */
export interface CustomState {
  family: 'custom';
  events: number;
  /** Events per typed.type. */
  types: Dict<number>;
  /** Keyed by `kind` NUL `id`, least recently changed dropped beyond ENTITY_CAP. */
  entities: Dict<CustomEntity>;
  invalid: number;
}

export const emptyCustom = (): CustomState => ({ family: 'custom', events: 0, types: {}, entities: {}, invalid: 0 });

export const entityKey = (kind: string, id: string): string => `${kind}\u0000${id}`;

/** Every frame, received or sent, counts; each entity it names now holds its payload. */
export function reduceCustom(s: CustomState, ev: TypedStreamEvent): CustomState {
  const { type, payload, entities: refs } = ev.typed;
  let entities = s.entities;
  for (const { kind, id } of refs) {
    entities = touchedIn(entities, entityKey(kind, id), ev, (prev) => ({
      kind,
      id,
      count: (prev?.count ?? 0) + 1,
      firstAt: prev?.firstAt ?? ev.time,
      lastAt: ev.time,
      type,
      latest: payload,
    })).dict;
  }
  return {
    family: 'custom',
    events: s.events + 1,
    types: put(s.types, type, (own(s.types, type) ?? 0) + 1),
    entities,
    invalid: s.invalid + (isInvalid(ev) ? 1 : 0),
  };
}

/** The entities, the most recently seen first. */
export const customEntities = (s: CustomState): CustomEntity[] => Object.values(s.entities).sort((a, b) => b.lastAt - a.lastAt);
