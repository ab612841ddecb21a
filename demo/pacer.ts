import type { DemoEvent } from './streams';

/** Shortest timer; at high rates every tick sends all events that fell due in it. */
const TICK_MS = 10;
/** Most events sent per tick, so a stream far behind cannot hog the event loop. */
const MAX_BATCH = 2000;

export interface PacerOptions {
  events: Iterator<DemoEvent, void>;
  /** Real time (ms since the epoch) of virtual time 0. */
  origin: number;
  rate: number;
  /** Send at most this many events (count, dropAfter, stall). */
  limit: number;
  send(batch: DemoEvent[]): void;
  /** True while the socket's buffer is full; the pacer waits instead of queueing more. */
  congested(): boolean;
  /** Called once, when `limit` events were sent or the stream ran out. */
  done(): void;
}

/** Sends each event when it falls due (origin + at / rate). Returns a stop function. */
export function startPacer(o: PacerOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let sent = 0;
  let next = o.events.next();
  const due = (e: DemoEvent) => o.origin + e.at / o.rate;

  const tick = () => {
    timer = undefined;
    if (stopped) return;
    if (o.congested()) {
      timer = setTimeout(tick, TICK_MS);
      return;
    }
    const now = Date.now();
    const batch: DemoEvent[] = [];
    while (!next.done && sent + batch.length < o.limit && batch.length < MAX_BATCH && due(next.value) <= now) {
      batch.push(next.value);
      next = o.events.next();
    }
    sent += batch.length;
    if (batch.length > 0) o.send(batch);
    if (stopped) return;
    if (next.done || sent >= o.limit) {
      stopped = true;
      o.done();
      return;
    }
    const wait = due(next.value) - now;
    timer = setTimeout(tick, wait <= 0 ? 0 : Math.max(TICK_MS, wait));
  };

  // The first events go out before anything the client sends is handled: a WebSocket's ack
  // must come before the answer to a ping sent on open, which a timer could let overtake it.
  queueMicrotask(tick);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
