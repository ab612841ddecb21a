import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Hub } from '../../../lib/background/hub';
import type { BackgroundMessage, PageMessage } from '../../../lib/messaging/protocol';
import type { StreamEvent } from '../../../lib/model/event';
import { fakePort } from './fake-port';

const TICK = 16;
const ev = (seq: number): StreamEvent => ({ endpointId: 'e', seq, time: seq, dir: 'in', transport: 'sse', data: `${seq}`, size: 1 });
const seqs = (page: ReturnType<typeof fakePort>) => page.ofType('events').map((m) => m.events.map((e) => e.seq));

describe('Hub', () => {
  let asked: { msg: PageMessage; reply: (m: BackgroundMessage) => void }[];
  let hub: Hub;

  beforeEach(() => {
    vi.useFakeTimers();
    asked = [];
    hub = new Hub((msg, reply) => asked.push({ msg, reply }), TICK);
  });
  afterEach(() => vi.useRealTimers());

  it('takes only ports of the page protocol', () => {
    const page = fakePort();
    const other = fakePort('capture');
    hub.accept(page.port);
    hub.accept(other.port);
    expect(hub.listeners).toBe(1);
    hub.event(ev(1));
    other.send({ type: 'hello', page: 'panel' });
    expect(seqs(page)).toEqual([[1]]);
    expect(other.received).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('passes valid requests on with a reply to the asking page only; answers malformed ones itself', () => {
    const a = fakePort();
    const b = fakePort();
    hub.accept(a.port);
    hub.accept(b.port);
    a.send({ type: 'reconnect', endpointId: 'e' });
    expect(asked.map((x) => x.msg)).toEqual([{ type: 'reconnect', endpointId: 'e' }]);
    asked[0]!.reply({ type: 'error', message: 'no such endpoint' });
    expect(a.ofType('error').map((m) => m.message)).toEqual(['no such endpoint']);
    expect(b.received).toEqual([]);

    b.send({ type: 'reconnect' });
    b.send('not even an object');
    expect(asked).toHaveLength(1);
    expect(b.ofType('error').map((m) => m.message)).toEqual([expect.stringMatching(/^Malformed request: /), expect.stringMatching(/^Malformed request: /)]);
  });

  it('sends a quiet stream at once and a busy one in one message per tick, in order', () => {
    const page = fakePort();
    hub.accept(page.port);
    hub.event(ev(1));
    expect(seqs(page)).toEqual([[1]]);
    hub.event(ev(2));
    hub.event(ev(3));
    expect(seqs(page)).toEqual([[1]]);
    vi.advanceTimersByTime(TICK);
    expect(seqs(page)).toEqual([[1], [2, 3]]);
  });

  it('sends the events it holds before any other message, so a page sees them in order', () => {
    const page = fakePort();
    hub.accept(page.port);
    hub.event(ev(1));
    hub.event(ev(2));
    hub.broadcast({ type: 'cleared', endpointId: 'e' });
    expect(page.received.map((m) => m.type)).toEqual(['events', 'events', 'cleared']);
    vi.advanceTimersByTime(TICK);
    expect(seqs(page)).toEqual([[1], [2]]);
  });

  it('keeps nothing while no page listens', () => {
    hub.event(ev(1));
    const page = fakePort();
    hub.accept(page.port);
    vi.advanceTimersByTime(TICK);
    hub.event(ev(2));
    expect(seqs(page)).toEqual([[2]]);
  });

  it('forgets a page that disconnects, or that went away mid-send', () => {
    const gone = fakePort();
    const vanished = fakePort();
    const stays = fakePort();
    for (const p of [gone, vanished, stays]) hub.accept(p.port);
    gone.disconnect();
    expect(hub.listeners).toBe(2);
    vanished.vanish();
    hub.broadcast({ type: 'cleared' });
    expect(hub.listeners).toBe(1);
    expect(stays.ofType('cleared')).toHaveLength(1);
    expect(gone.received).toEqual([]);
  });
});
