import fc from 'fast-check';
import type { Transport } from '../../../lib/model/event';
import { FAMILIES, type Family, type TypedStreamEvent } from '../../../lib/model/typed';

/**
 * Plausible events of every family (small id pools, so events meet the same entities, in any
 * order, some flagged invalid with a corrupted field) plus junk: random JSON under any type,
 * family and endpoint. Seqs are assigned per endpoint in list order.
 */

interface Draft {
  endpointId: string;
  family: Family;
  transport: Transport;
  dir: 'in' | 'out' | 'sys';
  type: string;
  payload: unknown;
  invalid: boolean;
}

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const iso = fc.integer({ min: 0, max: 59 }).map((s) => `2024-05-01T10:00:${String(s).padStart(2, '0')}Z`);
const word = pick('alpha', 'beta', 'gamma', 'delta', '');
const ev = (type: string, payload: fc.Arbitrary<unknown>) => payload.map((p) => ({ type, payload: p }));

const CARDS = ['c1', 'c2', 'c3', 'c4'];
const attemptIds = pick('a1', 'a2', 'a3');
const cardIds = pick(...CARDS, 'ghost');
const attempt = <T>(type: string, fields: fc.Arbitrary<T>) =>
  ev(type, fc.tuple(attemptIds, cardIds, fields).map(([attemptId, cardId, f]) => ({ attemptId, cardId, ...f })));

const kanban = fc.oneof(
  ev('hello', fc.record({ serverTime: iso })),
  ev('heartbeat', fc.record({ serverTime: iso })),
  ev(
    'state',
    fc.array(fc.tuple(pick(...CARDS), pick('todo', 'doing', 'done'), word), { maxLength: 4 }).map((cards) => ({
      board: { id: 'b1', name: 'Board' },
      columns: ['todo', 'doing', 'done'].map((col) => ({ id: col, title: col, cardIds: cards.filter((c) => c[1] === col).map((c) => c[0]) })),
      cards: Object.fromEntries(cards.map(([id, columnId, title]) => [id, { id, title, columnId }])),
    })),
  ),
  attempt('attempt_started', fc.record({ agent: maybe(word) })),
  attempt('attempt_status', fc.record({ status: pick('queued', 'running', 'succeeded', 'failed', 'cancelled') })),
  attempt('attempt_log', fc.record({ line: word, level: maybe(pick('info', 'warn', 'error')) })),
  attempt('conversation_item', fc.record({ role: pick('user', 'assistant', 'tool'), text: word })),
  attempt('attempt_session', fc.record({ sessionId: pick('s1', 's2'), worktree: word })),
  attempt('attempt_todos', fc.record({ todos: fc.array(fc.record({ text: word, done: fc.boolean() }), { maxLength: 3 }) })),
  attempt('git_status', fc.record({ branch: word, ahead: fc.nat(3), behind: fc.nat(3), dirty: fc.boolean() })),
  attempt('git_commit', fc.record({ sha: pick('aaa', 'bbb', 'ccc'), message: word })),
  attempt('git_push', fc.record({ branch: word, remote: maybe(word) })),
  attempt('attempt_pr', fc.record({ url: pick('https://x/1', 'https://x/2'), number: fc.nat(9) })),
  ev('agent_profile', fc.record({ action: pick('created', 'updated', 'deleted'), profile: fc.record({ id: pick('p1', 'p2'), name: word }) })),
  ev('agent_registered', fc.record({ agent: fc.record({ id: pick('g1', 'g2'), name: word }) })),
  ev('dashboard_overview', fc.record({ boards: fc.nat(3), cards: fc.nat(9), activeAttempts: fc.nat(3), agents: fc.nat(3) })),
);

const planIds = pick('p-1', 'p-2', 'p-3');
const plans = fc.oneof(
  ev('plan.created', fc.record({ id: planIds, title: word, state: pick('draft', 'running'), created_at: iso })),
  ev('plan.state.changed', fc.record({ plan_id: planIds, state: pick('draft', 'awaiting_approval', 'approved', 'running', 'completed', 'failed') })),
  ev('plan.log.new', fc.record({ plan_id: planIds, id: pick('l1', 'l2', 'l3', 'l4'), entry: word, created_at: iso })),
);

