import type { ComponentChildren } from 'preact';
import type { EntityKind } from '../../lib/model/typed';
import { ENTITY_CAP, type Traced } from '../../lib/state/trace';
import { EventLinks } from './EventLinks';
import { useShown } from './useShown';
import { touchedClass, useTouched } from './view-context';

interface Props<T> {
  title: string;
  kind: EntityKind;
  /** In arrival order; shown newest first. */
  items: readonly T[];
  testid: string;
  children(item: T): ComponentChildren;
}

/** A titled list of entities, newest first, one line each ending with the entity's event links. Nothing when empty. */
export function EntityList<T extends Traced & { id: string }>({ title, kind, items, testid, children }: Props<T>) {
  const touched = useTouched();
  const { shown, more } = useShown([...items].reverse());
  if (items.length === 0) return null;
  return (
    <section class="sv-section">
      <h4 class="sv-h">
        {title} <span class="muted">{items.length}</span>
      </h4>
      {items.length >= ENTITY_CAP && (
        <p class="muted" data-testid="entity-cap">
          State keeps the {ENTITY_CAP.toLocaleString('en')} most recently changed; older ones are still in the timeline.
        </p>
      )}
      <ul class="sv-list">
        {shown.map((item) => (
          <li key={item.id} class={`sv-row${touchedClass(touched, kind, item.id)}`} data-testid={testid} data-entity-id={item.id}>
            {children(item)}
            <EventLinks trace={item.trace} />
          </li>
        ))}
      </ul>
      {more}
    </section>
  );
}
