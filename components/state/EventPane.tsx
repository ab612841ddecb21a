import { useMemo } from 'preact/hooks';
import { eventKey, type StreamEvent } from '../../lib/model/event';
import type { TypedEvent } from '../../lib/model/typed';
import { diffStates } from '../../lib/state/diff';
import type { MergedState } from '../../lib/state/index';
import { diffRows } from '../../lib/stateview/diff-rows';
import { formatClock } from '../../lib/format/units';
import { TypeBadge } from '../timeline/TypeBadge';
import { DiffList } from './DiffList';

interface Props {
  ev: StreamEvent | undefined;
  typed: TypedEvent | undefined;
  /** The state just before the event and just after it. */
  before: MergedState;
  after: MergedState;
  nameOf(endpointId: string): string;
}

/** The event at the position: what it is, the entities it names, and what it changed. */
export function EventPane({ ev, typed, before, after, nameOf }: Props) {
  const endpointId = ev?.endpointId;
  const diff = useMemo(() => diffRows(diffStates(before, after), endpointId === undefined ? [] : ['endpoints', endpointId]), [before, after, endpointId]);
  if (!ev || !typed) return <p class="sv-empty muted">No events yet.</p>;
  return (
    <section class="sv-event" data-testid="state-event" data-event-key={eventKey(ev)}>
      <header class="sv-event-head">
        <TypeBadge typed={typed} />
        <span class="sv-event-title">
          {nameOf(ev.endpointId)} #{ev.seq}
        </span>
        <span class="muted">{formatClock(ev.time)}</span>
      </header>
      <p class="sv-summary">{typed.summary}</p>
      <div class="sv-touched-list" data-testid="event-entities">
        <span class="muted">Touched: </span>
        {typed.entities.length === 0 && <span class="muted">no entities</span>}
        {typed.entities.map((e) => (
          <span key={`${e.kind}:${e.id}`} class="sv-entity" data-kind={e.kind} data-id={e.id}>
            {e.kind} {e.id}
          </span>
        ))}
      </div>
      <h4 class="sv-h">Changes</h4>
      <DiffList diff={diff} />
    </section>
  );
}
