// Every event the demo emits matches docs/event-shapes.md, and every documented type shows up.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PATHS } from '../../../lib/config/demo-endpoints';
import { takeEvents } from '../../../demo/streams';

const str = z.string().min(1);
const iso = z.iso.datetime();
const int = z.number().int();
const ref = { attemptId: str, cardId: str };

const KANBAN = {
  hello: z.object({ serverTime: iso }),
  heartbeat: z.object({ serverTime: iso }),
  state: z.object({
    board: z.object({ id: str, name: str }),
    columns: z.array(z.object({ id: str, title: str, cardIds: z.array(str) })),
    cards: z.record(z.string(), z.object({ id: str, title: str, columnId: str, assignee: str.optional() })),
  }),
  attempt_started: z.object({ ...ref, agent: str.optional() }),
  attempt_status: z.object({ ...ref, status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']) }),
  attempt_log: z.object({ ...ref, line: str, level: z.enum(['info', 'warn', 'error']).optional() }),
  conversation_item: z.object({ ...ref, role: z.enum(['user', 'assistant', 'tool']), text: str }),
  attempt_session: z.object({ ...ref, sessionId: str, worktree: str }),
  attempt_todos: z.object({ ...ref, todos: z.array(z.object({ text: str, done: z.boolean() })) }),
  git_status: z.object({ ...ref, branch: str, ahead: int, behind: int, dirty: z.boolean() }),
  git_commit: z.object({ ...ref, sha: str, message: str }),
  git_push: z.object({ ...ref, branch: str, remote: str.optional() }),
  attempt_pr: z.object({ ...ref, url: z.url(), number: int, title: str.optional() }),
  agent_profile: z.object({ action: z.enum(['created', 'updated', 'deleted']), profile: z.object({ id: str, name: str, model: str.optional() }) }),
  agent_registered: z.object({ agent: z.object({ id: str, name: str, kind: str.optional() }) }),
  dashboard_overview: z.object({ boards: int, cards: int, activeAttempts: int, agents: int, byStatus: z.record(z.string(), int).optional() }),
};

const PLANS = {
  'plan.created': z.object({ id: str, title: str, state: str, created_at: iso }),
  'plan.log.new': z.object({ plan_id: str, id: str, entry: str, created_at: iso }),
  'plan.state.changed': z.object({ plan_id: str, state: z.enum(['draft', 'awaiting_approval', 'approved', 'running', 'completed', 'failed']) }),
};

const JOBS = {
  start: z.object({ job_id: str }),
  delta: z.object({ text: str }),
  tool_call: z.object({ tool: str, args: z.record(z.string(), z.unknown()) }),
  tool_result: z.object({ output: str }),
  stop: z.object({ document_id: str, duration_ms: z.number() }),
  team_started: z.object({ num_teammates: int, team_id: str.optional() }),
  task_claimed: z.object({ teammate: str, task: str }),
  task_completed: z.object({ teammate: str, duration_ms: z.number(), task: str.optional() }),
  team_completed: z.object({ document_id: str }),
  hook_triggered: z.object({ hook_id: str, document_id: str }),
  hook_delta: z.object({ text: str }),
  hook_result: z.object({ action: str, findings: z.array(z.string()) }),
};

const frame = (payload: z.ZodType) => z.object({ type: str, payload });
const OFFICEPLANE_WS = {
  instance_update: frame(z.object({ id: str, state: z.enum(['opened', 'closed', 'crashed']), name: str.optional() })),
  task_update: frame(z.object({ id: str, state: z.enum(['queued', 'running', 'completed', 'failed']), instance_id: str.optional(), name: str.optional(), error: str.optional() })),
  document_uploaded: frame(z.object({ id: str, name: str, size: z.number().optional() })),
  document_updated: frame(z.object({ id: str, name: str, version: z.number().optional() })),
  metrics_update: frame(z.object({ cpu: z.number().min(0).max(100), memory: z.number(), active: int })),
};

const part = z.object({ type: z.enum(['text', 'tool']), text: z.string().optional(), tool: str.optional() });
const OPENCODE = {
  'server.connected': z.object({ type: z.literal('server.connected') }),
  message_updated: z.object({
    type: z.literal('message_updated'),
    sessionId: str,
    messageId: str,
    role: z.enum(['user', 'assistant']).optional(),
    parts: z.array(part),
    status: z.enum(['streaming', 'complete']),
  }),
  session_updated: z.object({ type: z.literal('session_updated'), session: z.object({ id: str, title: str, parentId: str.optional(), agent: str.optional(), model: str.optional() }) }),
};

const note = (data: z.ZodType, extra: Record<string, z.ZodType> = {}) => z.object({ type: str, data, timestamp: iso, ...extra });
const NOTIFICATIONS = {
  connection_ack: note(z.object({ user_id: str })),
  notification: note(z.object({ id: str, title: str, message: str, level: str.optional() })),
  task_update: note(z.object({ task_id: str, action: str }), { action: str }),
  chat_message: note(z.object({ content: str, agent: str })),
  system_announcement: note(z.object({ message: str }), { message: str }),
  report_update: note(z.record(z.string(), z.unknown())),
};

type Schemas = Record<string, z.ZodType>;
const pick = (s: Schemas, ...names: string[]): Schemas => Object.fromEntries(Object.entries(s).filter(([n]) => names.includes(n)));
const omit = (s: Schemas, ...names: string[]): Schemas => Object.fromEntries(Object.entries(s).filter(([n]) => !names.includes(n)));

const CASES: { path: string; byType: boolean; schemas: Schemas }[] = [
  { path: DEMO_PATHS.kanbanBoard, byType: false, schemas: omit(KANBAN, 'dashboard_overview') },
  { path: DEMO_PATHS.kanbanDashboard, byType: false, schemas: pick(KANBAN, 'hello', 'heartbeat', 'dashboard_overview', 'agent_profile', 'agent_registered') },
  { path: DEMO_PATHS.plans, byType: false, schemas: PLANS },
  { path: DEMO_PATHS.generate, byType: false, schemas: pick(JOBS, 'start', 'delta', 'tool_call', 'tool_result', 'stop') },
  { path: DEMO_PATHS.team, byType: false, schemas: pick(JOBS, 'team_started', 'task_claimed', 'task_completed', 'team_completed') },
  { path: DEMO_PATHS.hook, byType: false, schemas: pick(JOBS, 'hook_triggered', 'hook_delta', 'hook_result') },
  { path: DEMO_PATHS.officeplaneWs, byType: true, schemas: OFFICEPLANE_WS },
  { path: DEMO_PATHS.opencode, byType: true, schemas: OPENCODE },
  { path: DEMO_PATHS.notifications, byType: true, schemas: NOTIFICATIONS },
];

describe('event shapes', () => {
  for (const c of CASES) {
    it(`${c.path} follows docs/event-shapes.md`, () => {
      const expected = Object.keys(c.schemas);
      const seen = new Set<string>();
      for (const seed of [1, 2, 3]) {
        for (const e of takeEvents(c.path, 400, { seed, origin: Date.now() })) {
          const type = c.byType ? String(e.data.type) : (e.name ?? '');
          if (c.byType) expect(e.name).toBeUndefined();
          const schema = c.schemas[type];
          expect(schema, `unexpected type ${type}`).toBeDefined();
          const result = schema?.safeParse(e.data);
          expect(result?.success, `${type} #${e.seq}: ${result?.error?.message ?? ''}`).toBe(true);
          seen.add(type);
        }
      }
      expect([...seen].sort()).toEqual(expected.sort());
    });
  }
});
