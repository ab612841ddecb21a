import type { Draft, FamilyScript } from './context';

/*
 * A GraphQL server's side of a `graphql-transport-ws` connection (the endpoint asks for that
 * subprotocol): the ack, then results of the client's subscriptions `1` (order updates) and `2`
 * (chat), an operation that fails, a subscription the server completes, and pings.
 * The demo does not read the client's frames: results name their operation by root field.
 */

const STATUSES = ['placed', 'paid', 'packed', 'shipped', 'delivered'];
const USERS = ['ana', 'bo', 'chen'];
const LINES = ['hello', 'order o-17 is late', 'on it', 'shipped now'];
const msg = (body: Record<string, unknown>): Draft => ({ data: body });

export const graphqlServer: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  yield msg({ type: 'connection_ack' });
  for (let round = 0; ; round++) {
    const order = `o-${rng.int(10, 99)}`;
    for (const status of STATUSES) {
      ctx.pause();
      yield msg({ id: '1', type: 'next', payload: { data: { onOrderUpdated: { id: order, status, at: ctx.iso() } } } });
      if (rng.int(0, 2) === 0) yield msg({ id: '2', type: 'next', payload: { data: { onChatMessage: { user: rng.pick(USERS), text: rng.pick(LINES) } } } });
    }
    // Each round a one-off query (id 10, 11, …) answers once and completes; about one a minute fails.
    const opId = String(10 + round);
    ctx.pause();
    if (round % 10 === 9) yield msg({ id: opId, type: 'error', payload: [{ message: `Order ${order} not found`, path: ['orderById'] }] });
    else {
      yield msg({ id: opId, type: 'next', payload: { data: { orderById: { id: order, total: rng.int(5, 90) } } } });
      yield msg({ id: opId, type: 'complete' });
    }
    if (ctx.heartbeats) yield msg({ type: 'ping' });
  }
};
