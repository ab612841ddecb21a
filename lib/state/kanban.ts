import { byType, type TypeHandler } from './by-type';
import type { TypedStreamEvent } from '../model/typed';
import { appendCapped, keepEqual, merge, own, without, type Dict } from './immutable';
import { bool, field, id, isRecord, num, records, str, strings, type Json } from './json';
import { isInvalid, touch, touchIn, type Traced } from './trace';

export const LOG_CAP = 500;
export const CONVERSATION_CAP = 500;
export const COMMIT_CAP = 100;

export interface KanbanBoard extends Traced {
  id?: string;
  name?: string;
}

export interface KanbanColumn {
  id: string;
  title?: string;
  cardIds: readonly string[];
}

export interface KanbanCard extends Traced {
  id: string;
  title?: string;
  columnId?: string;
  assignee?: string;
}

export interface AttemptLog {
  seq: number;
  line: string;
  level?: string;
}

export interface ConversationItem {
  seq: number;
  role?: string;
  text: string;
}

export interface Todo {
  text: string;
  done: boolean;
}

export interface GitStatus {
  branch: string;
  ahead?: number;
  behind?: number;
  dirty?: boolean;
}

export interface GitCommit {
  seq: number;
  sha: string;
  message?: string;
}

/** One agent run on a card (the board's own word), not a connection attempt (lib/model/connection.ts). */
export interface AgentAttempt extends Traced {
  id: string;
  /** Kept even when the card is not on the board: cards are never invented. */
  cardId?: string;
  agent?: string;
  /** Undefined until an attempt_status arrives. */
  status?: string;
  /** Receive time of attempt_started; undefined for an attempt only seen through later events. */
  startedAt?: number;
  logs: readonly AttemptLog[];
  conversation: readonly ConversationItem[];
  todos: readonly Todo[];
  session?: { sessionId: string; worktree?: string };
  gitStatus?: GitStatus;
  commits: readonly GitCommit[];
  lastPush?: { branch: string; remote?: string };
  pr?: { url: string; number?: number; title?: string };
}

export interface Agent extends Traced {
  id: string;
  name?: string;
  kind?: string;
}

export interface AgentProfile extends Traced {
  id: string;
  name?: string;
  model?: string;
}

export interface DashboardOverview {
  boards?: number;
  cards?: number;
  activeAttempts?: number;
  agents?: number;
  byStatus?: Dict<number>;
}

export interface Dashboard extends Traced {
  overview: DashboardOverview;
}

export interface KanbanState {
  family: 'kanban';
  board?: KanbanBoard;
  columns: readonly KanbanColumn[];
  cards: Dict<KanbanCard>;
  /** By attemptId; survives later `state` snapshots. */
  attempts: Dict<AgentAttempt>;
  agents: Dict<Agent>;
  profiles: Dict<AgentProfile>;
  dashboard?: Dashboard;
  /** Receive time of the last hello or heartbeat. */
  lastHeartbeat?: number;
  serverTime?: string;
}

export const emptyKanban = (): KanbanState => ({ family: 'kanban', columns: [], cards: {}, attempts: {}, agents: {}, profiles: {} });

type AttemptFields = Omit<AgentAttempt, 'trace'>;
type AttemptChange = (a: AttemptFields, p: unknown, ev: TypedStreamEvent) => Partial<AttemptFields>;

/** What each attempt event changes; fields of the wrong type come back undefined and are skipped. */
const ATTEMPT_CHANGES: Dict<AttemptChange> = {
  attempt_started: (a, p, ev) => ({ agent: str(field(p, 'agent')), startedAt: a.startedAt ?? ev.time }),
  attempt_status: (_a, p) => ({ status: str(field(p, 'status')) }),
  attempt_log: (a, p, ev) => {
    const line = str(field(p, 'line'));
    return line === undefined ? {} : { logs: appendCapped(a.logs, { seq: ev.seq, line, level: str(field(p, 'level')) }, LOG_CAP) };
  },
  conversation_item: (a, p, ev) => {
    const text = str(field(p, 'text'));
    const item = { seq: ev.seq, role: str(field(p, 'role')), text: text ?? '' };
    return text === undefined ? {} : { conversation: appendCapped(a.conversation, item, CONVERSATION_CAP) };
  },
  attempt_session: (_a, p) => {
    const sessionId = id(field(p, 'sessionId'));
    return { session: sessionId === undefined ? undefined : { sessionId, worktree: str(field(p, 'worktree')) } };
  },
  attempt_todos: (_a, p) => ({
    todos: records(field(p, 'todos'))?.flatMap((t) => {
      const text = str(t.text);
      return text === undefined ? [] : [{ text, done: bool(t.done) ?? false }];
    }),
  }),
  git_status: (_a, p) => {
    const branch = str(field(p, 'branch'));
    if (branch === undefined) return {};
    return { gitStatus: { branch, ahead: num(field(p, 'ahead')), behind: num(field(p, 'behind')), dirty: bool(field(p, 'dirty')) } };
  },
  git_commit: (a, p, ev) => {
    const sha = str(field(p, 'sha'));
    // A commit is identified by its sha: seeing it again adds nothing.
    if (sha === undefined || a.commits.some((c) => c.sha === sha)) return {};
    return { commits: appendCapped(a.commits, { seq: ev.seq, sha, message: str(field(p, 'message')) }, COMMIT_CAP) };
  },
  git_push: (_a, p) => {
    const branch = str(field(p, 'branch'));
    return { lastPush: branch === undefined ? undefined : { branch, remote: str(field(p, 'remote')) } };
  },
  attempt_pr: (_a, p) => {
    const url = str(field(p, 'url'));
    return { pr: url === undefined ? undefined : { url, number: num(field(p, 'number')), title: str(field(p, 'title')) } };
  },
};

