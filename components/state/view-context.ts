import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { EntityKind } from '../../lib/model/typed';
import { refKey } from '../../lib/stateview/entities';

export interface StateViewContextValue {
  /** Selects an event by key; the timeline and the time-travel position follow. */
  select(key: string): void;
  /** `kind:id` of each entity the event at the position names. */
  touched: ReadonlySet<string>;
}

export const StateViewContext = createContext<StateViewContextValue>({ select: () => undefined, touched: new Set() });

export const useTouched = (): ReadonlySet<string> => useContext(StateViewContext).touched;

/** The class that marks an entity the event at the position touched. */
export const touchedClass = (touched: ReadonlySet<string>, kind: EntityKind, id: string): string =>
  touched.has(refKey(kind, id)) ? ' sv-touched' : '';
