import type { ComponentType } from 'preact';
import type { Family } from '../../lib/model/typed';
import type { EndpointState, FamilyStates } from '../../lib/state/index';
import { CustomView } from './CustomView';
import { exchangeView } from './ExchangeView';
import { GenericView } from './GenericView';
import { KanbanView } from './KanbanView';
import { LlmView } from './LlmView';
import { NotificationsView } from './NotificationsView';
import { OfficePlaneView } from './OfficePlaneView';
import { OpenCodeView } from './OpenCodeView';
import { PlansView } from './PlansView';

/** Each family's State view. A new family adds one entry. */
export const VIEWS: { [F in Family]: ComponentType<{ s: FamilyStates[F] }> } = {
  officeplane: OfficePlaneView,
  kanban: KanbanView,
  opencode: OpenCodeView,
  plans: PlansView,
  notifications: NotificationsView,
  llm: LlmView,
  socketio: exchangeView({ topics: 'Events', group: 'Namespace', calls: 'Acks', empty: 'No Socket.IO packets yet.' }),
  jsonrpc: exchangeView({ topics: 'Notifications', calls: 'Requests', empty: 'No JSON-RPC messages yet.' }),
  graphql: exchangeView({ topics: 'Root fields', calls: 'Operations', empty: 'No GraphQL messages yet.' }),
  signalr: exchangeView({ topics: 'Hub methods', group: 'Direction', calls: 'Invocations', empty: 'No SignalR records yet.' }),
  stomp: exchangeView({ topics: 'Destinations', group: 'Direction', calls: 'Subscriptions and receipts', empty: 'No STOMP frames yet.' }),
  phoenix: exchangeView({ topics: 'Events', group: 'Topic', calls: 'Pushes and replies', empty: 'No Phoenix Channels messages yet.' }),
  actioncable: exchangeView({ topics: 'Messages', group: 'Channel', calls: 'Subscriptions', empty: 'No Action Cable messages yet.' }),
  custom: CustomView,
  generic: GenericView,
};

/** The endpoint's state shown the way its own app shows it. */
export function FamilyView({ slice }: { slice: EndpointState }) {
  // Sound: `family` tags the slice, so the view of that family takes it.
  const View = VIEWS[slice.family] as ComponentType<{ s: EndpointState }>;
  return <View s={slice} />;
}
