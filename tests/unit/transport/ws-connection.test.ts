import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EndpointConfig } from '../../../lib/config/endpoint';
import { describeClose } from '../../../lib/transport/ws';
import { createConnection, type Connection } from '../../../lib/transport/connection';
import { advance, FakeServer, fakeDeps, FakeWebSocket, flush, Recorder, useClock, wsEndpoint } from './fakes';

let rec: Recorder;
let conn: Connection;

const start = (over: Partial<EndpointConfig> = {}): FakeWebSocket => {
  conn = createConnection(wsEndpoint(over), fakeDeps(new FakeServer()), rec);
  conn.start();
  return FakeWebSocket.last;
};

const heartbeat = { message: '{"type":"ping"}', intervalSec: 10, timeoutSec: 5, replyContains: 'pong' };

beforeEach(() => {
  useClock();
  FakeWebSocket.instances = [];
  rec = new Recorder();
});
afterEach(() => {
  conn.stop();
  vi.useRealTimers();
});

describe('WebSocket connection', () => {
  it('opens with the subprotocols and keeps text and binary frames', () => {
    const ws = start({ protocols: ['graphql-ws', 'v2'] });
    expect(ws.protocols).toEqual(['graphql-ws', 'v2']);
    expect(ws.binaryType).toBe('arraybuffer');
    ws.serverOpen('v2');
    expect(rec.lastMarker('connected')).toBe('Connected: subprotocol v2');
    expect(rec.markers.find((m) => m.kind === 'connected')?.detail).toEqual({ protocol: 'v2', url: 'ws://test.local/ws' });
    ws.serverSend('{"type":"hello"}');
    ws.serverSend('not json ✓');
    ws.serverSend(Uint8Array.of(0, 1, 2, 255).buffer);
    expect(rec.frames).toEqual([
      { dir: 'in', opcode: 1, data: '{"type":"hello"}', size: 16 },
      { dir: 'in', opcode: 1, data: 'not json ✓', size: 12 },
      { dir: 'in', opcode: 2, data: 'AAEC/w==', size: 4 },
    ]);
  });

  it('opens without subprotocols when none are set', () => {
    expect(start().protocols).toBeUndefined();
  });

  it('sends text when open and reports it as an outgoing frame', () => {
    const ws = start();
    expect(conn.send('early')).toEqual({ ok: false, error: 'the endpoint is not connected (connecting)' });
    ws.serverOpen();
    expect(conn.send('hello')).toEqual({ ok: true });
    expect(ws.sent).toEqual(['hello']);
    expect(rec.frames).toEqual([{ dir: 'out', opcode: 1, data: 'hello', size: 5 }]);
  });

  it('refuses to send once the socket went away', async () => {
    const ws = start();
    ws.serverOpen();
    ws.serverClose(1001, 'bye');
    await flush();
    expect(conn.send('x')).toEqual({ ok: false, error: 'the endpoint is not connected (backoff)' });
  });

  it('records close codes and tells an abnormal close apart', () => {
    const ws = start();
    ws.serverOpen();
    ws.serverClose(1006, '', 'read ECONNRESET');
    const why = 'close 1006 (abnormal: no close frame, the connection was lost) (read ECONNRESET)';
    expect(rec.lastMarker('dropped')).toBe(`Connection dropped: ${why}`);
    expect(rec.attempts.get(1)).toMatchObject({ closeCode: 1006, outcome: why });
    expect(conn.state).toBe('backoff');
  });

  it('says when the socket never opened', () => {
    start().serverClose(1006);
    expect(rec.lastMarker('dropped')).toBe('Could not connect: close 1006 (abnormal: no close frame, the connection was lost)');
    expect(rec.attempts.get(1)?.openedAt).toBeUndefined();
  });

  it('records a clean close with its reason and still reconnects', async () => {
    const ws = start();
    ws.serverOpen();
    ws.serverClose(1000, 'server restart');
    expect(rec.attempts.get(1)).toMatchObject({ closeCode: 1000, closeReason: 'server restart', outcome: 'close 1000 (normal): server restart' });
    await advance(1000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(ws.closedByClient).toBe(true);
  });

  it('words close codes plainly', () => {
    expect(describeClose(1006, '', 'connect ECONNREFUSED')).toBe('close 1006 (abnormal: no close frame, the connection was lost) (connect ECONNREFUSED)');
    expect(describeClose(4001, 'unauthorised')).toBe('close 4001 (application): unauthorised');
    expect(describeClose(3999, '')).toBe('close 3999 (other)');
  });

  it('fails cleanly when the socket cannot be made', async () => {
    class Refusing extends FakeWebSocket {
      constructor(url: string) {
        super(url);
        throw new SyntaxError("The subprotocol '' is invalid");
      }
    }
    conn = createConnection(wsEndpoint(), { ...fakeDeps(new FakeServer()), WebSocket: Refusing }, rec);
    conn.start();
    await flush();
    expect(rec.lastStatus).toMatchObject({ state: 'given_up', reason: "cannot open the WebSocket: The subprotocol '' is invalid" });
  });

  describe('heartbeat', () => {
    it('pings every interval and stays up while replies come', async () => {
      const ws = start({ heartbeat });
      ws.serverOpen();
      await advance(10_000);
      expect(ws.sent).toEqual([heartbeat.message]);
      expect(rec.frames.at(-1)).toMatchObject({ dir: 'out', data: heartbeat.message });
      ws.serverSend('{"type":"pong"}');
      await advance(10_000);
      ws.serverSend('{"type":"pong"}');
      await advance(10_000);
      expect(ws.sent).toHaveLength(3);
      expect(rec.kinds).not.toContain('stale');
      expect(conn.state).toBe('open');
    });

    it('marks the line stale and reconnects when no reply comes, whatever else arrives', async () => {
      const ws = start({ heartbeat });
      ws.serverOpen();
      await advance(10_000);
      ws.serverSend('{"type":"metrics_update"}');
      await advance(4999);
      expect(conn.state).toBe('open');
      await advance(1);
      expect(rec.lastMarker('stale')).toBe('Connection is stale: no reply containing "pong" within 5 s');
      expect(rec.lastMarker('dropped')).toBe('Connection dropped: stale: no reply containing "pong" within 5 s');
      expect(ws.closedByClient).toBe(true);
      expect(conn.state).toBe('backoff');
      expect(conn.lastActivityAt).toBe(Date.now() - 5000);
      await advance(1000);
      expect(FakeWebSocket.instances).toHaveLength(2);
    });

    it('stops pinging a closed socket', async () => {
      const ws = start({ heartbeat });
      ws.serverOpen();
      conn.pause();
      await advance(60_000);
      expect(ws.sent).toEqual([]);
      expect(rec.kinds).not.toContain('stale');
    });
  });
});
