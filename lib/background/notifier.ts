import type { EndpointConfig } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import { showUnread, type BadgeHost } from '../notify/badge';
import { Coalescer, type Alert } from '../notify/coalesce';
import { alertId, historyFocusPath, parseAlertId } from '../notify/links';
import { RuleFamilies } from '../notify/rule-family';
import { matchEvent } from '../notify/rules';
import { addNotifications, getDnd, markRead, unreadCount } from '../notify/store';
import { notificationText } from '../notify/text';
import type { DB, NotificationRow } from '../store/schema';

interface Listenable<A extends unknown[]> {
  addListener(cb: (...args: A) => void): void;
}

/** The slice of the extension API the notifier uses (Chrome MV3 and Firefox MV2 alike). */
export interface NotifierBrowser extends BadgeHost {
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    clear(id: string): Promise<boolean>;
    onClicked: Listenable<[id: string]>;
    onClosed: Listenable<[id: string, byUser: boolean]>;
  };
  tabs: { create(props: { url: string }): Promise<unknown> };
  runtime: { getURL(path: `/streams.html${string}`): string };
}

export interface NotifierOptions {
  windowMs?: number;
  now?: () => number;
  onError?: (message: string) => void;
}

const ICON_URL = '/icon/128.png';
/** Matched events are written in batches: one transaction per burst, not per event. */
const FLUSH_MS = 100;

interface Queued {
  row: NotificationRow;
  endpointName: string;
}

/**
 * Turns matched stream events into stored notifications, the unread badge and (unless
 * do-not-disturb is on) coalesced desktop alerts; a click opens the history page on the event.
 * Listeners are registered in the constructor so a click can wake a stopped service worker.
 */
export class Notifier {
  private queue: Queued[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Writes run one after another, in event order. */
  private chain: Promise<void> = Promise.resolve();
  private readonly coalescer: Coalescer;
  private readonly families = new RuleFamilies();
  /** The alert on screen per endpoint, cleared when a summary replaces it. */
  private readonly shown = new Map<string, string>();
  private readonly now: () => number;
  private readonly onError: (message: string) => void;

  constructor(
    private readonly browser: NotifierBrowser,
    private readonly db: () => Promise<DB>,
    options: NotifierOptions = {},
  ) {
    this.coalescer = new Coalescer(options.windowMs);
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? ((m) => console.warn(m));
    browser.notifications.onClicked.addListener((id) => this.run(() => this.clicked(id)));
    browser.notifications.onClosed.addListener((id, byUser) => {
      const ref = parseAlertId(id);
      if (byUser && ref) this.forget(ref.endpointId, id);
    });
    // Chrome forgets the badge when the browser restarts; the counter is on disk.
    this.run(async () => showUnread(browser, await unreadCount(await db())));
  }

  /** Called for every stored event and marker; cheap unless a rule of the endpoint matches. */
  consider(ev: StreamEvent, cfg: EndpointConfig): void {
    const family = this.families.familyFor(ev, cfg.id, cfg.profile);
    const matched = matchEvent(ev, cfg.notify, family, cfg.customProfile);
    if (!matched) return;
    const { title, message } = notificationText(ev, matched.type, matched.payload, family, cfg.customProfile);
    this.queue.push({
      row: { endpointId: ev.endpointId, seq: ev.seq, time: ev.time, type: matched.type, title, message, read: false },
      endpointName: cfg.name,
    });
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const batch = this.queue;
      this.queue = [];
      this.run(() => this.store(batch));
    }, FLUSH_MS);
  }

  private run(task: () => Promise<unknown>): void {
    this.chain = this.chain.then(task).then(
      () => undefined,
      (e: unknown) => this.onError(`Notifications: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private async store(batch: Queued[]): Promise<void> {
    const db = await this.db();
    const { keys, unread } = await addNotifications(db, batch.map((q) => q.row));
    await showUnread(this.browser, unread);
    const dnd = await getDnd(db);
    const now = this.now();
    for (const [i, { row, endpointName }] of batch.entries()) {
      const rowKey = keys[i];
      if (rowKey === undefined) continue;
      const alert = this.coalescer.offer({ ...row, endpointName, rowKey }, now, dnd);
      if (alert) await this.show(alert);
    }
    this.scheduleWake();
  }

  private scheduleWake(): void {
    if (this.wakeTimer !== undefined) clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    const next = this.coalescer.nextDue();
    if (next === undefined) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.run(async () => {
        const dnd = await getDnd(await this.db());
        for (const alert of this.coalescer.due(this.now(), dnd)) await this.show(alert);
        this.scheduleWake();
      });
    }, Math.max(0, next - this.now()));
  }

  private async show(alert: Alert): Promise<void> {
    const id = alertId(alert, alert.rowKey);
    const previous = this.shown.get(alert.endpointId);
    this.shown.set(alert.endpointId, id);
    if (previous !== undefined && previous !== id) await this.browser.notifications.clear(previous);
    await this.browser.notifications.create(id, { type: 'basic', iconUrl: ICON_URL, title: alert.title, message: alert.message });
  }

  /** The alert cap changed in the settings. */
  setAlertWindow(ms: number): void {
    this.coalescer.setWindow(ms);
  }

  private forget(endpointId: string, id: string): void {
    this.coalescer.dismissed(endpointId);
    if (this.shown.get(endpointId) === id) this.shown.delete(endpointId);
  }

  private async clicked(id: string): Promise<void> {
    const ref = parseAlertId(id);
    if (!ref) return;
    this.forget(ref.endpointId, id);
    await this.browser.notifications.clear(id);
    await this.browser.tabs.create({ url: this.browser.runtime.getURL(historyFocusPath(ref)) });
    if (ref.rowKey !== undefined) await showUnread(this.browser, await markRead(await this.db(), ref.rowKey));
  }
}
