import type { Browser, WxtBrowser } from 'wxt/browser';
import { loadDemo, removeDemo, type DemoStorage } from '../config/demo-setup';
import type { EndpointConfig } from '../config/endpoint';
import { parseSettings } from '../config/settings';
import { parseEndpointList } from '../config/storage';
import { appendEndpoints, onStoredChange, readStored, writeStored } from '../config/stored';
import type { BackgroundMessage, EndpointStatus, PageMessage } from '../messaging/protocol';
import { utf8Size, type MarkerKind, type StreamEvent } from '../model/event';
import { openStore, type DB } from '../store/schema';
import { EventWriter } from '../store/writer';
import { applyRetention, clearEvents } from '../store/retention';
import type { AttemptRecord } from '../model/connection';
import { createConnection, type Connection, type Frame } from '../transport/connection';
import { CaptureCollector } from '../capture/collector';
import { CAPTURE_PORT } from '../capture/channel';
import { parseOrigins } from '../capture/origins';
import { syncCaptureScripts, type ScriptingApi } from '../capture/registration';
import { Hub } from './hub';
import { KeepAlive } from './keepalive';
import { Notifier } from './notifier';

const ALIVE_KEY = 'alive';
const RETENTION_EVERY_MS = 60_000;
const ATTEMPTS_KEEP_MS = 7 * 86_400_000;

interface Slot {
  cfg: EndpointConfig;
  conn: Connection;
  status: EndpointStatus;
}

/**
 * The background: one shared connection per enabled endpoint, every frame and connection
 * change persisted, live events fanned out to open pages. Every start (install, browser
 * start, after the worker was stopped) restores connections from storage and resumes from
 * the last persisted event id.
 */
export class BackgroundService {
  private db!: DB;
  private writer!: EventWriter;
  private readonly slots = new Map<string, Slot>();
  private readonly hub: Hub;
  private readonly keepAlive: KeepAlive;
  private readonly notifier: Notifier;
  private online = true;
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private configs: EndpointConfig[] = [];
  private rejected: { id: string; name: string; error: string }[] = [];
  private readonly attemptRows = new Map<string, Promise<number | undefined>>();
  /** Streams captured from pages: their frames take the same path as an endpoint's. */
  private readonly capture = new CaptureCollector({
    source: (cfg) => this.addCapturedSource(cfg),
    frame: (cfg, f) => this.frame(cfg, f),
    marker: (cfg, kind, message, detail) => this.marker(cfg.id, kind, message, detail, cfg),
  });
  private newSources: EndpointConfig[] = [];

  constructor(private readonly browser: WxtBrowser) {
    this.hub = new Hub((msg, reply) => void this.handle(msg, reply));
    this.keepAlive = new KeepAlive(browser, () => void this.db.put('kv', Date.now(), ALIVE_KEY));
    // Registered now, synchronously, so a notification click can wake the worker.
    this.notifier = new Notifier(browser, () => this.ready.then(() => this.db), { onError: (message) => this.hub.broadcast({ type: 'error', message }) });
  }

  /** Pages may connect before `start` finishes; their requests wait for it. */
  private ready!: Promise<void>;

  acceptPort(port: Browser.runtime.Port): void {
    // A page bridge's listeners go on at once: its first batches must not be lost while we boot.
    if (port.name === CAPTURE_PORT) this.capture.accept(port, this.ready);
    else void this.ready.then(() => this.hub.accept(port));
  }

  start(): Promise<void> {
    this.ready = this.boot();
    return this.ready;
  }

