import { argumentsValue, emptyExchange, exchangeReducer, type Effect, type ExchangeState } from './exchange';
import { field, isRecord, num, str } from './json';

/** Namespaces, events by name with counts and latest arguments, acks by id. */
export type SocketIoState = ExchangeState<'socketio'>;

export const emptySocketIo = (): SocketIoState => emptyExchange('socketio');

const args = (p: unknown): unknown => argumentsValue(field(p, 'args'));

export const reduceSocketIo = exchangeReducer<'socketio'>((type, p, ev): Effect[] => {
  const nsp = str(field(p, 'nsp')) ?? '/';
  const ackId = num(field(p, 'id'));
  switch (type) {
    case 'open':
      return [
        { kind: 'info', key: 'sid', value: str(field(p, 'sid')) ?? '?' },
        { kind: 'info', key: 'ping interval', value: `${num(field(p, 'pingInterval')) ?? '?'} ms` },
      ];
    case 'connect':
      return [{ kind: 'info', key: `namespace ${nsp}`, value: `connected${isRecord(field(p, 'data')) ? ` (sid ${str(field(field(p, 'data'), 'sid')) ?? '?'})` : ''}` }];
    case 'disconnect':
      return [{ kind: 'info', key: `namespace ${nsp}`, value: 'disconnected' }];
    case 'connect_error':
      return [
        { kind: 'info', key: `namespace ${nsp}`, value: 'refused' },
        { kind: 'error', message: `${nsp}: ${str(field(field(p, 'data'), 'message')) ?? 'connect error'}` },
      ];
    case 'event':
    case 'binary_event': {
      const name = str(field(p, 'name')) ?? '?';
      const topic: Effect = { kind: 'topic', group: nsp, name, payload: args(p) };
      // An event with an id asks the other side for an ack.
      return ackId === undefined ? [topic] : [topic, { kind: 'open', group: `${nsp} ${ev.dir === 'out' ? '→' : '←'}`, id: String(ackId), name }];
    }
    case 'ack':
    case 'binary_ack':
      // The ack travels the other way from the event that asked for it.
      return ackId === undefined ? [] : [{ kind: 'close', group: `${nsp} ${ev.dir === 'out' ? '←' : '→'}`, id: String(ackId), result: args(p) }];
    default:
      return [];
  }
});