const sessionIds = pick('s1', 's2', 's3', 's4');
const opencode = fc.oneof(
  ev('server.connected', fc.constant({ type: 'server.connected' })),
  ev(
    'session_updated',
    fc.record({ id: sessionIds, title: word, parentId: maybe(sessionIds) }).map((session) => ({ type: 'session_updated', session })),
  ),
  ev(
    'message_updated',
    fc
      .record({
        sessionId: sessionIds,
        messageId: pick('m1', 'm2', 'm3'),
        role: pick('user', 'assistant'),
        parts: fc.array(fc.record({ type: pick('text', 'tool'), text: word }), { maxLength: 3 }),
        status: pick('streaming', 'complete'),
      })
      .map((m) => ({ type: 'message_updated', ...m })),
  ),
);

const frame = (type: string, payload: fc.Arbitrary<unknown>) => payload.map((p) => ({ type, payload: { type, payload: p } }));
const officeWs = fc.oneof(
  frame('instance_update', fc.record({ id: pick('i1', 'i2'), state: pick('opened', 'closed', 'crashed') })),
  frame('task_update', fc.record({ id: pick('t1', 't2'), state: pick('queued', 'running', 'completed', 'failed'), instance_id: pick('i1', 'i2') })),
  frame('document_uploaded', fc.record({ id: pick('d1', 'd2'), name: word })),
  frame('document_updated', fc.record({ id: pick('d1', 'd2'), name: word, version: fc.nat(5) })),
  frame('metrics_update', fc.record({ cpu: fc.nat(100), memory: fc.nat(4096), active: fc.nat(5) })),
);
const officeSse = fc.oneof(
  ev('start', fc.record({ job_id: pick('j1', 'j2') })),
  ev('delta', fc.record({ text: word })),
  ev('tool_call', fc.record({ tool: word, args: fc.record({ q: word }) })),
  ev('tool_result', fc.record({ output: word })),
  ev('stop', fc.record({ document_id: pick('doc1', 'doc2'), duration_ms: fc.nat(5000) })),
  ev('team_started', fc.record({ num_teammates: fc.nat(4), team_id: pick('team1', 'team2') })),
  ev('task_claimed', fc.record({ teammate: pick('writer', 'editor'), task: word })),
  ev('task_completed', fc.record({ teammate: pick('writer', 'editor'), duration_ms: fc.nat(900), task: maybe(word) })),
  ev('team_completed', fc.record({ document_id: pick('doc1', 'doc2') })),
  ev('hook_triggered', fc.record({ hook_id: pick('h1', 'h2'), document_id: pick('doc1', 'doc2') })),
  ev('hook_delta', fc.record({ text: word })),
  ev('hook_result', fc.record({ action: pick('flag', 'pass'), findings: fc.array(word, { maxLength: 2 }) })),
);

const notice = (type: string, rest: fc.Arbitrary<Record<string, unknown>>) => rest.map((r) => ({ type, payload: { type, ...r, timestamp: '2024-05-01T10:00:00Z' } }));
const notifications = fc.oneof(
  notice('connection_ack', fc.record({ data: fc.record({ user_id: pick('u1', 'u2') }) })),
  notice('notification', fc.record({ data: fc.record({ id: pick('n1', 'n2', 'n3'), title: word, message: word }) })),
  notice('task_update', fc.record({ action: pick('created', 'completed'), data: fc.record({ task_id: pick('t1', 't2'), action: word }) })),
  notice('chat_message', fc.record({ data: fc.record({ content: word, agent: word }) })),
  notice('system_announcement', fc.record({ message: word })),
  notice('report_update', fc.record({ data: fc.record({ report_id: word }) })),
  notice('pong', fc.constant({})),
);

