import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { CAPTURE_PORT, MAX_BATCH_CHARS, MAX_RECORDS_PER_SECOND } from '../../../lib/capture/channel';
import { CaptureCollector } from '../../../lib/capture/collector';

function fakePort(url = 'http://page.test/app') {
  const listeners: ((m: unknown) => void)[] = [];
  const posted: unknown[] = [];
  const port = {
    name: CAPTURE_PORT,
    sender: { tab: { id: 7, url }, url },
    onMessage: { addListener: (fn: (m: unknown) => void) => listeners.push(fn) },
    onDisconnect: { addListener: () => undefined },
    postMessage: (m: unknown) => posted.push(m),
    disconnect: () => undefined,
  };
  return { port: port as unknown as Browser.runtime.Port, send: (m: unknown) => listeners.forEach((l) => l(m)), posted };
}

async function setup(url?: string) {
  const frames: { data: string; size: number }[] = [];
  const markers: { kind: string; message: string }[] = [];
  const details: { kind: string; detail?: Record<string, unknown> }[] = [];
  const c = new CaptureCollector({
    source: () => undefined,
    frame: (_c, f) => frames.push(f),
    marker: (_c, kind, message, detail) => {
      markers.push({ kind, message });
      details.push({ kind, detail });
    },
  });
  c.setOrigins(['http://page.test']);
  const p = fakePort(url);
  c.accept(p.port, Promise.resolve());
  await Promise.resolve();
  await Promise.resolve();
  p.send(JSON.stringify([{ k: 'open', s: 1, t: 1, kind: 'ws', url: 'ws://page.test/ws' }]));
  return { c, p, frames, markers, details };
}

const frame = (data: string, extra: object = {}) => ({ k: 'frame', s: 1, t: 2, dir: 'in', data, size: data.length, ...extra });

describe('capture collector: what comes from the page is untrusted data', () => {
  it('ignores malformed input without throwing', async () => {
    const { p, frames } = await setup();
    for (const bad of [42, { k: 'frame' }, 'not json', '{"k":"frame"}', JSON.stringify([{ k: 'frame', s: 1, t: 2, dir: 'sideways', data: 'x', size: 1 }]), JSON.stringify([{ k: 'eval', code: 'x' }])])
      expect(() => p.send(bad)).not.toThrow();
    expect(frames).toEqual([]);
    p.send(JSON.stringify([frame('good')]));
    expect(frames.map((f) => f.data)).toEqual(['good']);
  });

  it('refuses an oversized batch whole and records a truncated frame with its size', async () => {
    const { p, frames, markers } = await setup();
    p.send(JSON.stringify([frame('x'.repeat(MAX_BATCH_CHARS))]));
    expect(frames).toEqual([]);
    p.send(JSON.stringify([frame('head', { size: 16 * 1024 * 1024, cut: true })]));
    expect(frames).toEqual([{ dir: 'in', opcode: 1, data: 'head', size: 16 * 1024 * 1024 }]);
    expect(markers.some((m) => m.kind === 'truncated' && m.message.includes(String(16 * 1024 * 1024)))).toBe(true);
  });

  it('caps a flood and says how many frames it dropped', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(10_000);
    const { p, frames, markers } = await setup();
    const batch = JSON.stringify(Array.from({ length: 5000 }, (_, i) => frame(String(i))));
    for (let i = 0; i < 5; i++) p.send(batch);
    expect(frames).toHaveLength(MAX_RECORDS_PER_SECOND);
    vi.setSystemTime(11_500);
    p.send(JSON.stringify([frame('next second')]));
    vi.useRealTimers();
    expect(markers.find((m) => m.kind === 'capture_dropped')?.message).toMatch(/Dropped 5000 frames/);
    expect(frames.at(-1)?.data).toBe('next second');
  });

  it('the connected marker says where the stream comes from, for detection: URL without credentials and content type', async () => {
    const { p, details } = await setup();
    p.send(JSON.stringify([{ k: 'open', s: 2, t: 1, kind: 'fetch', url: 'http://page.test/v1/messages?key=s3cret', method: 'POST' }, { k: 'state', s: 2, t: 2, what: 'open', status: 200, contentType: 'text/event-stream' }]));
    expect(details.filter((d) => d.kind === 'connected').at(-1)?.detail).toEqual({ status: 200, protocol: undefined, url: 'http://page.test/v1/messages', contentType: 'text/event-stream' });
    p.send(JSON.stringify([{ k: 'open', s: 3, t: 1, kind: 'fetch', url: 'http://page.test/api/chat' }, { k: 'state', s: 3, t: 2, what: 'open', status: 200, contentType: 'text/event-stream', told: { 'x-vercel-ai-ui-message-stream': 'v1' } }]));
    expect(details.filter((d) => d.kind === 'connected').at(-1)?.detail).toMatchObject({ headers: { 'x-vercel-ai-ui-message-stream': 'v1' } });
  });

  it('a body the capture let go of is marked truncated with its size', async () => {
    const { p, markers } = await setup();
    p.send(JSON.stringify([{ k: 'open', s: 2, t: 1, kind: 'fetch', url: 'http://page.test/llm', method: 'POST' }, { k: 'state', s: 2, t: 2, what: 'open', status: 200, contentType: 'text/event-stream' }]));
    p.send(JSON.stringify([{ k: 'state', s: 2, t: 3, what: 'stopped', size: 1048576, reason: 'the page did not read the body' }]));
    expect(markers.at(-1)).toEqual({ kind: 'truncated', message: 'Capture stopped 1048576 bytes into the body: the page did not read the body' });
  });

  it('knows which sources the tab current documents opened, ended ones too, until they go', async () => {
    const { c, p } = await setup();
    p.send(JSON.stringify([{ k: 'state', s: 1, t: 3, what: 'close', code: 1000 }]));
    const [id] = c.currentSources(7);
    expect(id).toMatch(/^cap-/);
    expect(c.liveSources(7)).toEqual([]);
    expect(c.currentSources(8)).toEqual([]);
    c.setOrigins([]); // the page's bridge goes: that page load is no longer current
    expect(c.currentSources(7)).toEqual([]);
  });

  it('stops a bridge from a site capture is not on for', async () => {
    const { p, frames } = await setup('http://other.test/');
    expect(p.posted).toEqual([{ op: 'stop' }]);
    p.send(JSON.stringify([frame('x')]));
    expect(frames).toEqual([]);
  });
});
