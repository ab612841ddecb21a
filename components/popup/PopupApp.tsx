import type { ReadonlySignal, Signal } from '@preact/signals';
import type { TabCapture } from '../../lib/capture/tab-capture';
import { isDemoEndpoint } from '../../lib/config/demo-endpoints';
import type { PopupModel } from '../../lib/notify/popup-model';
import type { NotificationRow } from '../../lib/store/schema';
import { Icon } from '../icons/Icon';
import { FirstRun, siteCaptureActions } from '../onboarding/FirstRun';
import { EndpointStatusList } from './EndpointStatusList';
import { NotificationList } from './NotificationList';

export interface PopupNav {
  openHistory(): void;
  openOptions(): void;
  /** Opens the options page with a new endpoint's form. */
  addEndpoint(): void;
  openEvent(row: NotificationRow): void;
}

/**
 * The toolbar popup. The header stays put (history, settings, do-not-disturb, mark all read);
 * endpoint health and recent notifications scroll below it.
 */
export function PopupApp({ model, nav, now, capture }: { model: PopupModel; nav: PopupNav; now: Signal<number>; capture?: ReadonlySignal<TabCapture | undefined> }) {
  const unread = model.unread.value;
  const rows = model.rows.value;
  const dnd = model.dnd.value;
  const name = (id: string) => model.endpointName(id);
  const empty = model.endpointsKnown.value && model.endpoints.value.length === 0;
  return (
    <div class="popup">
      <header class="popup-head" data-testid="popup-header">
        <span class="bell" data-testid="bell" title={`${unread} unread`} aria-label={`${unread} unread notifications`}>
          <Icon name="bell" />
          <span class={unread > 0 ? 'count' : 'count zero'} data-testid="unread-count">
            {unread}
          </span>
        </span>
        <strong class="brand">Streamscope</strong>
        {!model.online.value && (
          <span class="offline" data-testid="offline" title="The browser reports no network">
            offline
          </span>
        )}
        <span class="head-actions">
          <button class="icon-btn" data-testid="open-history" title="Open the history in a tab" onClick={nav.openHistory}>
            <Icon name="history" />
            <span>History</span>
          </button>
          <button class="icon-btn" data-testid="open-options" title="Settings: endpoints, rules, alerts" aria-label="Settings" onClick={nav.openOptions}>
            <Icon name="settings" />
          </button>
          <button
            class={dnd ? 'icon-btn on' : 'icon-btn'}
            role="checkbox"
            aria-checked={dnd}
            aria-label="Do not disturb"
            data-testid="dnd-toggle"
            title={dnd ? 'Do not disturb is on: notifications are stored, no desktop alerts' : 'Do not disturb: keep storing notifications, without desktop alerts'}
            onClick={() => void model.setDnd(!dnd)}
          >
            <Icon name="moon" />
          </button>
          <button class="icon-btn" data-testid="mark-all-read" title="Mark all read" aria-label="Mark all read" disabled={unread === 0} onClick={() => void model.markAllRead()}>
            <Icon name="checks" />
          </button>
        </span>
      </header>
      <main class="popup-body">
        {model.error.value && (
          <p class="error" role="alert" data-testid="popup-error">
            {model.error.value}
          </p>
        )}
        {empty ? (
          <FirstRun actions={{ add: nav.addEndpoint, loadDemo: model.loadDemo, ...siteCaptureActions(capture?.value) }} busy={model.demoBusy.value} />
        ) : (
          <section>
            <div class="section-head">
              <h2>Endpoints</h2>
              {model.endpoints.value.some(isDemoEndpoint) && (
                <button class="link" data-testid="remove-demo" title="Remove every demo endpoint; your own stay" onClick={model.removeDemo}>
                  Remove demo
                </button>
              )}
            </div>
            <EndpointStatusList status={model.status.value} name={name} onReconnect={model.reconnect} />
          </section>
        )}
        <section>
          <div class="section-head">
            <h2>Notifications</h2>
            <button class="link" data-testid="clear-notifications" disabled={rows.length === 0} onClick={() => void model.clear()}>
              Clear
            </button>
          </div>
          <NotificationList rows={rows} now={now.value} endpointName={name} onRead={(k) => void model.markRead(k)} onOpen={nav.openEvent} />
        </section>
      </main>
    </div>
  );
}