const blankAttempt = (attemptId: string): AttemptFields => ({ id: attemptId, logs: [], conversation: [], todos: [], commits: [] });

function attemptEvent(s: KanbanState, change: AttemptChange, p: unknown, ev: TypedStreamEvent): KanbanState {
  const attemptId = id(field(p, 'attemptId'));
  if (attemptId === undefined) return s;
  const attempts = touchIn(s.attempts, attemptId, ev, (prev) => {
    const a = { ...blankAttempt(attemptId), ...prev };
    return merge(a, { ...change(a, p, ev), cardId: a.cardId ?? id(field(p, 'cardId')) });
  });
  return attempts === s.attempts ? s : { ...s, attempts };
}

/** A `state` snapshot replaces board, columns and cards; entities that did not change are kept as they were. */
function snapshot(s: KanbanState, p: unknown, ev: TypedStreamEvent): KanbanState {
  if (!isRecord(p)) return s;
  const b = p.board;
  const board = isRecord(b) ? touch(s.board, ev, () => ({ id: id(b.id), name: str(b.name) })) : s.board;
  const cols = records(p.columns)?.flatMap((c) => {
    const colId = id(c.id);
    return colId === undefined ? [] : [{ id: colId, title: str(c.title), cardIds: strings(c.cardIds) ?? [] }];
  });
  const columns = cols === undefined ? s.columns : keepEqual(s.columns, cols);
  const cards = isRecord(p.cards) ? snapshotCards(s.cards, p.cards, ev) : s.cards;
  return board === s.board && columns === s.columns && cards === s.cards ? s : { ...s, board, columns, cards };
}

function snapshotCards(prev: Dict<KanbanCard>, raw: Json, ev: TypedStreamEvent): Dict<KanbanCard> {
  const entries = Object.entries(raw).flatMap(([key, c]): [string, KanbanCard][] => {
    if (!isRecord(c)) return [];
    const cardId = id(c.id) ?? key;
    const fields = { id: cardId, title: str(c.title), columnId: id(c.columnId), assignee: str(c.assignee) };
    const card = touch(own(prev, cardId), ev, () => fields);
    return [[cardId, card]];
  });
  // fromEntries defines keys, so an id like `__proto__` stays an ordinary entry.
  const next = Object.fromEntries(entries);
  const keys = Object.keys(next);
  return keys.length === Object.keys(prev).length && keys.every((k) => own(prev, k) === next[k]) ? prev : next;
}

function agentRegistered(s: KanbanState, p: unknown, ev: TypedStreamEvent): KanbanState {
  const a = field(p, 'agent');
  const agentId = id(field(a, 'id'));
  if (agentId === undefined) return s;
  const agents = touchIn(s.agents, agentId, ev, (prev) =>
    merge({ id: agentId, ...prev }, { name: str(field(a, 'name')), kind: str(field(a, 'kind')) }),
  );
  return agents === s.agents ? s : { ...s, agents };
}

function agentProfile(s: KanbanState, p: unknown, ev: TypedStreamEvent): KanbanState {
  const pr = field(p, 'profile');
  const profileId = id(field(pr, 'id'));
  if (profileId === undefined) return s;
  const action = field(p, 'action');
  let profiles = s.profiles;
  if (action === 'deleted') profiles = without(s.profiles, profileId);
  else if (action === 'created' || action === 'updated') {
    profiles = touchIn(s.profiles, profileId, ev, (prev) =>
      merge({ id: profileId, ...prev }, { name: str(field(pr, 'name')), model: str(field(pr, 'model')) }),
    );
  } else if (isInvalid(ev) && own(s.profiles, profileId)) {
    // An unknown action cannot be applied; it only marks the profile it names.
    profiles = touchIn(s.profiles, profileId, ev, (prev) => ({ id: profileId, ...prev }));
  }
  return profiles === s.profiles ? s : { ...s, profiles };
}

function dashboardOverview(s: KanbanState, p: unknown, ev: TypedStreamEvent): KanbanState {
  if (!isRecord(p)) return s;
  const byStatus = isRecord(p.byStatus)
    ? Object.fromEntries(Object.entries(p.byStatus).filter((e): e is [string, number] => num(e[1]) !== undefined))
    : undefined;
  const overview = { boards: num(p.boards), cards: num(p.cards), activeAttempts: num(p.activeAttempts), agents: num(p.agents), byStatus };
  const dashboard = touch(s.dashboard, ev, () => ({ overview }));
  return dashboard === s.dashboard ? s : { ...s, dashboard };
}

const heartbeat: TypeHandler<KanbanState> = (s, p, ev) => ({ ...s, lastHeartbeat: ev.time, serverTime: str(field(p, 'serverTime')) ?? s.serverTime });

export const reduceKanban = byType<KanbanState>(
  {
    hello: heartbeat,
    heartbeat,
    state: snapshot,
    agent_registered: agentRegistered,
    agent_profile: agentProfile,
    dashboard_overview: dashboardOverview,
  },
  {
    rest: (s, p, ev, type) => {
      const change = own(ATTEMPT_CHANGES, type);
      return change ? attemptEvent(s, change, p, ev) : s;
    },
  },
);

/** The attempts recorded for one card, in start order (attempts never seen starting last). */
export const attemptsOfCard = (s: KanbanState, cardId: string): AgentAttempt[] =>
  Object.values(s.attempts)
    .filter((a) => a.cardId === cardId)
    .sort((a, b) => (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity));

