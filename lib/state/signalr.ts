import { argumentsValue, emptyExchange, exchangeReducer, side, type Effect, type ExchangeState } from './exchange';
import { field, id, num, str } from './json';

/** Hub targets by direction with counts and latest arguments; invocations by id with latency; the connection. */
export type SignalRState = ExchangeState<'signalr'>;

export const emptySignalR = (): SignalRState => emptyExchange('signalr');

const args = (p: unknown): unknown => argumentsValue(field(p, 'arguments'));

export const reduceSignalR = exchangeReducer<'signalr'>((type, p, ev): Effect[] => {
  const invocationId = id(field(p, 'invocationId'));
  const target = str(field(p, 'target')) ?? '?';
  const error = str(field(p, 'error'));
  switch (type) {
    case 'handshake':
      return [{ kind: 'info', key: 'protocol', value: `${str(field(p, 'protocol')) ?? '?'} v${num(field(p, 'version')) ?? '?'}` }];
    case 'handshake_response':
      return error === undefined
        ? [{ kind: 'info', key: 'handshake', value: 'accepted' }]
        : [{ kind: 'info', key: 'handshake', value: 'refused' }, { kind: 'error', message: `handshake: ${error}` }];
    case 'invocation':
    case 'stream_invocation': {
      const topic: Effect = { kind: 'topic', group: side(ev.dir, true), name: target, payload: args(p) };
      // Without an id the caller wants no answer: nothing to pair.
      return invocationId === undefined ? [topic] : [topic, { kind: 'open', group: side(ev.dir, true), id: invocationId, name: target, request: field(p, 'arguments') }];
    }
    case 'stream_item':
      return invocationId === undefined ? [] : [{ kind: 'update', group: side(ev.dir, false), id: invocationId, payload: field(p, 'item') }];
    case 'completion':
      return invocationId === undefined ? [] : [{ kind: 'close', group: side(ev.dir, false), id: invocationId, result: field(p, 'result'), error }];
    case 'cancel_invocation':
      // The caller cancels its own call: the same direction as the invocation.
      return invocationId === undefined ? [] : [{ kind: 'close', group: side(ev.dir, true), id: invocationId, cancelled: true }];
    case 'close': {
      const reconnect = field(p, 'allowReconnect') === true ? ' (may reconnect)' : '';
      const closed: Effect = { kind: 'info', key: 'connection', value: `closed${error === undefined ? '' : ` with an error`}${reconnect}` };
      return error === undefined ? [closed] : [closed, { kind: 'error', message: error }];
    }
    case 'sequence':
      return [{ kind: 'info', key: 'resumed from', value: `#${num(field(p, 'sequenceId')) ?? '?'}` }];
    default:
      return [];
  }
});
