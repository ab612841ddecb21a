import { channelLabel, performed } from '../format/action-cable';
import { emptyExchange, exchangeReducer, type Effect, type ExchangeState } from './exchange';
import { field, str } from './json';

/** Channels subscribed (confirmed or rejected, as calls), messages by channel with counts and latest, the connection. */
export type ActionCableState = ExchangeState<'actioncable'>;

export const emptyActionCable = (): ActionCableState => emptyExchange('actioncable');

const SUBSCRIPTION = 'subscription';

/** Broadcasts carry no event name; apps commonly put one in the message's `type` or `action`. */
const messageName = (message: unknown): string => str(field(message, 'type')) ?? str(field(message, 'action')) ?? 'message';

export const reduceActionCable = exchangeReducer<'actioncable'>((type, p): Effect[] => {
  const identifier = str(field(p, 'identifier'));
  const label = channelLabel(identifier);
  const state = (value: string): Effect => ({ kind: 'info', key: `channel ${label}`, value });
  switch (type) {
    case 'welcome':
      return [{ kind: 'info', key: 'connection', value: 'welcomed' }];
    case 'disconnect': {
      const reason = str(field(p, 'reason')) ?? 'no reason';
      const closed: Effect = { kind: 'info', key: 'connection', value: `disconnected: ${reason}` };
      return reason === 'unauthorized' ? [closed, { kind: 'error', message: 'disconnected: unauthorized' }] : [closed];
    }
    case 'subscribe':
      return identifier === undefined ? [] : [state('subscribing'), { kind: 'open', group: SUBSCRIPTION, id: label, name: label }];
    case 'confirm_subscription':
      return identifier === undefined ? [] : [state('subscribed'), { kind: 'close', group: SUBSCRIPTION, id: label, name: label }];
    case 'reject_subscription':
      return identifier === undefined
        ? []
        : [state('rejected'), { kind: 'close', group: SUBSCRIPTION, id: label, name: label, error: 'rejected' }, { kind: 'error', message: `${label}: subscription rejected` }];
    case 'unsubscribe':
      return identifier === undefined ? [] : [state('unsubscribed')];
    case 'message': {
      const message = field(p, 'message');
      return identifier === undefined ? [] : [{ kind: 'topic', group: label, name: messageName(message), payload: message }];
    }
    case 'perform': {
      const { action, args } = performed(field(p, 'data'));
      return identifier === undefined ? [] : [{ kind: 'topic', group: label, name: `perform ${action ?? '?'}`, payload: args }];
    }
    default:
      return [];
  }
});
