import { describe, expect, it } from 'vitest';
import { installPageHook, type HookWindow } from '../../../lib/capture/page-hook';
import { Recorder } from '../../../lib/capture/recorder';
import type { PageRecord } from '../../../lib/capture/wire';
// The stand-in for the browser's WebSocket: native statics and send rules.
import { FakeSocket as NativeSocket } from './fakes';

function setup() {
  const batches: PageRecord[][] = [];
  const rec = new Recorder({ emit: (b) => batches.push(JSON.parse(b) as PageRecord[]), now: () => 1, setTimeout: () => 0, stringify: JSON.stringify });
  rec.setReady();
  const win = { WebSocket: NativeSocket as unknown as typeof WebSocket, location: { href: 'http://page.test/' } } satisfies HookWindow;
  const hook = installPageHook(win, rec);
  const records = () => {
    rec.flush();
    return batches.flat();
  };
  return { win, hook, records };
}

describe('page hook: the WebSocket the page sees is the native one', () => {
  it('keeps instanceof, statics, name, constructor and subclassing', () => {
    const { win } = setup();
    const WS = win.WebSocket as unknown as typeof NativeSocket;
    const ws = new WS('ws://s.test/a');
    expect(ws).toBeInstanceOf(WS);
    expect(ws).toBeInstanceOf(NativeSocket);
    expect(WS.OPEN).toBe(1);
    expect(WS.name).toBe('FakeSocket');
    expect(ws.constructor).toBe(WS);
    class Mine extends WS {}
    const mine = new Mine('ws://s.test/b');
    expect(mine).toBeInstanceOf(Mine);
    expect(Object.getPrototypeOf(mine)).toBe(Mine.prototype);
  });

  it('records frames without changing once, signal or handler semantics', () => {
    const { win, records } = setup();
    const ws = new (win.WebSocket as unknown as typeof NativeSocket)('ws://s.test/a');
    let once = 0;
    let aborted = 0;
    const ac = new AbortController();
    ws.addEventListener('message', () => once++, { once: true });
    ws.addEventListener('message', () => aborted++, { signal: ac.signal });
    ws.dispatchEvent(new MessageEvent('message', { data: 'one' }));
    ac.abort();
    ws.dispatchEvent(new MessageEvent('message', { data: 'two' }));
    expect([once, aborted]).toEqual([1, 1]);
    const frames = records().filter((r) => r.k === 'frame');
    expect(frames.map((f) => (f.k === 'frame' ? f.data : ''))).toEqual(['one', 'two']);
  });

  it('send throws as the native does while connecting, and records nothing then', () => {
    const { win, records } = setup();
    const ws = new (win.WebSocket as unknown as typeof NativeSocket)('ws://s.test/a');
    expect(() => ws.send('early')).toThrow(/CONNECTING/);
    ws.readyState = 1;
    ws.send('late');
    const out = records().filter((r) => r.k === 'frame' && r.dir === 'out');
    expect(out.map((f) => (f.k === 'frame' ? f.data : ''))).toEqual(['late']);
  });

  it('keeps a huge frame truncated with its real size', () => {
    const { win, records } = setup();
    const ws = new (win.WebSocket as unknown as typeof NativeSocket)('ws://s.test/a');
    const big = 'x'.repeat(16 * 1024 * 1024);
    ws.dispatchEvent(new MessageEvent('message', { data: big }));
    const f = records().find((r) => r.k === 'frame');
    expect(f?.k === 'frame' && [f.cut, f.size, f.data.length]).toEqual([true, big.length, 1024 * 1024]);
  });

  it('stops recording at once when told to', () => {
    const { win, hook, records } = setup();
    const ws = new (win.WebSocket as unknown as typeof NativeSocket)('ws://s.test/a');
    hook.command({ op: 'stop' });
    ws.dispatchEvent(new MessageEvent('message', { data: 'after' }));
    expect(records().filter((r) => r.k === 'frame')).toEqual([]);
  });
});
