import { describe, expect, it } from 'vitest';
import type { RecordedEvent, RecordedStream } from '../../../lib/exchange/recording';
import { startPlayback, type PlaybackClock } from '../../../lib/mock/playback';
import { matchRoute, mockRoutes, servedUrl } from '../../../lib/mock/routes';
import { resumeIndex, sseBlock } from '../../../lib/mock/sse-wire';
import { createSseDecoder } from '../../../lib/transport/sse-decoder';

const sse = (time: number, e: Partial<RecordedEvent>): RecordedEvent => ({ time, dir: 'in', transport: 'sse', data: '', size: 0, ...e });
const stream = (url: string, transport: 'sse' | 'ws', events: RecordedEvent[] = []): RecordedStream => ({ source: { name: url, url, transport }, where: 'line 1', events });

describe('SSE wire', () => {
  it("writes recorded events so the extension's own decoder reads them back the same", () => {
    const events = [
      { name: 'plan_step', id: '1', retry: 3000, data: '{"step":1}' },
      { id: '1', data: 'two\nlines' },
      { name: 'x', id: '2', data: '' },
      { data: ' leading space and : colon' },
    ];
    const seen: { name?: string; id?: string; data: string; retry?: number }[] = [];
    let retry: number | undefined;
    const decoder = createSseDecoder({
      event: (e) => {
        seen.push({ ...e, ...(retry !== undefined ? { retry } : {}) });
        retry = undefined;
      },
      bareId: () => undefined,
      retry: (ms) => (retry = ms),
      comment: () => undefined,
      oversize: () => undefined,
    });
    decoder.push(new TextEncoder().encode(events.map(sseBlock).join('')));
    // The decoder reports an event's own id; the second one inherited id 1 and says so on the wire.
    expect(seen).toEqual(events.map((e) => ({ name: e.name, id: e.id, data: e.data, ...(e.retry ? { retry: e.retry } : {}) })));
    expect(sseBlock({ name: 'message', data: 'a' })).toBe('data: a\n\n');
  });

  it('resumes after the event that carried Last-Event-ID, and from the start for an unknown id', () => {
    const ids = [{ id: '1' }, { id: '2' }, { id: '2' }, { id: '3' }, {}];
    expect(resumeIndex(ids, undefined)).toBe(0);
    expect(resumeIndex(ids, '1')).toBe(1);
    expect(resumeIndex(ids, '2')).toBe(3);
    expect(resumeIndex(ids, '3')).toBe(4);
    expect(resumeIndex(ids, '99')).toBe(0);
  });
});

describe('routes', () => {
  const streams = [
    stream('http://127.0.0.1:8787/api/events?boardId=board-1', 'sse', [sse(0, { name: 'connected', dir: 'sys' }), sse(10, {}), sse(30, {}), sse(5000, { dir: 'sys', name: 'connected' }), sse(9000, {})]),
    stream('http://localhost:8787/api/events?boardId=board-1', 'sse'),
    stream('http://127.0.0.1:8787/api/events?boardId=board-2', 'sse'),
    stream('ws://127.0.0.1:8787/api/events?boardId=board-1', 'ws'),
  ];
  const routes = mockRoutes(streams);

  it('serves each endpoint at its path and query; the second of two on one path under its host', () => {
    expect(routes.map((r) => servedUrl(routes, r, 'http://127.0.0.1:9000'))).toEqual([
      'http://127.0.0.1:9000/api/events?boardId=board-1',
      'http://127.0.0.1:9000/localhost:8787/api/events?boardId=board-1',
      'http://127.0.0.1:9000/api/events?boardId=board-2',
      'ws://127.0.0.1:9000/api/events?boardId=board-1',
    ]);
    const q = (s: string) => new URLSearchParams(s);
    expect(matchRoute(routes, 'sse', '/api/events', q('boardId=board-2&access_token=t'))).toBe(routes[2]);
    expect(matchRoute(routes, 'sse', '/127.0.0.1:8787/api/events', q('boardId=board-1'))).toBe(routes[0]);
    expect(matchRoute(routes, 'ws', '/api/events', q('boardId=board-1'))).toBe(routes[3]);
    expect(matchRoute(routes, 'sse', '/api/events', q(''))).toBeUndefined();
    expect(matchRoute(routes, 'sse', '/elsewhere', q('boardId=board-1'))).toBeUndefined();
  });

  it('serves received events only, and does not wait out a reconnect', () => {
    expect(routes[0]!.events.map((e) => e.time)).toEqual([10, 30, 9000]);
    expect(routes[0]!.gaps).toEqual([0, 20, 0]);
  });
});

/** A clock that only moves when told to. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const clock: PlaybackClock = {
    now: () => now,
    after: (ms, fn) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => (timers = timers.filter((x) => x !== t));
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      timers = timers.filter((t) => t !== next);
      now = next.at;
      next.fn();
    }
    now = end;
  };
  return { clock, advance };
}

describe('playback', () => {
  const gaps = [0, 100, 200, 0, 50];
  const run = (speed: number, opts: { loop?: boolean; from?: number } = {}) => {
    const { clock, advance } = fakeClock();
    const sent: [number, number][] = [];
    let done = false;
    const stop = startPlayback({ gaps, speed, loop: opts.loop ?? false, from: opts.from, clock, send: (i) => void sent.push([i, clock.now()]), done: () => (done = true) });
    return { sent, advance, stop, done: () => done };
  };

  it('keeps the recorded pacing at speed 1, ten times faster at 10, none at 0', () => {
    const one = run(1);
    one.advance(1000);
    expect(one.sent).toEqual([[0, 0], [1, 100], [2, 300], [3, 300], [4, 350]]);
    expect(one.done()).toBe(true);
    const ten = run(10);
    ten.advance(100);
    expect(ten.sent.map(([, t]) => t)).toEqual([0, 10, 30, 30, 35]);
    const max = run(0);
    expect(max.sent.map(([, t]) => t)).toEqual([0, 0, 0, 0, 0]);
  });

  it('starts a resume at once, loops when asked, and stops', () => {
    const resumed = run(1, { from: 2 });
    resumed.advance(1000);
    expect(resumed.sent).toEqual([[2, 0], [3, 0], [4, 50]]);
    const looped = run(1, { loop: true });
    looped.advance(400);
    expect(looped.sent.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 0]);
    looped.stop();
    looped.advance(1000);
    expect(looped.sent).toHaveLength(6);
    expect(looped.done()).toBe(false);
  });
});