  private async boot(): Promise<void> {
    this.db = await openStore();
    this.writer = new EventWriter(this.db, {
      overload: (id, on) => {
        this.marker(id, 'overloaded', on ? 'The disk is falling behind: events are queueing in memory' : 'Caught up with the disk');
        this.touchStatus(id, { overloaded: on });
      },
      error: (message) => this.hub.broadcast({ type: 'error', message }),
      quota: (evicted) => {
        this.hub.broadcast({ type: 'error', message: `Storage is full: deleted the ${evicted} oldest events to keep recording` });
        this.hub.broadcast({ type: 'trimmed' });
      },
    }, {
      profileOf: (id) => this.configs.find((c) => c.id === id)?.profile,
      customOf: (id) => this.configs.find((c) => c.id === id)?.customProfile,
    });
    await this.writer.init();
    const lastAlive = (await this.db.get('kv', ALIVE_KEY)) as number | undefined;
    await this.db.put('kv', Date.now(), ALIVE_KEY);

    const local = this.browser.storage.local;
    // A fresh install starts with no endpoints (the pages offer the demo); the list is written
    // so pages can tell "first run decided" from "not yet".
    if ((await readStored(local, 'endpoints')) === undefined) await writeStored(local, 'endpoints', []);
    this.applySettings(await readStored(local, 'settings'));
    onStoredChange(this.browser.storage, 'endpoints', (raw) => void this.ready.then(() => this.reconcile(raw)));
    onStoredChange(this.browser.storage, 'settings', (raw) => this.applySettings(raw));
    globalThis.addEventListener?.('online', () => this.setOnline(true));
    globalThis.addEventListener?.('offline', () => this.setOnline(false));
    this.online = globalThis.navigator?.onLine ?? true;

    await this.captureOrigins(await readStored(local, 'captureOrigins'));
    onStoredChange(this.browser.storage, 'captureOrigins', (raw) => void this.captureOrigins(raw));

    this.reconcile(await readStored(local, 'endpoints'), lastAlive);
    setInterval(() => void this.retention(), RETENTION_EVERY_MS);
  }

  /** Capture follows the stored origin list: scripts for pages loaded from now on, and off at once. */
  private async captureOrigins(raw: unknown): Promise<void> {
    const origins = parseOrigins(raw);
    this.capture.setOrigins(origins);
    const scripting = (this.browser as unknown as { scripting?: ScriptingApi }).scripting;
    if (!scripting) return;
    await syncCaptureScripts(scripting, origins).catch((err: unknown) =>
      this.hub.broadcast({ type: 'error', message: `Could not set up page capture: ${String(err)}` }),
    );
  }

  /** A captured stream's source joins the endpoint list (read-only), once. */
  private addCapturedSource(cfg: EndpointConfig): void {
    if (this.configs.some((c) => c.id === cfg.id) || this.newSources.some((c) => c.id === cfg.id)) return;
    this.newSources.push(cfg);
    this.configs = [...this.configs, cfg];
    if (this.newSources.length > 1) return;
    setTimeout(() => void this.writeCapturedSources(), 100);
  }

  private async writeCapturedSources(): Promise<void> {
    const add = this.newSources;
    this.newSources = [];
    await appendEndpoints(this.browser.storage.local, add);
  }

  private applySettings(raw: unknown): void {
    this.notifier.setAlertWindow(parseSettings(raw).alertEverySec * 1000);
  }

  private readonly endpointStorage: DemoStorage = {
    read: () => readStored(this.browser.storage.local, 'endpoints'),
    write: (list) => writeStored(this.browser.storage.local, 'endpoints', list),
  };

  /** Opens, closes and restarts connections so they match the stored configuration. */
  private reconcile(raw: unknown, lastAlive?: number): void {
    const { valid, rejected } = parseEndpointList(raw);
    const keptBefore = new Map(this.configs.map((c) => [c.id, JSON.stringify(c.retention)]));
    this.configs = valid;
    this.rejected = rejected;
    const wanted = new Map(valid.filter((c) => c.enabled && !c.recording).map((c) => [c.id, c]));
    for (const [id, slot] of this.slots) {
      const next = wanted.get(id);
      if (!next || JSON.stringify(next) !== JSON.stringify(slot.cfg)) {
        slot.conn.stop();
        this.slots.delete(id);
        if (!next) this.marker(id, 'paused', 'Endpoint disabled or removed');
      }
    }
    for (const [id, cfg] of wanted) {
      if (this.slots.has(id)) continue;
      if (lastAlive !== undefined) {
        const at = new Date(lastAlive).toISOString();
        this.marker(id, 'worker_stopped', `Background was stopped; last seen alive at ${at}`, { lastAlive });
        this.marker(id, 'worker_started', 'Background started: connection restored, resuming from the last stored event', { lastAlive });
      }
      this.open(cfg);
    }
    this.keepAlive.set(this.slots.size > 0);
    void this.writer.adopt(valid.filter((c) => c.recording).map((c) => c.id)).then(() => this.pushStatus());
    // A changed profile, or custom definition, retypes what is stored for the endpoint.
    void this.writer.refreshProfiles();
    // A saved retention applies at once, not at the next periodic pass.
    if (valid.some((c) => keptBefore.has(c.id) && keptBefore.get(c.id) !== JSON.stringify(c.retention))) void this.retention();
  }

