import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { EndpointConfig } from '../config/endpoint';
import type { BackgroundLink } from '../messaging/client';
import { onStoredChange, readStored } from '../config/stored';
import { captureOrigin, parseOrigins } from './origins';
import { adopt, setSiteCapture, type SiteApis } from './site';
import { listForPanel, type Listed } from './visible';

const POLL_MS = 1500;

/** The tab a view is about: the inspected one in DevTools, else `?tab=N` (the panel opened as a page). */
export function inspectedTabId(search = globalThis.location?.search ?? ''): number | undefined {
  const devtools = (browser as unknown as { devtools?: { inspectedWindow?: { tabId?: number } } }).devtools;
  const id = devtools?.inspectedWindow?.tabId;
  if (typeof id === 'number') return id;
  const q = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(q) && q > 0 ? q : undefined;
}

export const siteApis: SiteApis = {
  storage: browser.storage.local,
  permissions: browser.permissions,
};

/** A tab's page capture as a view shows it: its site, on or off, running or joined late. */
export class TabCapture {
  readonly origin = signal<string | undefined>(undefined);
  readonly on = signal(false);
  /** A capturing frame is in the tab: streams it opens are seen. */
  readonly active = signal(false);
  /** Captured sources with a stream open in the tab now. */
  readonly live = signal<string[]>([]);
  /** Captured sources the tab's current documents opened (its current page load). */
  readonly current = signal<string[]>([]);
  /** List every captured source in the panel, not only the current page load's. */
  readonly showAll = signal(false);
  readonly problem = signal<string | undefined>(undefined);
  private origins: string[] = [];
  private readonly stops: (() => void)[] = [];

  constructor(
    readonly tabId: number,
    private readonly link: BackgroundLink,
  ) {}

  async start(): Promise<void> {
    this.stops.push(
      this.link.listen((m) => {
        if (m.type !== 'capture-tab' || m.tabId !== this.tabId) return;
        this.active.value = m.active;
        this.live.value = m.live;
        this.current.value = m.current;
      }),
    );
    this.stops.push(onStoredChange(browser.storage, 'captureOrigins', (raw) => this.setOrigins(raw)));
    this.setOrigins(await readStored(browser.storage.local, 'captureOrigins'));
    const timer = setInterval(() => void this.refresh(), POLL_MS);
    this.stops.push(() => clearInterval(timer));
    await this.refresh();
  }

  /** The endpoints the panel lists (reads the signals it depends on). */
  list(all: readonly EndpointConfig[]): Listed {
    return listForPanel(all, { tabId: this.tabId, current: this.current.value, live: this.live.value, showAll: this.showAll.value });
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }

  private setOrigins(raw: unknown): void {
    this.origins = parseOrigins(raw);
    this.on.value = this.origin.value !== undefined && this.origins.includes(this.origin.value);
  }

  /** Re-reads the tab's site (it may have navigated) and asks the background what it sees. */
  async refresh(): Promise<void> {
    const tab = await browser.tabs.get(this.tabId).catch(() => undefined);
    this.origin.value = captureOrigin(tab?.url) ?? (await this.originFromDevtools());
    this.on.value = this.origin.value !== undefined && this.origins.includes(this.origin.value);
    this.link.send({ type: 'capture-tab', tabId: this.tabId });
  }

  /** Without host permission the tab's URL is hidden; DevTools can still ask the page. */
  private originFromDevtools(): Promise<string | undefined> {
    const iw = (browser as unknown as { devtools?: { inspectedWindow?: { eval(code: string): Promise<[unknown, unknown]> } } }).devtools?.inspectedWindow;
    if (!iw) return Promise.resolve(undefined);
    return iw.eval('location.origin').then(
      ([value]) => captureOrigin(typeof value === 'string' ? value : undefined),
      () => undefined,
    );
  }

  /** Call from a click: the permission prompt needs the gesture. */
  toggle(on: boolean): void {
    const origin = this.origin.value;
    if (!origin) return;
    void setSiteCapture(siteApis, origin, on).then((error) => {
      this.problem.value = error;
      void this.refresh();
    });
  }

  reload(): void {
    void browser.tabs.reload(this.tabId).then(() => setTimeout(() => void this.refresh(), 500));
  }

  adopt(src: EndpointConfig): Promise<EndpointConfig> {
    return adopt(siteApis, src);
  }

  act(endpointId: string, op: 'send' | 'inject', data: string): void {
    this.link.send({ type: 'capture-act', endpointId, op, data });
  }
}

