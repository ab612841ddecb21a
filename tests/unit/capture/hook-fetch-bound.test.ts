import { describe, expect, it } from 'vitest';
import { CLONE_AHEAD, UNREAD_WAIT_MS, WATCH_MS } from '../../../lib/capture/page-hook';
import { hookedPage, only } from './fakes';

// The capture reads a tee of the page's body. These check that it never makes the page's side
// hold more than it would (a page that has not read), never keeps a request open that the page
// cancelled, and leaves a visible record of where it stopped — with the platform's real tee.

const CHUNK = 64 * 1024;

/** An endless body pulled on demand, a chunk a task as a network delivers; counts what was pulled. */
function endless() {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        await new Promise((r) => setTimeout(r, 0));
        const chunk = new Uint8Array(CHUNK).fill(97 + ((state.pulled / CHUNK) % 26));
        state.pulled += CHUNK;
        c.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { res: new Response(body, { headers: { 'content-type': 'text/event-stream' } }), state };
}

/** The page's timer, run by the test. */
function manualTimers() {
  let due: (() => void)[] = [];
  return {
    setTimeout: (fn: () => void) => void due.push(fn),
    tick() {
      const now = due;
      due = [];
      for (const fn of now) fn();
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 80; i++) await new Promise((r) => setTimeout(r, 0));
};

function setup() {
  const net = endless();
  const timers = manualTimers();
  const page = hookedPage({ fetch: (() => Promise.resolve(net.res)) as unknown as typeof fetch, setTimeout: timers.setTimeout });
  return { ...page, ...net, timers, fetch: page.win.fetch! };
}

describe('page hook: the fetch clone is bounded by the page', () => {
  it('reads at most CLONE_AHEAD ahead of a page that has not begun reading, then waits', async () => {
    const { fetch, state, timers, records } = setup();
    await fetch('/stream');
    await settle();
    expect(state.pulled).toBeGreaterThanOrEqual(CLONE_AHEAD);
    expect(state.pulled).toBeLessThanOrEqual(CLONE_AHEAD + 2 * CHUNK);
    const held = state.pulled;
    timers.tick();
    await settle();
    expect(state.pulled).toBe(held); // still waiting, nothing more pulled into the page's branch
    expect(only(records(), 'state').map((r) => r.what)).toEqual(['open']);
  });

  it('resumes when the page begins reading, and the page gets every byte in order', async () => {
    const { fetch, timers, records } = setup();
    const res = await fetch('/stream');
    await settle();
    const reader = res.body!.getReader();
    let pageBytes = 0;
    for (let i = 0; i < 40; i++) {
      const { value } = await reader.read();
      expect(value![0]).toBe(97 + (i % 26)); // the page's stream is the server's, untouched
      pageBytes += value!.byteLength;
    }
    timers.tick();
    await settle();
    const captured = only(records(), 'chunk').reduce((n, c) => n + c.text.length, 0);
    expect(captured).toBeGreaterThanOrEqual(pageBytes);
    expect(only(records(), 'state').map((r) => r.what)).toEqual(['open']);
  });

  it('lets go, with a record of the size, when the page never reads; the page can still read it all', async () => {
    const { fetch, state, timers, records } = setup();
    const res = await fetch('/stream');
    await settle();
    for (let i = 0; i < UNREAD_WAIT_MS / WATCH_MS; i++) timers.tick();
    await settle();
    const stopped = only(records(), 'state').find((r) => r.what === 'stopped');
    expect(stopped?.size).toBeGreaterThanOrEqual(CLONE_AHEAD);
    expect(stopped?.reason).toMatch(/did not read/);
    expect(state.cancelled).toBe(false); // the request is the page's: it stays open for it
    const reader = res.body!.getReader();
    for (let i = 0; i < 30; i++) expect((await reader.read()).value![0]).toBe(97 + (i % 26));
  });

  it('ends the request when the page cancels its reader (keeping the lock), as without capture', async () => {
    const { fetch, state, timers, records } = setup();
    const res = await fetch('/stream');
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    // A tee settles a branch's cancel only when both branches are cancelled: the capture
    // follows at once, so the page's await returns as it would without capture.
    await reader.cancel('user pressed stop');
    expect(state.cancelled).toBe(true);
    const stopped = only(records(), 'state').find((r) => r.what === 'stopped');
    expect(stopped?.reason).toMatch(/cancelled/);
    expect(stopped?.size).toBeGreaterThan(0);
    const pulledThen = state.pulled;
    timers.tick();
    await settle();
    expect(state.pulled).toBe(pulledThen);
  });

  it('ends the request when the page breaks out of for-await (the lock is released)', async () => {
    const { fetch, state, timers } = setup();
    const res = await fetch('/stream');
    let n = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      void chunk;
      if (++n === 3) break;
    }
    expect(state.cancelled).toBe(true); // the loop's exit waited on nothing of ours
    void timers;
  });

  it('ends the request when the page cancels the body itself', async () => {
    const { fetch, state, records } = setup();
    const res = await fetch('/stream');
    await res.body!.cancel();
    expect(state.cancelled).toBe(true);
    expect(only(records(), 'state').at(-1)?.what).toBe('stopped');
  });

  it('ends the request when the page aborts a pipe of the body', async () => {
    const { fetch, state, records } = setup();
    const res = await fetch('/stream');
    const ac = new AbortController();
    let got = 0;
    const piped = res.body!.pipeTo(new WritableStream({ write: () => void (++got === 3 && ac.abort()) }), { signal: ac.signal }).catch(() => 'aborted');
    expect(await piped).toBe('aborted'); // the pipe settles: it did not wait on the capture
    expect(state.cancelled).toBe(true);
    expect(only(records(), 'state').at(-1)?.reason).toMatch(/cancelled/);
  });

  it('lets go at the next check when the page released the body by a path no call shows', async () => {
    const { fetch, state, timers, records } = setup();
    const res = await fetch('/stream');
    // The page reads a little, then lets go of its reader without cancelling.
    const reader = res.body!.getReader();
    await reader.read();
    reader.releaseLock();
    await settle();
    timers.tick();
    await settle();
    expect(state.cancelled).toBe(false); // released, not cancelled: the page may read again …
    expect(only(records(), 'state').at(-1)?.reason).toMatch(/stopped reading/); // … but the capture has let go
  });

  it('a body the page reads to its end is captured whole, with no stop record', async () => {
    const timers = manualTimers();
    const res = new Response('data: a\n\ndata: b\n\n', { headers: { 'content-type': 'text/event-stream' } });
    const page = hookedPage({ fetch: (() => Promise.resolve(res)) as unknown as typeof fetch, setTimeout: timers.setTimeout });
    const got = await page.win.fetch!('/s');
    expect(await got.text()).toBe('data: a\n\ndata: b\n\n');
    timers.tick();
    await settle();
    timers.tick();
    expect(only(page.records(), 'chunk').map((c) => c.text).join('')).toBe('data: a\n\ndata: b\n\n');
    expect(only(page.records(), 'state').map((r) => r.what)).toEqual(['open', 'end']);
  });
});
