import { eventKey, type StreamEvent } from '../../lib/model/event';
import { EventRow, type RowActions } from './EventRow';
import type { TimelineSession } from './session';

interface Props {
  session: TimelineSession;
  rowHeight: number;
  selectedKey: string | undefined;
  nameOf(endpointId: string): string;
  actions: RowActions;
}

/** Pinned events above the timeline, oldest first, whatever the filters hide. */
export function PinnedList({ session: s, rowHeight, selectedKey, nameOf, actions }: Props) {
  const events: StreamEvent[] = [...s.model.pinned.values()].sort((a, b) => a.time - b.time);
  if (events.length === 0) return null;
  return (
    <div class="tl-pinned" data-testid="pinned-list" role="grid" aria-label="Pinned events">
      {events.map((ev, i) => {
        const key = eventKey(ev);
        return (
          <EventRow
            key={key}
            ev={ev}
            typed={s.typing.typed(ev)}
            prev={events[i - 1]}
            height={rowHeight}
            testId="pinned-row"
            endpointName={nameOf(ev.endpointId)}
            selected={key === selectedKey}
            pinned
            reconnect={s.model.isReconnect(ev)}
            actions={actions}
          />
        );
      })}
    </div>
  );
}
