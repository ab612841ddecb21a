import { useContext, useEffect, useState } from 'preact/hooks';
import { eventKey, type StreamEvent } from '../../lib/model/event';
import { PanelContext } from '../panel/context';
import { EventRow, type RowActions } from './EventRow';
import type { TimelineSession } from './session';

interface Props {
  session: TimelineSession;
  rowHeight: number;
  selectedKey: string | undefined;
  nameOf(endpointId: string): string;
  actions: RowActions;
}

/** The pinned events, looked up in the store (or the live tail) whenever the pins change. */
function usePinned(pins: ReadonlySet<string>): StreamEvent[] {
  const ctx = useContext(PanelContext);
  const [events, setEvents] = useState<StreamEvent[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all([...pins].map((k) => ctx.history.find(k).catch(() => undefined))).then((found) => {
      if (live) setEvents(found.flatMap((r) => (r ? [r.ev] : [])).sort((a, b) => a.time - b.time));
    });
    return () => {
      live = false;
    };
  }, [pins, ctx.history.indexVersion]);
  return events;
}

/** Pinned events above the timeline, oldest first, whatever the filters hide. */
export function PinnedList({ session: s, rowHeight, selectedKey, nameOf, actions }: Props) {
  const events = usePinned(s.pins.value);
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
