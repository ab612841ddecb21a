import { errorMessages, operationName, rootFields } from '../format/graphql-document';
import { emptyExchange, exchangeReducer, type Effect, type ExchangeState } from './exchange';
import { field, id, str } from './json';

/** Operations by id: name, status, latest result, error, how many results; the connection's state. */
export type GraphQLState = ExchangeState<'graphql'>;

export const emptyGraphQL = (): GraphQLState => emptyExchange('graphql');

/** Operation ids are the client's: both protocols share one id space per connection. */
export const reduceGraphQL = exchangeReducer<'graphql'>((type, p, ev): Effect[] => {
  const opId = id(field(p, 'id'));
  const payload = field(p, 'payload');
  switch (type) {
    case 'connection_init':
      return [{ kind: 'info', key: 'connection', value: 'initialising' }];
    case 'connection_ack':
      return [{ kind: 'info', key: 'connection', value: 'acknowledged' }];
    case 'connection_error': {
      const message = errorMessages(payload)[0] ?? 'connection refused';
      return [
        { kind: 'info', key: 'connection', value: 'refused' },
        { kind: 'error', message },
      ];
    }
    case 'connection_terminate':
      return [{ kind: 'info', key: 'connection', value: 'terminated by the client' }];
    case 'subscribe':
    case 'start':
      return opId === undefined
        ? []
        : [{ kind: 'open', id: opId, name: operationName(payload) ?? '?', request: { query: str(field(payload, 'query')), variables: field(payload, 'variables') } }];
    case 'next':
    case 'data': {
      if (opId === undefined) return [];
      const errors = errorMessages(field(payload, 'errors'));
      const data = field(payload, 'data');
      // Root fields are what several operations may share (two subscriptions to one field).
      const fields = rootFields(payload).map((name): Effect => ({ kind: 'topic', name, payload: field(data, name) }));
      const update: Effect = { kind: 'update', id: opId, payload: data ?? payload, name: rootFields(payload)[0] };
      // A result with errors keeps its operation going; the errors are still worth listing.
      return errors.length === 0 ? [update, ...fields] : [update, ...fields, { kind: 'error', message: `${opId}: ${errors.join('; ')}` }];
    }
    case 'error':
      return opId === undefined ? [] : [{ kind: 'close', id: opId, error: errorMessages(payload).join('; ') || 'error' }];
    case 'complete':
    case 'stop':
      // The client ending an operation cancels it; the server's complete finishes it.
      return opId === undefined ? [] : [{ kind: 'close', id: opId, cancelled: ev.dir === 'out' }];
    default:
      return [];
  }
});
