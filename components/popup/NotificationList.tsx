import type { NotificationRow } from '../../lib/store/schema';
import { formatAgo } from '../../lib/format/units';

interface Props {
  rows: NotificationRow[];
  now: number;
  endpointName: (endpointId: string) => string;
  onRead: (key: number) => void;
  onOpen: (row: NotificationRow) => void;
}

/** Recent notifications, newest first; event text is rendered as text only. */
export function NotificationList({ rows, now, endpointName, onRead, onOpen }: Props) {
  if (rows.length === 0) return <p class="muted" data-testid="no-notifications">No notifications yet.</p>;
  return (
    <ul class="notifications">
      {rows.map((r) => (
        <li key={r.key} class={r.read ? 'read' : 'unread'} data-testid="notification-row" data-read={String(r.read)}>
          <button class="row-main" title="Mark read" onClick={() => r.key !== undefined && onRead(r.key)}>
            <span class="n-title">{r.title}</span>
            {r.message && <span class="n-message">{r.message}</span>}
            <span class="n-meta">
              {endpointName(r.endpointId)} · <time dateTime={new Date(r.time).toISOString()} title={new Date(r.time).toLocaleString()}>
                {new Date(r.time).toLocaleTimeString()} ({formatAgo(now - r.time, { coarse: true })})
              </time>
            </span>
          </button>
          <button class="link" title="Show this event in the history" onClick={() => onOpen(r)}>
            Show
          </button>
        </li>
      ))}
    </ul>
  );
}