/** The endpoints of the generated streams, each with its family, transport and event arbitrary. */
const ENDPOINTS: [string, Family, Transport, fc.Arbitrary<{ type: string; payload: unknown }>][] = [
  ['kb', 'kanban', 'sse', kanban],
  ['pl', 'plans', 'sse', plans],
  ['oc1', 'opencode', 'sse', opencode],
  ['oc2', 'opencode', 'sse', opencode],
  ['op-ws', 'officeplane', 'ws', officeWs],
  ['op-job', 'officeplane', 'sse', officeSse],
  ['nt', 'notifications', 'ws', notifications],
  ['gen', 'generic', 'sse', fc.record({ type: pick('message', 'tick'), payload: fc.jsonValue() })],
];

/** Replaces one field (at the top, or one level down) with junk, as a drifting server might. */
function corrupt(payload: unknown, pathSeed: number, junk: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return junk;
  const keys = Object.keys(payload);
  const key = keys[pathSeed % keys.length];
  if (key === undefined) return junk;
  const inner = (payload as Record<string, unknown>)[key];
  const deeper = typeof inner === 'object' && inner !== null && !Array.isArray(inner) && pathSeed % 2 === 1;
  return { ...payload, [key]: deeper ? corrupt(inner, Math.floor(pathSeed / 2), junk) : junk };
}

const plausible: fc.Arbitrary<Draft> = fc.oneof(
  ...ENDPOINTS.map(([endpointId, family, transport, arb]) =>
    fc
      .tuple(arb, fc.nat(99), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
      .map(([{ type, payload }, roll, pathSeed, junk]): Draft => {
        const invalid = roll < 8;
        const dir = roll >= 96 ? 'sys' : roll >= 94 ? 'out' : 'in';
        return { endpointId, family, transport, dir, type: dir === 'sys' ? 'connected' : type, payload: invalid ? corrupt(payload, pathSeed, junk) : payload, invalid };
      }),
  ),
);

const ALL_TYPES = [
  'state', 'attempt_log', 'attempt_status', 'agent_profile', 'dashboard_overview', 'hello',
  'plan.created', 'plan.state.changed', 'plan.log.new',
  'session_updated', 'message_updated',
  'instance_update', 'metrics_update', 'start', 'delta', 'tool_result', 'stop', 'team_started', 'task_completed', 'hook_triggered', 'hook_result',
  'notification', 'connection_ack', 'task_update', 'chat_message', 'x_update',
  'constructor', '__proto__', 'unknown',
];

/** Any JSON (or nothing) under any type, family, transport and endpoint. */
const junk: fc.Arbitrary<Draft> = fc.record({
  endpointId: pick(...ENDPOINTS.map((e) => e[0])),
  family: pick(...FAMILIES),
  transport: pick<Transport>('sse', 'ws'),
  dir: fc.constant('in' as const),
  type: fc.oneof(pick(...ALL_TYPES), fc.string({ maxLength: 6 })),
  payload: fc.oneof(fc.jsonValue(), fc.constant(undefined)),
  invalid: fc.boolean(),
});

function toEvents(drafts: Draft[]): TypedStreamEvent[] {
  const seqs = new Map<string, number>();
  return drafts.map((d, i) => {
    const seq = (seqs.get(d.endpointId) ?? 0) + 1;
    seqs.set(d.endpointId, seq);
    const data = JSON.stringify(d.payload) ?? '';
    return {
      endpointId: d.endpointId,
      seq,
      time: 1_700_000_000_000 + i * 250,
      dir: d.dir,
      transport: d.transport,
      data,
      size: data.length,
      typed: {
        family: d.family,
        type: d.type,
        category: 'data',
        summary: d.type,
        entities: [],
        payload: d.payload,
        known: true,
        issues: d.invalid ? [{ path: '', message: 'does not match the schema' }] : [],
      },
    };
  });
}

/** Lists of plausible events, with junk mixed in unless `withJunk` is false. */
export const eventLists = (maxLength: number, withJunk = true, minLength = 0): fc.Arbitrary<TypedStreamEvent[]> =>
  fc.array(withJunk ? fc.oneof({ arbitrary: plausible, weight: 9 }, { arbitrary: junk, weight: 1 }) : plausible, { minLength, maxLength }).map(toEvents);

/** `n` plausible events, the same for the same seed: input for benchmarks of folding and time travel. */
export const buildEvents = (n: number, seed = 1): TypedStreamEvent[] => toEvents(fc.sample(plausible, { numRuns: n, seed }));
