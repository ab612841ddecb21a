import { useState } from 'preact/hooks';
import { markRead, unreadCount, type NotificationsState } from '../../lib/state/notifications';
import { Chip } from './Chip';
import { EventLinks } from './EventLinks';
import { Fields } from './Fields';
import { useShown } from './useShown';
import { touchedClass, useTouched } from './view-context';

/**
 * The notification centre: notifications newest first with read/unread, then other activity.
 * Marking read is this view's own overlay on the state (no event reads a notification).
 */
export function NotificationsView({ s }: { s: NotificationsState }) {
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const touched = useTouched();
  let view = s;
  for (const id of readIds) view = markRead(view, id);
  const unread = unreadCount(view);
  const items = useShown(view.items);
  const activity = useShown(view.activity);
  return (
    <div class="sv-notifications">
      <header class="sv-row">
        <strong data-testid="unread-count">{unread} unread</strong>
        <span class="muted">of {view.items.length}</span>
        {unread > 0 && <button onClick={() => setReadIds(new Set([...readIds, ...view.items.map((n) => n.id)]))}>Mark all read</button>}
        {view.user && (
          <>
            <Fields rows={[['User', view.user.id], ['Connected', view.user.ackAt]]} />
            <EventLinks trace={view.user.trace} />
          </>
        )}
      </header>
      {view.items.length === 0 && <p class="muted">No notifications yet.</p>}
      <ul class="sv-list">
        {items.shown.map((n) => (
          <li
            key={n.id}
            class={`sv-notification${n.read ? ' sv-read' : ''}${touchedClass(touched, 'notification', n.id)}`}
            data-testid="notification"
            data-notification-id={n.id}
            data-read={String(n.read)}
          >
            <div class="sv-row">
              {!n.read && <span class="sv-dot" title="Unread" />}
              <strong>{n.title ?? n.id}</strong>
              {n.level !== undefined && <Chip status={n.level} />}
              {n.timestamp !== undefined && <span class="muted">{n.timestamp}</span>}
              {!n.read && (
                <button class="sv-link" onClick={() => setReadIds(new Set([...readIds, n.id]))}>
                  mark read
                </button>
              )}
              <EventLinks trace={n.trace} />
            </div>
            {n.message !== undefined && <div class="sv-text">{n.message}</div>}
          </li>
        ))}
      </ul>
      {items.more}
      {view.activity.length > 0 && (
        <section class="sv-section">
          <h4 class="sv-h">Activity</h4>
          <ul class="sv-list">
            {activity.shown.map((a) => (
              <li key={a.seq} class="sv-row" data-testid="activity">
                <span class="sv-tag">{a.type}</span>
                {a.action !== undefined && <Chip status={a.action} />}
                {a.text !== undefined && <span class="sv-text">{a.text}</span>}
                {a.timestamp !== undefined && <span class="muted">{a.timestamp}</span>}
              </li>
            ))}
          </ul>
          {activity.more}
        </section>
      )}
    </div>
  );
}
