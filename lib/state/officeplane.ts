import type { TypedStreamEvent } from '../model/typed';
import { appendCapped, merge, own, put, sameJson, type Dict } from './immutable';
import { field, id, num, str, strings } from './json';
import { touchIn, type Traced } from './trace';

export const METRICS_HISTORY_CAP = 60;
export const RUN_HISTORY_CAP = 10;
export const TOOL_CALL_CAP = 200;
export const TEAM_TASK_CAP = 200;

export interface OfficeInstance extends Traced {
  id: string;
  state?: string;
  name?: string;
}

export interface OfficeTask extends Traced {
  id: string;
  state?: string;
  instanceId?: string;
  name?: string;
  error?: string;
}

export interface OfficeDocument extends Traced {
  id: string;
  name?: string;
  size?: number;
  version?: number | string;
}

export interface Metrics {
  seq: number;
  time: number;
  cpu?: number;
  memory?: number;
  active?: number;
}

export interface ToolCall {
  seq: number;
  /** Undefined for a result that arrived with no call waiting for it. */
  tool?: string;
  args?: unknown;
  output?: unknown;
  /** Seq of the paired tool_result; undefined while the call waits for it. */
  resultSeq?: number;
}

export interface JobRun {
  status: 'streaming' | 'complete';
  /** The deltas concatenated in arrival order. */
  text: string;
  documentId?: string;
  durationMs?: number;
}

export interface Job extends Traced, JobRun {
  id: string;
  toolCalls: readonly ToolCall[];
  /** Earlier runs of the same job id, oldest first (capped). */
  previousRuns: readonly JobRun[];
}

export interface CompletedTask {
  task?: string;
  durationMs?: number;
}

export interface Teammate {
  name: string;
  /** Claimed and not completed yet. */
  claimed: readonly string[];
  completed: readonly CompletedTask[];
}

export interface Team extends Traced {
  id: string;
  status: 'running' | 'completed';
  numTeammates?: number;
  teammates: Dict<Teammate>;
  documentId?: string;
}

export interface HookRun {
  status: 'running' | 'complete';
  documentId?: string;
  text: string;
  action?: string;
  findings: readonly string[];
}

export interface Hook extends Traced, HookRun {
  id: string;
  previousRuns: readonly HookRun[];
}

/**
 * One OfficePlane endpoint: the dashboard socket and/or job, team and hook streams. Stream
 * events other than the starting one carry no id: they belong to the last started job, team or
 * hook, or to the id '' when the stream was joined after its start.
 */
export interface OfficePlaneState {
  family: 'officeplane';
  instances: Dict<OfficeInstance>;
  tasks: Dict<OfficeTask>;
  documents: Dict<OfficeDocument>;
  metrics?: Metrics;
  metricsHistory: readonly Metrics[];
  jobs: Dict<Job>;
  teams: Dict<Team>;
  hooks: Dict<Hook>;
  activeJob?: string;
  activeTeam?: string;
  activeHook?: string;
}

export const emptyOfficePlane = (): OfficePlaneState => ({
  family: 'officeplane',
  instances: {},
  tasks: {},
  documents: {},
  metricsHistory: [],
  jobs: {},
  teams: {},
  hooks: {},
});

type Reducer = (s: OfficePlaneState, p: unknown, ev: TypedStreamEvent) => OfficePlaneState;
type Fields<T> = Omit<T, 'trace'>;

/** Sets one field of the state, keeping the state itself when the value is the same. */
function set<K extends keyof OfficePlaneState>(s: OfficePlaneState, key: K, value: OfficePlaneState[K]): OfficePlaneState {
  return s[key] === value ? s : { ...s, [key]: value };
}

/** Jobs, teams and hooks: one stream each, whose events after the first carry no id. */
interface Stream<T extends Traced> {
  dict: (s: OfficePlaneState) => Dict<T>;
  active: (s: OfficePlaneState) => string | undefined;
  store: (s: OfficePlaneState, d: Dict<T>, active: string | undefined) => OfficePlaneState;
  blank: (key: string) => Fields<T>;
}

