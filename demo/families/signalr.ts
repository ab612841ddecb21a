import type { Draft, FamilyScript } from './context';

/*
 * A SignalR chat hub's side of a WebSocket with the JSON hub protocol: the handshake response
 * `{}`, then `ReceiveMessage` and `UserTyping` invocations, often several records in one frame,
 * and pings. Every record is ended by 0x1E.
 */

const RS = '\u001e';
const USERS = ['ana', 'bo', 'chen', 'dara'];
const LINES = ['hello', 'anyone on call?', 'deploying now', 'rollback done', 'thanks!'];
const records = (...list: unknown[]): Draft => ({ data: {}, text: list.map((r) => JSON.stringify(r) + RS).join('') });

export const signalrHub: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  yield records({});
  for (let i = 1; ; i++) {
    ctx.pause();
    const user = rng.pick(USERS);
    const message = { type: 1, target: 'ReceiveMessage', arguments: [user, rng.pick(LINES)] };
    if (i % 4 === 0) yield records({ type: 1, target: 'UserTyping', arguments: [rng.pick(USERS)] }, message);
    else if (i % 6 === 0 && ctx.heartbeats) yield records({ type: 6 });
    else if (i % 9 === 0) yield records({ type: 1, target: 'MembersChanged', arguments: [{ online: rng.int(2, 9) }] });
    else yield records(message);
  }
};
