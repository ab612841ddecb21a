import { formatClock } from '../../lib/format/units';
import { clip } from '../../lib/protocols/format';
import { customEntities, type CustomEntity, type CustomState } from '../../lib/state/custom';
import { EventLinks } from './EventLinks';
import { Stat } from './Fields';
import { useShown } from './useShown';
import { touchedClass, useTouched } from './view-context';

/** The latest payload as compact JSON, bounded: the whole of it is in the event the row links to. */
function latestText(v: unknown): string {
  try {
    return clip(JSON.stringify(v) ?? '', 200);
  } catch {
    return '?';
  }
}

function KindTable({ kind, items }: { kind: string; items: readonly CustomEntity[] }) {
  const touched = useTouched();
  const { shown, more } = useShown(items);
  return (
    <section class="sv-section" data-testid="custom-kind" data-kind={kind}>
      <h4 class="sv-h">
        {kind} <span class="muted">{items.length}</span>
      </h4>
      <table class="sv-table">
        <thead>
          <tr>
            <th>Id</th>
            <th>Events</th>
            <th>Last type</th>
            <th>Last seen</th>
            <th>Latest</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id} class={touchedClass(touched, e.kind, e.id).trim()} data-testid="custom-entity" data-entity-id={e.id}>
              <td class="sv-code">{e.id}</td>
              <td class="sv-num">{e.count}</td>
              <td class="sv-code">{e.type}</td>
              <td class="sv-num">{formatClock(e.lastAt)}</td>
              <td class="sv-text sv-code">{latestText(e.latest)}</td>
              <td>
                <EventLinks trace={e.trace} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more}
    </section>
  );
}

/** A stream typed by a custom profile: the entities its id paths name, with their latest payloads. */
export function CustomView({ s }: { s: CustomState }) {
  const all = customEntities(s);
  const byKind = new Map<string, CustomEntity[]>();
  for (const e of all) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  return (
    <div class="sv-custom" data-testid="custom-state">
      <div class="sv-stats">
        <Stat label="events" value={s.events} />
        <Stat label="types" value={Object.keys(s.types).length} />
        <Stat label="entities" value={all.length} />
        <Stat label="failed their schema" value={s.invalid} />
      </div>
      {all.length === 0 && <p class="muted">No entities yet: name the paths of their ids in Options (profile “Custom”).</p>}
      {[...byKind].map(([kind, items]) => (
        <KindTable key={kind} kind={kind} items={items} />
      ))}
    </div>
  );
}
