import { emptyExchange, exchangeReducer, side, type Effect, type ExchangeState } from './exchange';
import { field, id, num, str } from './json';

/** Methods by name (notifications), requests paired with their results by id, with latency. */
export type JsonRpcState = ExchangeState<'jsonrpc'>;

export const emptyJsonRpc = (): JsonRpcState => emptyExchange('jsonrpc');

export const reduceJsonRpc = exchangeReducer<'jsonrpc'>((type, p, ev): Effect[] => {
  const rpcId = id(field(p, 'id'));
  const method = str(field(p, 'method')) ?? '?';
  switch (type) {
    case 'request':
      return rpcId === undefined ? [] : [{ kind: 'open', group: side(ev.dir, true), id: rpcId, name: method, request: field(p, 'params') }];
    case 'notification':
      return [{ kind: 'topic', name: method, payload: field(p, 'params') }];
    case 'result':
      return rpcId === undefined ? [] : [{ kind: 'close', group: side(ev.dir, false), id: rpcId, result: field(p, 'result') }];
    case 'error': {
      const err = field(p, 'error');
      const message = `${num(field(err, 'code')) ?? '?'} ${str(field(err, 'message')) ?? ''}`.trim();
      return rpcId === undefined ? [{ kind: 'error', message }] : [{ kind: 'close', group: side(ev.dir, false), id: rpcId, error: message }];
    }
    default:
      return [];
  }
});
