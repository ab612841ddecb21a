import { emptyExchange, exchangeReducer, type Effect, type ExchangeState } from './exchange';
import { field, str } from './json';

/** Topics joined (as session facts), events by topic and name with counts and latest payload, pushes paired with their replies by ref. */
export type PhoenixState = ExchangeState<'phoenix'>;

export const emptyPhoenix = (): PhoenixState => emptyExchange('phoenix');

/** The socket's own topic: heartbeats and their replies, too many to list as calls. */
const SOCKET_TOPIC = 'phoenix';

export const reducePhoenix = exchangeReducer<'phoenix'>((type, p, ev): Effect[] => {
  const topic = str(field(p, 'topic'));
  // Frames in neither serializer's shape have no topic: nothing to fold.
  if (topic === undefined || topic === SOCKET_TOPIC) return [];
  const ref = str(field(p, 'ref'));
  const joinRef = str(field(p, 'join_ref'));
  const payload = field(p, 'payload');
  const channel = (value: string): Effect => ({ kind: 'info', key: `topic ${topic}`, value });
  switch (type) {
    case 'phx_join':
      return ref === undefined ? [channel('joining')] : [channel('joining'), { kind: 'open', id: ref, name: `join ${topic}`, request: payload }];
    case 'phx_leave':
      return ref === undefined ? [channel('leaving')] : [channel('leaving'), { kind: 'open', id: ref, name: `leave ${topic}` }];
    case 'phx_reply': {
      if (ref === undefined) return [];
      const failed = str(field(payload, 'status')) !== 'ok';
      const response = field(payload, 'response');
      const reply: Effect = failed
        ? { kind: 'close', id: ref, name: topic, error: `${str(field(payload, 'status')) ?? '?'} ${JSON.stringify(response ?? null).slice(0, 200)}` }
        : { kind: 'close', id: ref, name: topic, result: response };
      // The reply to a join carries the join's own ref.
      return ref === joinRef ? [reply, channel(failed ? 'refused' : 'joined')] : [reply];
    }
    case 'phx_close':
      return [channel('closed')];
    case 'phx_error':
      return [channel('crashed'), { kind: 'error', message: `${topic}: channel crashed` }];
    default: {
      const event: Effect = { kind: 'topic', group: topic, name: type, payload };
      // A push with a ref asks for a reply; a broadcast has none.
      return ev.dir === 'out' && ref !== undefined ? [event, { kind: 'open', id: ref, name: type, request: payload }] : [event];
    }
  }
});