  private open(cfg: EndpointConfig): void {
    const meta = this.writer.meta(cfg.id);
    const slot: Slot = { cfg, conn: undefined as unknown as Connection, status: this.storedStatus(cfg.id, 'idle') };
    slot.conn = createConnection(
      cfg,
      {
        fetch: globalThis.fetch.bind(globalThis),
        WebSocket: globalThis.WebSocket,
        now: Date.now,
        random: Math.random,
        setTimeout: globalThis.setTimeout.bind(globalThis),
        clearTimeout: globalThis.clearTimeout.bind(globalThis),
      },
      {
        frame: (f) => this.frame(cfg, f),
        marker: (kind, message, detail) => this.marker(cfg.id, kind, message, detail),
        status: (s) => this.touchStatus(cfg.id, { state: s.state, attempt: s.attempt, nextRetryAt: s.nextRetryAt, reason: s.reason }),
        attempt: (a) => this.saveAttempt(a),
      },
      { lastEventId: meta?.lastEventId },
    );
    this.slots.set(cfg.id, slot);
    if (!this.online) slot.conn.setOnline(false);
    slot.conn.start();
  }

  private frame(cfg: EndpointConfig, f: Frame): void {
    const ev = this.writer.append({
      endpointId: cfg.id,
      time: Date.now(),
      dir: f.dir,
      transport: cfg.transport,
      name: f.name,
      id: f.id,
      retry: f.retry,
      opcode: f.opcode,
      data: f.data,
      size: f.size,
    });
    const st = this.slots.get(cfg.id)?.status;
    if (st) {
      st.lastSeq = ev.seq;
      st.events += 1;
      st.bytes += ev.size;
      st.lastEventAt = ev.time;
      if (ev.id !== undefined) st.lastEventId = ev.id;
    }
    this.hub.event(ev);
    this.notifier.consider(ev, cfg);
  }

  /** Connection changes are events too: they go to disk and to the timeline in sequence. */
  private marker(endpointId: string, kind: MarkerKind, message: string, detail?: Record<string, unknown>, source?: EndpointConfig): void {
    const cfg = source ?? this.configs.find((c) => c.id === endpointId);
    const data = JSON.stringify({ message, ...detail });
    const ev: StreamEvent = this.writer.append({
      endpointId,
      time: Date.now(),
      dir: 'sys',
      transport: cfg?.transport ?? 'sse',
      name: kind,
      data,
      size: utf8Size(data),
    });
    const st = this.slots.get(endpointId)?.status;
    if (st) st.lastSeq = ev.seq;
    this.hub.event(ev);
    // The `connected` marker names the subprotocol: detection for notification rules reads it.
    if (cfg) this.notifier.consider(ev, cfg);
  }

  private touchStatus(endpointId: string, patch: Partial<EndpointStatus>): void {
    const slot = this.slots.get(endpointId);
    if (!slot) return;
    Object.assign(slot.status, patch);
    // Status changes come in bursts (connect, open, first events): send at most every 250 ms.
    this.statusTimer ??= setTimeout(() => this.pushStatus(), 250);
  }

  private statusList(): EndpointStatus[] {
    const live = [...this.slots.values()].map((s) => ({ ...s.status, queued: this.writer.queued(s.cfg.id) }));
    const idle = this.configs
      .filter((c) => !this.slots.has(c.id))
      .map((c) => ({
        ...this.storedStatus(c.id, c.enabled ? 'idle' : 'paused'),
        reason: c.recording ? 'Recording (read-only)' : c.enabled ? undefined : 'Disabled',
      }));
    const broken = this.rejected.map((r) => ({ ...this.storedStatus(r.id, 'given_up'), reason: `Invalid configuration: ${r.error}` }));
    return [...live, ...idle, ...broken];
  }

  /** An endpoint's status as far as the disk knows it (counters, resume id), in a given state. */
  private storedStatus(endpointId: string, state: EndpointStatus['state']): EndpointStatus {
    const meta = this.writer.meta(endpointId);
    return {
      endpointId,
      state,
      attempt: 0,
      lastSeq: meta?.lastSeq ?? 0,
      events: meta?.count ?? 0,
      bytes: meta?.bytes ?? 0,
      lastEventId: meta?.lastEventId,
      lastEventAt: meta?.lastTime,
      queued: 0,
      overloaded: false,
    };
  }

