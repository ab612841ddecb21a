import { emptyExchange, exchangeReducer, side, type Effect, type ExchangeState } from './exchange';
import { field, num, str } from './json';

/** Destinations with counts and latest bodies, subscriptions and receipts by id, errors, the session. */
export type StompState = ExchangeState<'stomp'>;

export const emptyStomp = (): StompState => emptyExchange('stomp');

/** Calls of two kinds, kept apart: a subscription's id and a receipt's id are separate spaces. */
const SUBSCRIPTION = 'subscription';
const RECEIPT = 'receipt';

export const reduceStomp = exchangeReducer<'stomp'>((type, p, ev): Effect[] => {
  const headers = field(p, 'headers');
  const h = (name: string): string | undefined => str(field(headers, name));
  // Any client frame may ask for a receipt; the RECEIPT (or an ERROR) answers it.
  const asked = ev.dir === 'out' && h('receipt') !== undefined ? [{ kind: 'open', group: RECEIPT, id: h('receipt')!, name: `${type} ${h('destination') ?? h('id') ?? ''}`.trim() } as Effect] : [];
  switch (type) {
    case 'CONNECT':
    case 'STOMP':
      return [...asked, { kind: 'info', key: 'host', value: h('host') ?? '?' }];
    case 'CONNECTED':
      return [
        { kind: 'info', key: 'version', value: h('version') ?? '?' },
        ...(h('server') === undefined ? [] : [{ kind: 'info', key: 'server', value: h('server')! } as Effect]),
        ...(h('heart-beat') === undefined ? [] : [{ kind: 'info', key: 'heart-beat', value: h('heart-beat')! } as Effect]),
      ];
    case 'SUBSCRIBE': {
      const id = h('id');
      return id === undefined ? asked : [...asked, { kind: 'open', group: SUBSCRIPTION, id, name: h('destination') ?? '?', request: headers, active: true }];
    }
    case 'UNSUBSCRIBE': {
      const id = h('id');
      return id === undefined ? asked : [...asked, { kind: 'close', group: SUBSCRIPTION, id, cancelled: true }];
    }
    case 'SEND':
    case 'MESSAGE': {
      const destination = h('destination') ?? '?';
      const body = field(p, 'body');
      const topic: Effect = { kind: 'topic', group: side(ev.dir, true), name: destination, payload: body };
      const sub = type === 'MESSAGE' ? h('subscription') : undefined;
      return sub === undefined ? [...asked, topic] : [topic, { kind: 'update', group: SUBSCRIPTION, id: sub, payload: body, name: destination }];
    }
    case 'RECEIPT': {
      const id = h('receipt-id');
      return id === undefined ? [] : [{ kind: 'close', group: RECEIPT, id }];
    }
    case 'ERROR': {
      const body = field(p, 'body');
      const message = [h('message'), typeof body === 'string' ? body : undefined].filter(Boolean).join(': ') || 'error';
      const id = h('receipt-id');
      return id === undefined ? [{ kind: 'error', message }] : [{ kind: 'close', group: RECEIPT, id, error: message }, { kind: 'error', message }];
    }
    case 'DISCONNECT':
      return [...asked, { kind: 'info', key: 'session', value: 'disconnecting' }];
    case 'sockjs_open':
      return [{ kind: 'info', key: 'SockJS', value: 'open' }];
    case 'sockjs_close':
      return [{ kind: 'info', key: 'SockJS', value: `closed ${num(field(p, 'code')) ?? '?'} ${str(field(p, 'reason')) ?? ''}`.trim() }];
    default:
      return asked;
  }
});
