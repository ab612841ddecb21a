import { describe, expect, it } from 'vitest';
import { FakeCloseEvent, hookedPage, only } from './fakes';

// What page-hook.test.ts does not already cover of the WebSocket: statics on the instance,
// binaryType, on* handlers beside listeners, close and error semantics, sends the browser drops.

describe('page hook: WebSocket semantics the page relies on', () => {
  it('keeps the readyState constants on class and instance', () => {
    const { WS } = hookedPage();
    const ws = new WS('ws://s.test/a');
    expect([WS.CONNECTING, WS.OPEN, WS.CLOSING, WS.CLOSED]).toEqual([0, 1, 2, 3]);
    expect([ws.CONNECTING, ws.OPEN, ws.CLOSING, ws.CLOSED]).toEqual([0, 1, 2, 3]);
    expect(Object.getOwnPropertyNames(ws)).not.toContain('OPEN');
  });

  it('leaves binaryType to the page and records binary frames as base64 with their size', async () => {
    const { WS, records } = hookedPage();
    const ws = new WS('ws://s.test/a');
    expect(ws.binaryType).toBe('blob');
    ws.binaryType = 'arraybuffer';
    expect(ws.binaryType).toBe('arraybuffer');
    const got: unknown[] = [];
    ws.onmessage = (e) => got.push(e.data);
    ws.serverOpen();
    const bytes = new Uint8Array([0, 1, 2, 255]);
    ws.serverSends(bytes.buffer);
    ws.serverSends(new Blob([new Uint8Array([9, 8])]));
    expect(got[0]).toBe(bytes.buffer); // the very object, not a copy
    await new Promise((r) => setTimeout(r, 10)); // the Blob's bytes are read asynchronously
    const frames = only(records(), 'frame');
    expect(frames.map((f) => [f.bin, f.data, f.size])).toEqual([
      [true, 'AAEC/w==', 4],
      [true, 'CQg=', 2],
    ]);
  });

  it('on* handlers and listeners see every event once, in the native order', () => {
    const { WS, records } = hookedPage();
    const ws = new WS('ws://s.test/a');
    const order: string[] = [];
    ws.onopen = () => order.push('onopen');
    ws.addEventListener('open', () => order.push('listener'));
    ws.onmessage = (e) => order.push(`onmessage:${String(e.data)}`);
    ws.serverOpen('chat.v1');
    ws.serverSends('hi');
    ws.onmessage = null;
    ws.serverSends('unheard');
    expect(order).toEqual(['onopen', 'listener', 'onmessage:hi']);
    expect(only(records(), 'frame').map((f) => f.data)).toEqual(['hi', 'unheard']);
    expect(only(records(), 'state')[0]).toMatchObject({ what: 'open', protocol: 'chat.v1' });
  });

  it('records a close with its code, reason and cleanness; the page gets the same event', () => {
    const { WS, records } = hookedPage();
    const ws = new WS('ws://s.test/a', ['p1', 'p2']);
    let seen: FakeCloseEvent | undefined;
    ws.onclose = (e) => (seen = e);
    ws.serverOpen();
    ws.serverClosed(4001, 'bye', true);
    expect([seen?.code, seen?.reason, seen?.wasClean]).toEqual([4001, 'bye', true]);
    expect(only(records(), 'open')[0]?.protocols).toEqual(['p1', 'p2']);
    expect(only(records(), 'state').at(-1)).toMatchObject({ what: 'close', code: 4001, reason: 'bye', clean: true });
  });

  it('records an error then the unclean close, as the browser reports them', () => {
    const { WS, records } = hookedPage();
    const ws = new WS('ws://s.test/a');
    const order: string[] = [];
    ws.onerror = () => order.push('error');
    ws.onclose = (e) => order.push(`close:${e.code}`);
    ws.fail();
    expect(order).toEqual(['error', 'close:1006']);
    expect(only(records(), 'state').map((r) => [r.what, r.code, r.clean])).toEqual([
      ['error', undefined, undefined],
      ['close', 1006, false],
    ]);
  });

  it('a send after close() is dropped silently, as native, and not recorded', async () => {
    const { WS, records } = hookedPage();
    const ws = new WS('ws://s.test/a');
    ws.serverOpen();
    ws.send('before');
    ws.close();
    expect(() => ws.send('while closing')).not.toThrow();
    await Promise.resolve();
    expect(ws.readyState).toBe(WS.CLOSED);
    expect(ws.wire).toEqual(['before']);
    expect(only(records(), 'frame').map((f) => [f.dir, f.data])).toEqual([['out', 'before']]);
  });
});