const JOBS: Stream<Job> = {
  dict: (s) => s.jobs,
  active: (s) => s.activeJob,
  store: (s, jobs, activeJob) => set(set(s, 'jobs', jobs), 'activeJob', activeJob),
  blank: (key) => ({ id: key, status: 'streaming', text: '', toolCalls: [], previousRuns: [] }),
};

const TEAMS: Stream<Team> = {
  dict: (s) => s.teams,
  active: (s) => s.activeTeam,
  store: (s, teams, activeTeam) => set(set(s, 'teams', teams), 'activeTeam', activeTeam),
  blank: (key) => ({ id: key, status: 'running', teammates: {} }),
};

const HOOKS: Stream<Hook> = {
  dict: (s) => s.hooks,
  active: (s) => s.activeHook,
  store: (s, hooks, activeHook) => set(set(s, 'hooks', hooks), 'activeHook', activeHook),
  blank: (key) => ({ id: key, status: 'running', text: '', findings: [], previousRuns: [] }),
};

/** A starting event names the entity (else the active one is meant) and makes it the active one. */
function onStart<T extends Traced>(
  st: Stream<T>,
  idField: string,
  make: (prev: T | undefined, blank: Fields<T>, p: unknown) => Fields<T>,
): Reducer {
  return (s, p, ev) => {
    const key = id(field(p, idField)) ?? st.active(s) ?? '';
    return st.store(s, touchIn(st.dict(s), key, ev, (prev) => make(prev, st.blank(key), p)), key);
  };
}

/** Later events apply to the active entity. */
function onActive<T extends Traced>(st: Stream<T>, change: (cur: Fields<T>, p: unknown, ev: TypedStreamEvent) => Fields<T>): Reducer {
  return (s, p, ev) => {
    const key = st.active(s) ?? '';
    return st.store(s, touchIn(st.dict(s), key, ev, (prev) => change(prev ?? st.blank(key), p, ev)), st.active(s));
  };
}

/** A new run replaces the current one, which is kept (capped) unless it equals the new one. */
function newRun<R, T extends R & { previousRuns: readonly R[] }>(prev: T | undefined, fresh: T, summary: (run: R) => R): T {
  if (!prev) return fresh;
  const run = summary(prev);
  const idle = sameJson(run, summary(fresh));
  return { ...fresh, previousRuns: idle ? prev.previousRuns : appendCapped(prev.previousRuns, run, RUN_HISTORY_CAP) };
}

const jobRun = ({ status, text, documentId, durationMs }: JobRun): JobRun => ({ status, text, documentId, durationMs });
const hookRun = ({ status, documentId, text, action, findings }: HookRun): HookRun => ({ status, documentId, text, action, findings });

const appendText = (cur: string, p: unknown): string | undefined => {
  const text = str(field(p, 'text'));
  return text === undefined ? undefined : cur + text;
};

function teammate(t: Fields<Team>, p: unknown, change: (m: Teammate, p: unknown) => Teammate): Fields<Team> {
  const name = id(field(p, 'teammate'));
  if (name === undefined) return t;
  const m = own(t.teammates, name) ?? { name, claimed: [], completed: [] };
  return { ...t, teammates: put(t.teammates, name, change(m, p)) };
}

function documentEvent(s: OfficePlaneState, p: unknown, ev: TypedStreamEvent): OfficePlaneState {
  const version = field(p, 'version');
  const documents = touchIn(s.documents, id(field(p, 'id')), ev, (prev, key) =>
    merge(prev ?? { id: key }, { name: str(field(p, 'name')), size: num(field(p, 'size')), version: num(version) ?? str(version) }),
  );
  return set(s, 'documents', documents);
}

