import type { Draft, FamilyContext, FamilyScript } from './context';

const PLANS = [
  { title: 'Migrate the billing tables', steps: ['Snapshot the billing database', 'Write the migration', 'Backfill existing rows', 'Switch reads over', 'Drop the old columns'] },
  { title: 'Split the auth module out', steps: ['Map the callers of auth', 'Extract the token service', 'Add a feature flag', 'Route traffic to the new service'] },
  { title: 'Upgrade the runtime to Node 22', steps: ['Bump the engines field', 'Fix deprecated APIs', 'Run the full test suite', 'Roll out to staging', 'Roll out to production'] },
  { title: 'Speed up the CI pipeline', steps: ['Profile the slowest jobs', 'Cache dependencies', 'Split tests into shards', 'Update the runbook'] },
];
const APPROVERS = ['maria', 'dev-lead', 'sam'];

/** One plan from creation to its final state; step entries are re-sent (same id) as they progress. */
function* plan(ctx: FamilyContext): Generator<Draft, void> {
  const { rng } = ctx;
  const planId = `plan-${rng.hex(6)}`;
  const createdAt = new Map<string, string>();
  const log = (id: string, entry: string): Draft => {
    // An update keeps the entry's original creation time, so clients sorting by it keep the order.
    const created_at = createdAt.get(id) ?? ctx.iso();
    createdAt.set(id, created_at);
    return { name: 'plan.log.new', data: { plan_id: planId, id, entry, created_at } };
  };
  const newId = () => `log-${rng.hex(8)}`;
  const state = (s: string): Draft => ({ name: 'plan.state.changed', data: { plan_id: planId, state: s } });
  const { title, steps: allSteps } = rng.pick(PLANS);
  const steps = allSteps.slice(0, rng.int(3, allSteps.length));
  const stepIds = steps.map(newId);
  const stepEntry = (i: number, status: string) => `Step ${i + 1}/${steps.length}: ${steps[i]} - ${status}`;
  const failAt = rng.chance(0.2) ? rng.int(0, steps.length - 1) : -1;

  yield { name: 'plan.created', data: { id: planId, title, state: 'draft', created_at: ctx.iso() } };
  for (let i = 0; i < steps.length; i++) {
    ctx.pause();
    yield log(stepIds[i] ?? newId(), stepEntry(i, 'pending'));
  }
  ctx.pause();
  yield state('awaiting_approval');
  ctx.wait(rng.int(1500, 3000));
  yield log(newId(), `Approved by ${rng.pick(APPROVERS)}`);
  yield state('approved');
  ctx.pause();
  yield state('running');
  for (let i = 0; i < steps.length; i++) {
    const id = stepIds[i] ?? newId();
    ctx.pause();
    yield log(id, stepEntry(i, 'running'));
    // Steps take a while and report progress: a plan (and its one approval request, an alert
    // by default) comes about once a minute, not every few seconds.
    const updates = rng.int(8, 14);
    for (let u = 1; u <= updates; u++) {
      ctx.pause();
      yield log(id, stepEntry(i, `running, ${Math.round((u / (updates + 1)) * 100)}%`));
    }
    ctx.pause();
    if (i === failAt) {
      yield log(id, stepEntry(i, 'failed: check constraint violated'));
      ctx.pause();
      yield state('failed');
      return;
    }
    yield log(id, stepEntry(i, 'done'));
  }
  ctx.pause();
  yield log(newId(), `All ${steps.length} steps done`);
  yield state('completed');
}

/** Plans stream: plans one after another, each created, approved, run and finished. */
export const plans: FamilyScript = function* (ctx) {
  for (;;) {
    yield* plan(ctx);
    ctx.wait(ctx.rng.int(2000, 4000));
  }
};
