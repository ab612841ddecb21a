import type { StreamEvent } from './event';

/**
 * The protocol families Streamscope types (docs/event-shapes.md), the protocol profiles, a
 * profile defined per endpoint as data (`custom`), and a catch-all.
 */
export const FAMILIES = [
  'officeplane', 'kanban', 'opencode', 'plans', 'notifications',
  'llm', 'socketio', 'jsonrpc', 'graphql', 'signalr', 'stomp', 'phoenix', 'actioncable',
  'custom', 'generic',
] as const;
export type Family = (typeof FAMILIES)[number];

export const CATEGORIES = ['lifecycle', 'data', 'log', 'heartbeat', 'error', 'notification'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The kinds the built-in profiles name; a custom profile names its own (`item`, `order`). */
export type BuiltinEntityKind =
  | 'board' | 'card' | 'attempt' | 'agent'
  | 'plan' | 'session' | 'message'
  | 'instance' | 'task' | 'document' | 'job' | 'team' | 'hook'
  | 'user' | 'notification'
  // protocol profiles
  | 'response' | 'tool_call' | 'namespace' | 'event' | 'operation' | 'request'
  | 'destination' | 'subscription' | 'invocation' | 'topic' | 'channel';
// `string & {}` keeps the built-in names offered by the editor while any name is accepted.
export type EntityKind = BuiltinEntityKind | (string & {});

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

export interface ValidationIssue {
  /** Dotted path into the payload, '' for the root. */
  path: string;
  message: string;
}

/** What a protocol profile makes of one StreamEvent. Pure data, cheap to recompute. */
export interface TypedEvent {
  family: Family;
  /** The event type: SSE event name, or the JSON `type` discriminator, or 'message'. */
  type: string;
  category: Category;
  /** One line for the timeline, plain text. */
  summary: string;
  entities: EntityRef[];
  /** Parsed JSON data (undefined when the data is not JSON). */
  payload: unknown;
  /** True when the type is listed by the profile. */
  known: boolean;
  /** Schema issues; empty when valid. Unknown types have none. */
  issues: ValidationIssue[];
  /**
   * Every message of a frame that carries several (SignalR records, SockJS arrays of STOMP
   * frames), in order; absent for the usual one. `type` is then the first message's and
   * `payload` the list of every message's payload.
   */
  records?: TypedRecord[];
}

/** One message of a frame that carries several. */
export interface TypedRecord {
  type: string;
  payload: unknown;
}

export type TypedStreamEvent = StreamEvent & { typed: TypedEvent };

/** The messages of a typed frame: its records when it carries several, else the frame itself. */
export const recordsOf = (typed: Pick<TypedEvent, 'type' | 'payload' | 'records'>): readonly TypedRecord[] => typed.records ?? [typed];
