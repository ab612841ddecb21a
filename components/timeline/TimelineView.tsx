import { useContext } from 'preact/hooks';
import { EventList } from '../panel/EventList';
import { PanelContext } from '../panel/context';

export function TimelineView() {
  const ctx = useContext(PanelContext);
  void ctx.version.value;
  const names = new Map(ctx.endpoints.value.map((c) => [c.id, c.name]));
  return <EventList events={ctx.history.events} names={names} />;
}
