import type { Draft, FamilyScript } from './context';

/*
 * A STOMP 1.2 broker's side of a SockJS WebSocket (Spring's `/stomp/{server}/{session}/websocket`):
 * `o`, CONNECTED, then MESSAGE frames on the client's subscriptions `sub-0` (/topic/orders, JSON)
 * and `sub-1` (/queue/alerts, text), sometimes two in one array, with SockJS and STOMP heart-beats.
 */

const STATUSES = ['placed', 'paid', 'packed', 'shipped'];
const ALERTS = ['disk 81% full on db-2', 'latency p99 above 800 ms', 'certificate renews in 7 days'];

const frame = (command: string, headers: Record<string, string>, body = ''): string =>
  `${command}\n${Object.entries(headers).map(([k, v]) => `${k}:${v}\n`).join('')}\n${body}\u0000`;
const sockjs = (...texts: string[]): Draft => ({ data: {}, text: `a${JSON.stringify(texts)}` });

export const stompBroker: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const session = `session-${rng.hex(6)}`;
  yield { data: {}, text: 'o' };
  yield sockjs(frame('CONNECTED', { version: '1.2', server: 'demo-broker/1.0', 'heart-beat': '10000,10000', session }));
  for (let n = 1; ; n++) {
    ctx.pause();
    const order = frame(
      'MESSAGE',
      { destination: '/topic/orders', 'content-type': 'application/json', subscription: 'sub-0', 'message-id': `${session}-${n}` },
      JSON.stringify({ id: `o-${rng.int(10, 99)}`, status: rng.pick(STATUSES), total: rng.int(5, 90) }),
    );
    if (n % 5 === 0) {
      const alert = frame('MESSAGE', { destination: '/queue/alerts', 'content-type': 'text/plain', subscription: 'sub-1', 'message-id': `${session}-${n}a` }, rng.pick(ALERTS));
      yield sockjs(order, alert);
    } else if (n % 7 === 0 && ctx.heartbeats) yield { data: {}, text: 'h' };
    else if (n % 11 === 0 && ctx.heartbeats) yield sockjs('\n');
    else yield sockjs(order);
  }
};
