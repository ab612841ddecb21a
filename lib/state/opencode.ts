import { byType } from './by-type';
import type { TypedStreamEvent } from '../model/typed';
import { merge, own, put, without, type Dict } from './immutable';
import { field, id, records, str } from './json';
import { touch, touchedIn, type Traced } from './trace';

export const MESSAGE_CAP = 500;

export interface MessagePart {
  type: string;
  text?: string;
  tool?: string;
}

export interface OpenCodeMessage extends Traced {
  id: string;
  sessionId: string;
  role?: string;
  parts: readonly MessagePart[];
  /** `streaming` until the message is `complete`; each update replaces parts and status. */
  status?: string;
}

export interface OpenCodeSession extends Traced {
  id: string;
  /** Undefined for a session only known from its messages. */
  title?: string;
  parentId?: string;
  agent?: string;
  model?: string;
}

export interface SessionMessages {
  /** Message ids in order of first arrival. */
  order: readonly string[];
  byId: Dict<OpenCodeMessage>;
}

/** One OpenCode instance (each instance is its own endpoint). */
export interface OpenCodeState {
  family: 'opencode';
  sessions: Dict<OpenCodeSession>;
  /** Session ids in order of first arrival. */
  sessionOrder: readonly string[];
  /** By session id. */
  messages: Dict<SessionMessages>;
  /** Receive time of server.connected. */
  connectedAt?: number;
}

export const emptyOpenCode = (): OpenCodeState => ({ family: 'opencode', sessions: {}, sessionOrder: [], messages: {} });

const NO_MESSAGES: SessionMessages = { order: [], byId: {} };

function withSession(
  s: OpenCodeState,
  sessionId: string,
  ev: TypedStreamEvent,
  make: (prev?: OpenCodeSession) => Omit<OpenCodeSession, 'trace'>,
): OpenCodeState {
  const { dict: sessions, changed, added, pruned } = touchedIn(s.sessions, sessionId, ev, make);
  if (!changed) return s;
  const sessionOrder = added ? [...s.sessionOrder, sessionId] : s.sessionOrder;
  if (!pruned) return { ...s, sessions, sessionOrder };
  // Sessions dropped for the entity cap take their messages with them.
  const kept = (k: string) => Object.hasOwn(sessions, k);
  const messages = Object.fromEntries(Object.entries(s.messages).filter(([k]) => kept(k)));
  return { ...s, sessions, sessionOrder: sessionOrder.filter(kept), messages };
}

function sessionUpdated(s: OpenCodeState, p: unknown, ev: TypedStreamEvent): OpenCodeState {
  const raw = field(p, 'session');
  const sessionId = id(field(raw, 'id'));
  if (sessionId === undefined) return s;
  const parentId = id(field(raw, 'parentId'));
  return withSession(s, sessionId, ev, (prev) =>
    merge(prev ?? { id: sessionId }, {
      title: str(field(raw, 'title')),
      // A session cannot be its own parent; the tree would lose it.
      parentId: parentId === sessionId ? undefined : parentId,
      agent: str(field(raw, 'agent')),
      model: str(field(raw, 'model')),
    }),
  );
}

function messageUpdated(s: OpenCodeState, p: unknown, ev: TypedStreamEvent): OpenCodeState {
  const sessionId = id(field(p, 'sessionId'));
  const messageId = id(field(p, 'messageId'));
  if (sessionId === undefined || messageId === undefined) return s;
  const parts = records(field(p, 'parts'))?.map((x) => ({ type: str(x.type) ?? 'unknown', text: str(x.text), tool: str(x.tool) }));
  const box = own(s.messages, sessionId) ?? NO_MESSAGES;
  const prev = own(box.byId, messageId);
  const message = touch(prev, ev, (m) =>
    merge(m ?? { id: messageId, sessionId, parts: [] }, { role: str(field(p, 'role')), parts, status: str(field(p, 'status')) }),
  );
  if (message === prev) return s;
  let { order, byId } = box;
  if (!prev) {
    order = [...order, messageId];
    if (order.length > MESSAGE_CAP) {
      byId = without(byId, order[0] ?? '');
      order = order.slice(1);
    }
  }
  const messages = put(s.messages, sessionId, { order, byId: put(byId, messageId, message) });
  // A message for a session not seen yet makes a placeholder session so the tree can show it.
  const next = { ...s, messages };
  return Object.hasOwn(s.sessions, sessionId) ? next : withSession(next, sessionId, ev, () => ({ id: sessionId }));
}

export const reduceOpenCode = byType<OpenCodeState>({
  session_updated: sessionUpdated,
  message_updated: messageUpdated,
  'server.connected': (s, _p, ev) => ({ ...s, connectedAt: ev.time }),
});

export interface SessionNode {
  session: OpenCodeSession;
  children: SessionNode[];
}

/**
 * Sessions as a tree in arrival order. A child whose parent has not arrived yet is shown at the
 * top level and moves under its parent once the parent arrives.
 */
export function sessionTree(s: OpenCodeState): SessionNode[] {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const sessionId of s.sessionOrder) {
    const parentId = own(s.sessions, sessionId)?.parentId;
    if (parentId === undefined || !own(s.sessions, parentId)) roots.push(sessionId);
    else if (children.has(parentId)) children.get(parentId)?.push(sessionId);
    else children.set(parentId, [sessionId]);
  }
  const seen = new Set<string>();
  const build = (sessionId: string): SessionNode[] => {
    const session = own(s.sessions, sessionId);
    if (!session || seen.has(sessionId)) return [];
    seen.add(sessionId);
    return [{ session, children: (children.get(sessionId) ?? []).flatMap(build) }];
  };
  const tree = roots.flatMap(build);
  // Sessions in a parent cycle hang under no root; list them at the top rather than lose them.
  for (const sessionId of s.sessionOrder) tree.push(...build(sessionId));
  return tree;
}

/** A session's messages in arrival order. */
export const sessionMessages = (s: OpenCodeState, sessionId: string): OpenCodeMessage[] => {
  const box = own(s.messages, sessionId);
  return box ? box.order.flatMap((m) => own(box.byId, m) ?? []) : [];
};
