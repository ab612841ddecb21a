import type { Draft, FamilyScript } from './context';

/*
 * A Socket.IO v4 chat as its server sends it over a WebSocket: the Engine.IO handshake, the
 * default and `/chat` namespaces connected, chat messages and typing on both, a server event
 * that asks for an ack, and Engine.IO pings.
 */

const USERS = ['ana', 'bo', 'chen', 'dara'];
const LINES = ['hello', 'is the deploy done?', 'looks good to me', 'merging now', 'lunch?', 'the build is green'];
const frame = (text: string): Draft => ({ data: {}, text });

export const socketioChat: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  yield frame(`0${JSON.stringify({ sid: rng.hex(20), upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1000000 })}`);
  yield frame(`40${JSON.stringify({ sid: rng.hex(20) })}`);
  yield frame(`40/chat,${JSON.stringify({ sid: rng.hex(20) })}`);
  for (let i = 1; ; i++) {
    ctx.pause();
    const user = rng.pick(USERS);
    if (i % 7 === 0) yield frame(`42${i}${JSON.stringify(['confirm', { order: `o-${rng.hex(4)}`, total: rng.int(5, 90) }])}`);
    else if (i % 5 === 0) yield frame(`42/chat,${JSON.stringify(['typing', { user }])}`);
    else if (i % 9 === 0 && ctx.heartbeats) yield frame('2');
    else yield frame(`42${i % 2 ? '/chat,' : ''}${JSON.stringify(['chat message', { user, text: rng.pick(LINES) }])}`);
  }
};
