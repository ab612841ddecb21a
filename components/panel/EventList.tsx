import type { StreamEvent } from '../../lib/model/event';

const time = (t: number) => new Date(t).toISOString().slice(11, 23);
const short = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s);

/** Walking-skeleton list: newest last. Data is rendered as text only. */
export function EventList({ events, names }: { events: StreamEvent[]; names: Map<string, string> }) {
  return (
    <table class="events">
      <tbody>
        {events.slice(-500).map((e) => (
          <tr key={`${e.endpointId}#${e.seq}`} data-testid="event-row" data-endpoint-id={e.endpointId} data-seq={e.seq} data-dir={e.dir} data-type={e.name ?? 'message'}>
            <td>{time(e.time)}</td>
            <td>{names.get(e.endpointId) ?? e.endpointId}</td>
            <td>{e.name ?? 'message'}</td>
            <td>{short(e.data)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
