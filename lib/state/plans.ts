import { byType } from './by-type';
import type { TypedStreamEvent } from '../model/typed';
import { merge, own, sameJson, type Dict } from './immutable';
import { field, id, str } from './json';
import { touchedIn, type Traced } from './trace';

export const PLAN_LOG_CAP = 1000;

export interface PlanLog {
  id: string;
  planId: string;
  entry?: string;
  createdAt?: string;
  /** Seq of the live event that last wrote it; undefined for a fetched entry. */
  seq?: number;
}

export interface Plan extends Traced {
  id: string;
  title?: string;
  /** Latest live state: a plan.state.changed wins over the state the plan was created with. */
  state?: string;
  createdAt?: string;
  /** Live log entries, one per id, sorted by createdAt. */
  logs: readonly PlanLog[];
}

/** What the plan detail view shows: fetched logs with the live ones merged in. */
export interface PlanDetail {
  planId: string;
  logs: readonly PlanLog[];
  state?: string;
  /** True once seedPlanDetail supplied the fetched logs. */
  fetched: boolean;
}

export interface PlansState {
  family: 'plans';
  /** Every plan seen, including ones only known from state changes or logs. */
  plans: Dict<Plan>;
  /** The plan list, newest first: ids of plan.created events, each once. */
  list: readonly string[];
  detail?: PlanDetail;
}

export const emptyPlans = (): PlansState => ({ family: 'plans', plans: {}, list: [] });

/** Undated entries sort after dated ones; Array.prototype.sort is stable, so ties keep arrival order. */
const logTime = (l: PlanLog): number => {
  const t = l.createdAt === undefined ? NaN : Date.parse(l.createdAt);
  return Number.isNaN(t) ? Infinity : t;
};
const byCreatedAt = (a: PlanLog, b: PlanLog): number => {
  const d = logTime(a) - logTime(b);
  return Number.isNaN(d) ? 0 : d;
};

/** The merge rule: replace the entry with the same id, else append; keep sorted by createdAt. */
export function upsertLog(logs: readonly PlanLog[], log: PlanLog): readonly PlanLog[] {
  const i = logs.findIndex((l) => l.id === log.id);
  if (i >= 0 && sameJson(logs[i], { ...log, seq: logs[i]?.seq })) return logs;
  const next = i >= 0 ? logs.map((l, j) => (j === i ? log : l)) : [...logs, log];
  if (next.some((l, j) => j > 0 && byCreatedAt(next[j - 1] ?? l, l) > 0)) next.sort(byCreatedAt);
  return next.length > PLAN_LOG_CAP ? next.slice(next.length - PLAN_LOG_CAP) : next;
}

function parseLog(raw: unknown, planId: string, seq?: number): PlanLog | undefined {
  const logId = id(field(raw, 'id'));
  if (logId === undefined) return undefined;
  return { id: logId, planId, entry: str(field(raw, 'entry')), createdAt: str(field(raw, 'created_at')), seq };
}

/** The plan list without plans the entity cap dropped. */
const prunedList = (s: PlansState, plans: PlansState['plans']): PlansState => ({ ...s, plans, list: s.list.filter((k) => Object.hasOwn(plans, k)) });

const blankPlan = (planId: string): Omit<Plan, 'trace'> => ({ id: planId, logs: [] });

function planCreated(s: PlansState, p: unknown, ev: TypedStreamEvent): PlansState {
  const planId = id(field(p, 'id'));
  if (planId === undefined) return s;
  const listed = s.list.includes(planId);
  const { dict: plans, changed, pruned } = touchedIn(s.plans, planId, ev, (prev) =>
    // Already listed: dedupe by id. Otherwise a state seen live before the creation wins.
    listed && prev
      ? prev
      : merge({ ...blankPlan(planId), ...prev }, {
          title: str(field(p, 'title')),
          createdAt: str(field(p, 'created_at')),
          state: prev?.state ?? str(field(p, 'state')),
        }),
  );
  if (!changed) return s;
  const next = { ...s, plans, list: listed ? s.list : [planId, ...s.list] };
  return pruned ? prunedList(next, plans) : next;
}

function planStateChanged(s: PlansState, p: unknown, ev: TypedStreamEvent): PlansState {
  const planId = id(field(p, 'plan_id'));
  if (planId === undefined) return s;
  const state = str(field(p, 'state'));
  const { dict: plans, changed, pruned } = touchedIn(s.plans, planId, ev, (prev) => merge({ ...blankPlan(planId), ...prev }, { state }));
  if (!changed) return s;
  const base = pruned ? prunedList(s, plans) : s;
  const d = base.detail;
  const detail = d && d.planId === planId && state !== undefined && d.state !== state ? { ...d, state } : d;
  return { ...base, plans, detail };
}

function planLogNew(s: PlansState, p: unknown, ev: TypedStreamEvent): PlansState {
  const planId = id(field(p, 'plan_id'));
  if (planId === undefined) return s;
  const log = parseLog(p, planId, ev.seq);
  const { dict: plans, changed, pruned } = touchedIn(s.plans, planId, ev, (prev) => {
    const plan = { ...blankPlan(planId), ...prev };
    return log ? { ...plan, logs: upsertLog(plan.logs, log) } : plan;
  });
  if (!changed) return s;
  const base = pruned ? prunedList(s, plans) : s;
  const d = base.detail;
  if (!d || !log || d.planId !== planId) return { ...base, plans };
  const logs = upsertLog(d.logs, log);
  return { ...base, plans, detail: logs === d.logs ? d : { ...d, logs } };
}

export const reducePlans = byType<PlansState>({
  'plan.created': planCreated,
  'plan.state.changed': planStateChanged,
  'plan.log.new': planLogNew,
});

/** The plan list in display order (newest first). */
export const planList = (s: PlansState): Plan[] => s.list.flatMap((planId) => own(s.plans, planId) ?? []);

/** Shows `planId` in the detail view; the detail starts afresh whenever the plan id changes. */
export function selectPlan(s: PlansState, planId: string): PlansState {
  if (s.detail?.planId === planId) return s;
  const plan = own(s.plans, planId);
  return { ...s, detail: { planId, logs: plan?.logs ?? [], state: plan?.state, fetched: false } };
}

/**
 * Supplies the detail view's fetched logs and state: start from the fetched logs, merge every live
 * entry in by id, and prefer the live state. A fetch for a plan no longer selected is ignored.
 */
export function seedPlanDetail(s: PlansState, planId: string, fetchedLogs: readonly unknown[], fetchedState?: string): PlansState {
  if (s.detail?.planId !== planId) return s;
  const plan = own(s.plans, planId);
  let logs: readonly PlanLog[] = [];
  for (const raw of fetchedLogs) {
    const log = parseLog(raw, planId);
    if (log) logs = upsertLog(logs, log);
  }
  for (const live of plan?.logs ?? []) logs = upsertLog(logs, live);
  return { ...s, detail: { planId, logs, state: plan?.state ?? fetchedState, fetched: true } };
}
