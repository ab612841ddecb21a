import { signal } from '@preact/signals';
import type { EndpointConfig } from '../config/endpoint';
import type { BackgroundMessage, EndpointStatus, PageMessage } from '../messaging/protocol';
import type { DB, NotificationRow } from '../store/schema';
import { showUnread, type BadgeHost } from './badge';
import { clearNotifications, getDnd, markAllRead, markRead, recentNotifications, setDnd, unreadCount } from './store';

/** Rows the popup shows: enough to catch up, few enough to open at once. */
export const POPUP_ROWS = 50;
/** Matched events reach the store shortly after the live event; refresh a little later. */
const REFRESH_DELAY_MS = 500;

/** Endpoints a Reconnect button can help: waiting to retry, or given up. */
export const needsReconnect = (s: EndpointStatus): boolean => s.state === 'backoff' || s.state === 'given_up';

export interface PopupDeps {
  /** May still be opening: the popup renders before the store is open. */
  db: DB | Promise<DB>;
  badge: BadgeHost;
  send: (m: PageMessage) => void;
}

/**
 * The popup's state and actions. Notification changes go straight to IndexedDB (the page
 * protocol has no messages for them) and update the badge, so the background need not know.
 */
export class PopupModel {
  readonly rows = signal<NotificationRow[]>([]);
  readonly unread = signal(0);
  readonly dnd = signal(false);
  readonly status = signal<EndpointStatus[]>([]);
  readonly online = signal(true);
  readonly endpoints = signal<EndpointConfig[]>([]);
  readonly error = signal<string | undefined>(undefined);
  /** The endpoint list has been read (until then the popup cannot tell "none" from "not yet"). */
  readonly endpointsKnown = signal(false);
  /** "Load the demo" was asked and neither the endpoints nor an error came back yet. */
  readonly demoBusy = signal(false);
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly db: Promise<DB>;

  constructor(private readonly deps: PopupDeps) {
    this.db = Promise.resolve(deps.db);
  }

  async load(): Promise<void> {
    const [dnd] = await Promise.all([this.db.then(getDnd), this.refresh()]);
    this.dnd.value = dnd;
  }

  async refresh(): Promise<void> {
    const db = await this.db;
    const [rows, unread] = await Promise.all([recentNotifications(db, POPUP_ROWS), unreadCount(db)]);
    this.rows.value = rows;
    this.unread.value = unread;
  }

  receive(m: BackgroundMessage): void {
    if (m.type === 'welcome' || m.type === 'status') {
      this.status.value = m.status;
      this.online.value = m.online;
    } else if (m.type === 'events') {
      this.refreshTimer ??= setTimeout(() => {
        this.refreshTimer = undefined;
        void this.guard(() => this.refresh());
      }, REFRESH_DELAY_MS);
    } else if (m.type === 'error') {
      this.error.value = m.message;
      this.demoBusy.value = false;
    }
  }

  setEndpoints(list: EndpointConfig[]): void {
    this.endpoints.value = list;
    this.endpointsKnown.value = true;
    this.demoBusy.value = false;
  }

  /** The background adds the demo endpoints if the demo server answers, or says why not. */
  loadDemo = () => {
    this.error.value = undefined;
    this.demoBusy.value = true;
    this.deps.send({ type: 'demo', action: 'load' });
  };

  removeDemo = () => this.deps.send({ type: 'demo', action: 'remove' });

  endpointName(id: string): string {
    return this.endpoints.value.find((e) => e.id === id)?.name ?? id;
  }

  markRead = (key: number) => this.guard(() => this.afterChange(this.db.then((db) => markRead(db, key))));
  markAllRead = () => this.guard(() => this.afterChange(this.db.then(markAllRead)));
  clear = () => this.guard(() => this.afterChange(this.db.then(clearNotifications)));
  reconnect = (endpointId: string) => this.deps.send({ type: 'reconnect', endpointId });

  setDnd = (on: boolean) =>
    this.guard(async () => {
      this.dnd.value = on;
      await setDnd(await this.db, on);
    });

  private async afterChange(change: Promise<unknown>): Promise<void> {
    await change;
    await this.refresh();
    await showUnread(this.deps.badge, this.unread.value);
  }

  private async guard(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (e) {
      this.error.value = e instanceof Error ? e.message : String(e);
    }
  }
}
