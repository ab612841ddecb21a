import type { Draft, FamilyContext } from './context';

const HEARTBEAT_MS = 15_000;

export const AGENTS = [
  { id: 'agent-atlas', name: 'Atlas', kind: 'worker', model: 'large-2' },
  { id: 'agent-birch', name: 'Birch', kind: 'reviewer', model: 'medium-3' },
  { id: 'agent-cobalt', name: 'Cobalt', kind: 'worker', model: 'small-1' },
] as const;

/**
 * Returns the script's `wait`: heartbeats sit on the same virtual clock as everything else
 * (every 15 s of it), so they keep their place in the sequence and a resume replays them too.
 */
export function heartbeatClock(ctx: FamilyContext): (ms: number) => Generator<Draft, void> {
  let due = HEARTBEAT_MS;
  return function* wait(ms) {
    const until = ctx.elapsed + ms;
    while (ctx.heartbeats && due <= until) {
      ctx.wait(due - ctx.elapsed);
      due += HEARTBEAT_MS;
      yield { name: 'heartbeat', data: { serverTime: ctx.iso() } };
    }
    ctx.wait(until - ctx.elapsed);
  };
}

export const hello = (ctx: FamilyContext): Draft => ({ name: 'hello', data: { serverTime: ctx.iso() } });

/** Agent events fan out to every board and to the dashboard. */
export function agentEvent(ctx: FamilyContext): Draft {
  const agent = ctx.rng.pick(AGENTS);
  if (ctx.rng.chance(0.5)) {
    return { name: 'agent_registered', data: { agent: { id: agent.id, name: agent.name, kind: agent.kind } } };
  }
  const action = ctx.rng.pick(['created', 'updated', 'updated', 'deleted'] as const);
  return {
    name: 'agent_profile',
    data: { action, profile: { id: `profile-${agent.name.toLowerCase()}`, name: `${agent.name} default`, model: agent.model } },
  };
}
