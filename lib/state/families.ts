import type { Family, TypedStreamEvent } from '../model/typed';
import { emptyGraphQL, reduceGraphQL, type GraphQLState } from './graphql';
import { emptySignalR, reduceSignalR, type SignalRState } from './signalr';
import { emptyStomp, reduceStomp, type StompState } from './stomp';
import { emptyPhoenix, reducePhoenix, type PhoenixState } from './phoenix';
import { emptyActionCable, reduceActionCable, type ActionCableState } from './actioncable';
import { emptyCustom, reduceCustom, type CustomState } from './custom';
import { emptyGeneric, reduceGeneric, type GenericState } from './generic';
import { emptyJsonRpc, reduceJsonRpc, type JsonRpcState } from './jsonrpc';
import { emptySocketIo, reduceSocketIo, type SocketIoState } from './socketio';
import { emptyLlm, reduceLlm, type LlmState } from './llm';
import { emptyKanban, reduceKanban, type KanbanState } from './kanban';
import { emptyNotifications, reduceNotifications, type NotificationsState } from './notifications';
import { emptyOfficePlane, reduceOfficePlane, type OfficePlaneState } from './officeplane';
import { emptyOpenCode, reduceOpenCode, type OpenCodeState } from './opencode';
import { emptyPlans, reducePlans, type PlansState } from './plans';

/** Each family's state slice. A new family adds one line here and one entry in REDUCERS. */
export interface FamilyStates {
  officeplane: OfficePlaneState;
  kanban: KanbanState;
  opencode: OpenCodeState;
  plans: PlansState;
  notifications: NotificationsState;
  llm: LlmState;
  socketio: SocketIoState;
  jsonrpc: JsonRpcState;
  graphql: GraphQLState;
  signalr: SignalRState;
  stomp: StompState;
  phoenix: PhoenixState;
  actioncable: ActionCableState;
  custom: CustomState;
  generic: GenericState;
}

/** An endpoint's state: whichever family it speaks, tagged by `family`. */
export type EndpointState = FamilyStates[Family];

export interface SliceReducer<S> {
  empty(): S;
  /** Pure: returns `s` itself when the event changes nothing. */
  reduce(s: S, ev: TypedStreamEvent): S;
}

/** How each family's state starts and folds an event. */
export const REDUCERS: { [F in Family]: SliceReducer<FamilyStates[F]> } = {
  officeplane: { empty: emptyOfficePlane, reduce: reduceOfficePlane },
  kanban: { empty: emptyKanban, reduce: reduceKanban },
  opencode: { empty: emptyOpenCode, reduce: reduceOpenCode },
  plans: { empty: emptyPlans, reduce: reducePlans },
  notifications: { empty: emptyNotifications, reduce: reduceNotifications },
  llm: { empty: emptyLlm, reduce: reduceLlm },
  socketio: { empty: emptySocketIo, reduce: reduceSocketIo },
  jsonrpc: { empty: emptyJsonRpc, reduce: reduceJsonRpc },
  graphql: { empty: emptyGraphQL, reduce: reduceGraphQL },
  signalr: { empty: emptySignalR, reduce: reduceSignalR },
  stomp: { empty: emptyStomp, reduce: reduceStomp },
  phoenix: { empty: emptyPhoenix, reduce: reducePhoenix },
  actioncable: { empty: emptyActionCable, reduce: reduceActionCable },
  custom: { empty: emptyCustom, reduce: reduceCustom },
  generic: { empty: emptyGeneric, reduce: reduceGeneric },
};

/** The reducer of a slice's own family (the cast is sound: `family` tags the slice). */
export const reducerOf = (s: EndpointState): SliceReducer<EndpointState> => REDUCERS[s.family] as SliceReducer<EndpointState>;
