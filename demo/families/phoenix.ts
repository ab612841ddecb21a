import type { Draft, FamilyScript } from './context';

/*
 * A Phoenix server's side of a Channels socket (serializer 2.0.0, `[join_ref, ref, topic, event,
 * payload]`): replies to the client's joins of `room:lobby` (ref 1) and `orders:42` (ref 2, which
 * the server refuses), `new_msg` broadcasts, presence diffs, and replies to heartbeats.
 */

const USERS = ['ana', 'bo', 'chen', 'dara'];
const LINES = ['hello', 'who is on call?', 'deploy is green', 'brb'];
const push = (...message: unknown[]): Draft => ({ data: {}, text: JSON.stringify(message) });

export const phoenixSocket: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  yield push('1', '1', 'room:lobby', 'phx_reply', { status: 'ok', response: {} });
  yield push('2', '2', 'orders:42', 'phx_reply', { status: 'error', response: { reason: 'unauthorized' } });
  for (let i = 1, ref = 3; ; i++) {
    ctx.pause();
    const user = rng.pick(USERS);
    if (i % 6 === 0 && ctx.heartbeats) yield push(null, String(ref++), 'phoenix', 'phx_reply', { status: 'ok', response: {} });
    else if (i % 5 === 0) yield push('1', null, 'room:lobby', 'presence_diff', { joins: { [user]: { metas: [{ online_at: ctx.iso() }] } }, leaves: {} });
    else yield push('1', null, 'room:lobby', 'new_msg', { user, body: rng.pick(LINES) });
  }
};
