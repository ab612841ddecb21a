import type { Browser } from 'wxt/browser';
import type { StreamEvent } from '../model/event';
import { PageMessageSchema, PORT_NAME, type BackgroundMessage, type PageMessage } from '../messaging/protocol';

type Port = Browser.runtime.Port;

/**
 * The background's side of the page protocol: accepts page ports, validates what they send,
 * and fans events out in batches (one Port message per tick, not per event: per-event
 * messages cost the browser process the CPU that IndexedDB needs).
 */
export class Hub {
  private readonly ports = new Set<Port>();
  private batch: StreamEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = 0;

  constructor(
    private readonly onMessage: (msg: PageMessage, reply: (m: BackgroundMessage) => void) => void,
    private readonly tickMs = 16,
  ) {}

  get listeners(): number {
    return this.ports.size;
  }

  accept(port: Port): void {
    if (port.name !== PORT_NAME) return;
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    port.onMessage.addListener((raw: unknown) => {
      const parsed = PageMessageSchema.safeParse(raw);
      const reply = (m: BackgroundMessage) => this.post(port, m);
      if (!parsed.success) {
        reply({ type: 'error', message: `Malformed request: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        return;
      }
      this.onMessage(parsed.data, reply);
    });
  }

  event(ev: StreamEvent): void {
    if (this.ports.size === 0) return;
    this.batch.push(ev);
    if (this.timer !== undefined) return;
    // Quiet stream: send at once. Busy stream: one message per tick.
    const wait = this.lastFlush + this.tickMs - Date.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  broadcast(m: BackgroundMessage): void {
    if (m.type !== 'events') this.flush(); // keep events and status in order
    for (const p of this.ports) this.post(p, m);
  }

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.batch.length === 0) return;
    this.lastFlush = Date.now();
    const events = this.batch;
    this.batch = [];
    for (const p of this.ports) this.post(p, { type: 'events', events });
  }

  private post(port: Port, m: BackgroundMessage): void {
    try {
      port.postMessage(m); // typed here; the page validates on receipt
    } catch {
      this.ports.delete(port); // the page went away mid-send
    }
  }
}
