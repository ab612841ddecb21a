import type { FamilyScript } from './context';
import { AGENTS, agentEvent, heartbeatClock, hello } from './kanban-shared';

const MAX_QUEUED = 8;

/** Dashboard stream: hello, an overview snapshot, then updated overviews as attempts come and go. */
export const kanbanDashboard: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const wait = heartbeatClock(ctx);
  const byStatus = { queued: rng.int(0, 3), running: rng.int(1, 4), succeeded: rng.int(10, 40), failed: rng.int(0, 6) };
  let cards = rng.int(20, 60);
  const overview = () => ({
    name: 'dashboard_overview',
    data: { boards: 4, cards, activeAttempts: byStatus.queued + byStatus.running, agents: AGENTS.length, byStatus: { ...byStatus } },
  });

  yield hello(ctx);
  yield overview();
  for (;;) {
    yield* wait(rng.int(500, 1500));
    if (rng.chance(0.1)) {
      yield agentEvent(ctx);
      continue;
    }
    // Move one attempt along: queued -> running -> succeeded/failed, new ones get queued.
    const r = rng.next();
    if (r < 0.35 && byStatus.queued < MAX_QUEUED) {
      byStatus.queued++;
    } else if (r < 0.6 && byStatus.queued > 0) {
      byStatus.queued--;
      byStatus.running++;
    } else if (byStatus.running > 0) {
      byStatus.running--;
      if (rng.chance(0.85)) byStatus.succeeded++;
      else byStatus.failed++;
    } else {
      cards++;
    }
    yield overview();
  }
};