  private pushStatus(): void {
    if (this.statusTimer !== undefined) clearTimeout(this.statusTimer);
    this.statusTimer = undefined;
    this.hub.broadcast({ type: 'status', status: this.statusList(), online: this.online });
  }

  private setOnline(online: boolean): void {
    this.online = online;
    for (const s of this.slots.values()) s.conn.setOnline(online);
    this.pushStatus();
  }

  /** An attempt is reported when it starts and again when it ends: both go to one row. */
  private saveAttempt(a: AttemptRecord): void {
    const id = `${a.endpointId}|${a.n}|${a.startedAt}`;
    const prev = this.attemptRows.get(id) ?? Promise.resolve(undefined);
    const next = prev.then((key) => this.db.put('attempts', key === undefined ? { ...a } : { ...a, key }));
    this.attemptRows.set(id, next);
    if (a.endedAt !== undefined) void next.finally(() => this.attemptRows.delete(id));
  }

  private async retention(): Promise<void> {
    const deleted = await applyRetention(this.db, this.writer, new Map(this.configs.filter((c) => !c.recording).map((c) => [c.id, c.retention])));
    if (deleted > 0) {
      for (const slot of this.slots.values()) slot.status.events = (this.writer.meta(slot.cfg.id)?.count ?? 0) + this.writer.queued(slot.cfg.id);
      this.hub.broadcast({ type: 'trimmed' });
      this.pushStatus();
    }
    // Attempt records are diagnostics: a week of them is plenty.
    await this.db.delete('attempts', IDBKeyRange.upperBound(await this.oldestAttemptKeyToKeep()));
  }

  private async oldestAttemptKeyToKeep(): Promise<number> {
    const cutoff = Date.now() - ATTEMPTS_KEEP_MS;
    let cursor = await this.db.transaction('attempts').store.openCursor();
    let last = 0;
    while (cursor && cursor.value.startedAt < cutoff) {
      last = cursor.primaryKey;
      cursor = await cursor.continue();
    }
    return last;
  }

  private async handle(msg: PageMessage, reply: (m: BackgroundMessage) => void): Promise<void> {
    const slot = 'endpointId' in msg && msg.endpointId !== undefined ? this.slots.get(msg.endpointId) : undefined;
    switch (msg.type) {
      case 'hello':
        reply({ type: 'welcome', status: this.statusList(), pending: this.writer.pending(), online: this.online });
        return;
      case 'send': {
        const r = slot?.conn.send(msg.data) ?? { ok: false as const, error: 'Endpoint is not connected' };
        if (!r.ok) reply({ type: 'error', message: `Not sent: ${r.error}`, endpointId: msg.endpointId });
        return;
      }
      case 'reconnect':
        slot?.conn.reconnectNow();
        return;
      case 'pause':
        slot?.conn.pause();
        return;
      case 'resume':
        slot?.conn.resume();
        return;
      case 'capture-tab':
        reply({ type: 'capture-tab', tabId: msg.tabId, active: this.capture.tabActive(msg.tabId), live: this.capture.liveSources(msg.tabId), current: this.capture.currentSources(msg.tabId) });
        return;
      case 'capture-act': {
        const error = this.capture.act(msg.endpointId, msg.op, msg.data, msg.binary);
        if (error) reply({ type: 'error', message: `Not ${msg.op === 'send' ? 'sent' : 'delivered'}: ${error}`, endpointId: msg.endpointId });
        return;
      }
      case 'clear':
        await this.writer.flush();
        await clearEvents(this.db, this.writer, msg.endpointId);
        for (const s of this.slots.values()) if (msg.endpointId === undefined || s.cfg.id === msg.endpointId) s.status.events = 0;
        this.hub.broadcast({ type: 'cleared', endpointId: msg.endpointId });
        this.pushStatus();
        return;
      case 'demo': {
        const error = msg.action === 'load' ? await loadDemo(this.endpointStorage, globalThis.fetch.bind(globalThis)) : await removeDemo(this.endpointStorage);
        if (error) reply({ type: 'error', message: error });
        return;
      }
    }
  }
}
