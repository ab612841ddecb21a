import { describe, expect, it } from 'vitest';
import { hookedPage, only } from './fakes';

// fetch() is wrapped so that the page gets the very promise and Response the browser made; a
// streamed body is read from a clone. These use the platform's real Response and streams (the
// clone is the platform's tee), with a body whose chunks the test sends one at a time.

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A response whose body the test feeds chunk by chunk. */
function streamed(contentType: string, headers: Record<string, string> = {}) {
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (ctl = c) });
  const res = new Response(body, { headers: { 'content-type': contentType, ...headers } });
  return { res, send: (t: string) => ctl.enqueue(enc.encode(t)), end: () => ctl.close() };
}

const ticks = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

function page(res: Response) {
  const given = Promise.resolve(res);
  const p = hookedPage({ fetch: (() => given) as unknown as typeof fetch });
  return { ...p, given, fetch: p.win.fetch! };
}

describe('page hook: fetch bodies that stream', () => {
  it('returns the very promise and Response, and the page reads every byte as it comes', async () => {
    const s = streamed('text/event-stream');
    const { fetch, given, records } = page(s.res);
    const pending = fetch('/llm', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' } });
    expect(pending).toBe(given);
    const res = await pending;
    expect(res).toBe(s.res);
    const reader = res.body!.getReader();
    s.send('data: one\n\n');
    // The page gets chunk one before chunk two exists: nothing waits for the capture.
    expect(dec.decode((await reader.read()).value)).toBe('data: one\n\n');
    s.send('data: two\n\n');
    expect(dec.decode((await reader.read()).value)).toBe('data: two\n\n');
    s.end();
    expect((await reader.read()).done).toBe(true);
    await ticks();
    const r = records();
    expect(only(r, 'open')[0]).toMatchObject({ kind: 'fetch', method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(only(r, 'chunk').map((c) => c.text).join('')).toBe('data: one\n\ndata: two\n\n');
    expect(only(r, 'state').map((x) => x.what)).toEqual(['open', 'end']);
  });

  it('reports the response headers that name a protocol, and no others', async () => {
    const s = streamed('text/event-stream', { 'x-vercel-ai-ui-message-stream': 'v1', 'set-cookie2': 'secret', 'x-request-id': 'r' });
    const { fetch, records } = page(s.res);
    await fetch('/api/chat', { method: 'POST' });
    await ticks();
    const open = only(records(), 'state').find((x) => x.what === 'open');
    expect(open).toMatchObject({ status: 200, contentType: 'text/event-stream', told: { 'x-vercel-ai-ui-message-stream': 'v1' } });
    expect(Object.keys(open?.told ?? {})).toEqual(['x-vercel-ai-ui-message-stream']);
    s.end();
  });

  it('captures NDJSON chunk by chunk while the page reads it with text()', async () => {
    const s = streamed('application/x-ndjson');
    const { fetch, records } = page(s.res);
    const res = await fetch('/lines');
    const text = res.text();
    s.send('{"n":1}\n');
    await ticks();
    expect(only(records(), 'chunk').map((c) => c.text)).toEqual(['{"n":1}\n']); // live, before the end
    s.send('{"n":2}\n');
    s.end();
    expect(await text).toBe('{"n":1}\n{"n":2}\n');
  });

  it('leaves a response that does not stream untouched', async () => {
    const res = new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
    const { fetch, records } = page(res);
    const got = await fetch('/data');
    await ticks();
    expect(got).toBe(res);
    expect(got.bodyUsed).toBe(false);
    expect(await got.json()).toEqual({ a: 1 });
    expect(records()).toEqual([]);
  });

  it('passes a failed fetch through with its own error', async () => {
    const boom = new TypeError('Failed to fetch');
    const p = hookedPage({ fetch: (() => Promise.reject(boom)) as unknown as typeof fetch });
    await expect(p.win.fetch!('/x')).rejects.toBe(boom);
    expect(p.records()).toEqual([]);
  });
});