const REDUCERS: Dict<Reducer> = {
  instance_update: (s, p, ev) => {
    const instances = touchIn(s.instances, id(field(p, 'id')), ev, (prev, key) =>
      merge(prev ?? { id: key }, { state: str(field(p, 'state')), name: str(field(p, 'name')) }),
    );
    return set(s, 'instances', instances);
  },
  task_update: (s, p, ev) => {
    const tasks = touchIn(s.tasks, id(field(p, 'id')), ev, (prev, key) =>
      merge(prev ?? { id: key }, {
        state: str(field(p, 'state')),
        instanceId: id(field(p, 'instance_id')),
        name: str(field(p, 'name')),
        error: str(field(p, 'error')),
      }),
    );
    return set(s, 'tasks', tasks);
  },
  document_uploaded: documentEvent,
  document_updated: documentEvent,
  metrics_update: (s, p, ev) => {
    const [cpu, memory, active] = [num(field(p, 'cpu')), num(field(p, 'memory')), num(field(p, 'active'))];
    const metrics = { seq: ev.seq, time: ev.time, cpu, memory, active };
    if (cpu === undefined && memory === undefined && active === undefined) return s;
    return { ...s, metrics, metricsHistory: appendCapped(s.metricsHistory, metrics, METRICS_HISTORY_CAP) };
  },

  start: onStart(JOBS, 'job_id', (prev, blank) => newRun<JobRun, Fields<Job>>(prev, blank, jobRun)),
  delta: onActive(JOBS, (j, p) => merge(j, { text: appendText(j.text, p) })),
  tool_call: onActive(JOBS, (j, p, ev) => {
    const call = { seq: ev.seq, tool: str(field(p, 'tool')), args: field(p, 'args') };
    return { ...j, toolCalls: appendCapped(j.toolCalls, call, TOOL_CALL_CAP) };
  }),
  // A result pairs with the oldest call still waiting for one.
  tool_result: onActive(JOBS, (j, p, ev) => {
    const output = field(p, 'output');
    const i = j.toolCalls.findIndex((c) => c.resultSeq === undefined);
    const toolCalls =
      i < 0
        ? appendCapped(j.toolCalls, { seq: ev.seq, output, resultSeq: ev.seq }, TOOL_CALL_CAP)
        : j.toolCalls.map((c, k) => (k === i ? { ...c, output, resultSeq: ev.seq } : c));
    return { ...j, toolCalls };
  }),
  stop: onActive(JOBS, (j, p) =>
    merge(j, { status: 'complete', documentId: id(field(p, 'document_id')), durationMs: num(field(p, 'duration_ms')) }),
  ),

  // A team run starts afresh: teammates of an earlier run are dropped.
  team_started: onStart(TEAMS, 'team_id', (_prev, blank, p) => merge(blank, { numTeammates: num(field(p, 'num_teammates')) })),
  task_claimed: onActive(TEAMS, (t, p) =>
    teammate(t, p, (m) => {
      const task = str(field(p, 'task'));
      return task === undefined ? m : { ...m, claimed: appendCapped(m.claimed, task, TEAM_TASK_CAP) };
    }),
  ),
  // Without a task name, the teammate's oldest claimed task is the one completed.
  task_completed: onActive(TEAMS, (t, p) =>
    teammate(t, p, (m) => {
      const named = str(field(p, 'task'));
      const i = named === undefined ? 0 : m.claimed.indexOf(named);
      const done = { task: named ?? m.claimed[0], durationMs: num(field(p, 'duration_ms')) };
      return { ...m, claimed: m.claimed.filter((_t, k) => k !== i), completed: appendCapped(m.completed, done, TEAM_TASK_CAP) };
    }),
  ),
  team_completed: onActive(TEAMS, (t, p) => merge(t, { status: 'completed', documentId: id(field(p, 'document_id')) })),

  hook_triggered: onStart(HOOKS, 'hook_id', (prev, blank, p) =>
    newRun<HookRun, Fields<Hook>>(prev, merge(blank, { documentId: id(field(p, 'document_id')) }), hookRun),
  ),
  hook_delta: onActive(HOOKS, (h, p) => merge(h, { text: appendText(h.text, p) })),
  hook_result: onActive(HOOKS, (h, p) =>
    merge(h, { status: 'complete', action: str(field(p, 'action')), findings: strings(field(p, 'findings')) }),
  ),
};

export function reduceOfficePlane(s: OfficePlaneState, ev: TypedStreamEvent): OfficePlaneState {
  if (ev.dir !== 'in') return s;
  const reduce = own(REDUCERS, ev.typed.type);
  if (!reduce) return s;
  // The dashboard socket wraps each payload in `{type, payload}`; the SSE streams send it bare.
  const p = ev.transport === 'ws' ? field(ev.typed.payload, 'payload') : ev.typed.payload;
  return reduce(s, p, ev);
}
