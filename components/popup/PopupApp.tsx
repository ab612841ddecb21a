import type { Signal } from '@preact/signals';
import type { PopupModel } from '../../lib/notify/popup-model';
import type { NotificationRow } from '../../lib/store/schema';
import { EndpointStatusList } from './EndpointStatusList';
import { NotificationList } from './NotificationList';

export interface PopupNav {
  openHistory(): void;
  openOptions(): void;
  openEvent(row: NotificationRow): void;
}

/** The toolbar popup: unread bell, endpoint health, recent notifications. */
export function PopupApp({ model, nav, now }: { model: PopupModel; nav: PopupNav; now: Signal<number> }) {
  const unread = model.unread.value;
  const rows = model.rows.value;
  const name = (id: string) => model.endpointName(id);
  return (
    <div class="popup">
      <header class="bar">
        <span class="bell" data-testid="bell" title={`${unread} unread`} aria-label={`${unread} unread notifications`}>
          <span aria-hidden="true">🔔</span>
          <span class={unread > 0 ? 'count' : 'count zero'} data-testid="unread-count">
            {unread}
          </span>
        </span>
        <strong>Streamscope</strong>
        {!model.online.value && (
          <span class="offline" data-testid="offline" title="The browser reports no network">
            offline
          </span>
        )}
        <label class="dnd" title="Keep storing notifications, without desktop alerts">
          <input type="checkbox" data-testid="dnd-toggle" checked={model.dnd.value} onChange={(e) => void model.setDnd(e.currentTarget.checked)} />
          Do not disturb
        </label>
      </header>
      {model.error.value && (
        <p class="error" role="alert">
          {model.error.value}
        </p>
      )}
      <section>
        <h2>Endpoints</h2>
        <EndpointStatusList status={model.status.value} name={name} onReconnect={model.reconnect} />
      </section>
      <section>
        <div class="section-head">
          <h2>Notifications</h2>
          <button data-testid="mark-all-read" disabled={unread === 0} onClick={() => void model.markAllRead()}>
            Mark all read
          </button>
          <button data-testid="clear-notifications" disabled={rows.length === 0} onClick={() => void model.clear()}>
            Clear
          </button>
        </div>
        <NotificationList rows={rows} now={now.value} endpointName={name} onRead={(k) => void model.markRead(k)} onOpen={nav.openEvent} />
      </section>
      <footer class="bar">
        <button class="link" data-testid="open-history" onClick={nav.openHistory}>
          Open history
        </button>
        <button class="link" data-testid="open-options" onClick={nav.openOptions}>
          Settings
        </button>
      </footer>
    </div>
  );
}
