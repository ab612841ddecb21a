import { z } from 'zod';
import { clip, count, id, line, quote } from './format';
import { Count, Id, Time } from './schemas';
import type { Profile, TypeSpec } from './spec';
import { isRecord, list, noRefs, refs } from './values';

type Detail = TypeSpec['summary'];

/** An event about one attempt on one card: `{attemptId, cardId, ...}`, summarised as `card C …`. */
function onAttempt(shape: z.ZodRawShape, category: TypeSpec['category'], detail: Detail, isError?: TypeSpec['isError']): TypeSpec {
  return {
    schema: z.looseObject({ attemptId: Id, cardId: Id, ...shape }),
    category,
    summary: (p, ev) => `card ${id(p?.cardId)} ${detail(p, ev)}`,
    // `agent` is only on attempt_started.
    entities: (p) => refs(['card', p?.cardId], ['attempt', p?.attemptId], ['agent', p?.agent]),
    ...(isError && { isError }),
  };
}

const serverTime = (category: TypeSpec['category']): TypeSpec => ({
  schema: z.looseObject({ serverTime: Time }),
  category,
  summary: (p) => `server time ${clip(p?.serverTime, 40)}`,
  entities: noRefs,
});

const ATTEMPT_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

const TYPES: Record<string, TypeSpec> = {
  hello: serverTime('lifecycle'),
  heartbeat: serverTime('heartbeat'),
  state: {
    schema: z.looseObject({
      board: z.looseObject({ id: Id, name: z.string() }),
      columns: z.array(z.looseObject({ id: Id, title: z.string(), cardIds: z.array(z.string()) })),
      cards: z.record(
        z.string(),
        z.looseObject({ id: Id, title: z.string(), columnId: Id, assignee: z.string().optional() }),
      ),
    }),
    category: 'lifecycle',
    summary: (p) =>
      line(
        `board ${id(p?.board?.id)}`,
        quote(p?.board?.name, 30),
        `· ${count(list(p?.columns).length, 'column')}`,
        `· ${count(isRecord(p?.cards) ? Object.keys(p.cards).length : undefined, 'card')}`,
      ),
    entities: (p) => refs(['board', p?.board?.id]),
  },
  attempt_started: onAttempt({ agent: z.string().optional() }, 'lifecycle', (p) =>
    line(`attempt ${id(p?.attemptId)}`, p?.agent !== undefined && `by ${id(p.agent)}`),
  ),
  attempt_status: onAttempt(
    { status: z.enum(ATTEMPT_STATUSES) },
    'data',
    (p) => `→ ${clip(p?.status)}`,
    (p) => p?.status === 'failed',
  ),
  attempt_log: onAttempt(
    { line: z.string(), level: z.enum(['info', 'warn', 'error']).optional() },
    'log',
    (p) => line(p?.level !== undefined && p.level !== 'info' && `${clip(p.level, 10)}:`, clip(p?.line, 80)),
    (p) => p?.level === 'error',
  ),
  conversation_item: onAttempt(
    { role: z.enum(['user', 'assistant', 'tool']), text: z.string() },
    'data',
    (p) => `${clip(p?.role, 12)}: ${quote(p?.text, 60)}`,
  ),
  attempt_session: onAttempt(
    { sessionId: Id, worktree: z.string() },
    'data',
    (p) => `session ${id(p?.sessionId)} in ${clip(p?.worktree, 50)}`,
  ),
  attempt_todos: onAttempt(
    { todos: z.array(z.looseObject({ text: z.string(), done: z.boolean() })) },
    'data',
    (p) => {
      const todos = list(p?.todos);
      const done = todos.filter((t) => isRecord(t) && t.done === true).length;
      return `todos ${done}/${todos.length} done`;
    },
  ),
  git_status: onAttempt(
    { branch: z.string(), ahead: Count, behind: Count, dirty: z.boolean() },
    'data',
    (p) => `${clip(p?.branch, 40)} ↑${clip(p?.ahead)} ↓${clip(p?.behind)} ${p?.dirty === true ? 'dirty' : 'clean'}`,
  ),
  git_commit: onAttempt(
    { sha: z.string().min(1), message: z.string() },
    'data',
    (p) => `commit ${clip(typeof p?.sha === 'string' ? p.sha.slice(0, 7) : p?.sha, 12)} ${quote(p?.message, 50)}`,
  ),
  git_push: onAttempt(
    { branch: z.string(), remote: z.string().optional() },
    'data',
    (p) => line(`pushed ${clip(p?.branch, 40)}`, p?.remote !== undefined && `→ ${clip(p.remote, 30)}`),
  ),
  attempt_pr: onAttempt(
    { url: z.string(), number: z.number().int().positive(), title: z.string().optional() },
    'data',
    (p) => line(`PR #${clip(p?.number)}`, p?.title !== undefined && quote(p.title, 50)),
  ),
  agent_profile: {
    schema: z.looseObject({
      action: z.enum(['created', 'updated', 'deleted']),
      profile: z.looseObject({ id: Id, name: z.string(), model: z.string().optional() }),
    }),
    category: 'data',
    summary: (p) =>
      line(
        `${clip(p?.action, 12)} profile ${id(p?.profile?.id)}`,
        quote(p?.profile?.name, 30),
        p?.profile?.model !== undefined && `(${clip(p.profile.model, 30)})`,
      ),
    entities: (p) => refs(['agent', p?.profile?.id]),
  },
  agent_registered: {
    schema: z.looseObject({ agent: z.looseObject({ id: Id, name: z.string(), kind: z.string().optional() }) }),
    category: 'data',
    summary: (p) =>
      line(`agent ${id(p?.agent?.id)}`, quote(p?.agent?.name, 30), p?.agent?.kind !== undefined && `(${clip(p.agent.kind, 20)})`),
    entities: (p) => refs(['agent', p?.agent?.id]),
  },
  dashboard_overview: {
    schema: z.looseObject({
      boards: Count,
      cards: Count,
      activeAttempts: Count,
      agents: Count,
      byStatus: z.record(z.string(), Count).optional(),
    }),
    category: 'lifecycle',
    summary: (p) =>
      [
        count(p?.boards, 'board'),
        count(p?.cards, 'card'),
        `${clip(p?.activeAttempts)} active`,
        count(p?.agents, 'agent'),
      ].join(' · '),
    entities: noRefs,
  },
};

export const kanban: Profile = {
  family: 'kanban',
  label: 'Kanban',
  types: TYPES,
  detect(ev, type, payload) {
    if (ev.transport !== 'sse' || ev.name !== type || !Object.hasOwn(TYPES, type)) return 0;
    // hello/heartbeat/state are common names: only their shapes make them Kanban's.
    if (type === 'state') return isRecord(payload) && Array.isArray(payload.columns) ? 0.95 : 0.2;
    if (type === 'hello' || type === 'heartbeat') return isRecord(payload) && 'serverTime' in payload ? 0.6 : 0.2;
    return 0.9;
  },
};
