import { z } from 'zod';
import { clip, id, quote } from './format';
import { Id, Time } from './schemas';
import type { Profile, TypeSpec } from './spec';
import { refs } from './values';

const PLAN_STATES = ['draft', 'awaiting_approval', 'approved', 'running', 'completed', 'failed'] as const;
const PlanState = z.enum(PLAN_STATES);

const TYPES: Record<string, TypeSpec> = {
  'plan.created': {
    schema: z.looseObject({ id: Id, title: z.string(), state: PlanState, created_at: Time }),
    category: 'data',
    summary: (p) => `plan ${id(p?.id)} ${quote(p?.title)} (${clip(p?.state, 20)})`,
    entities: (p) => refs(['plan', p?.id]),
  },
  // The same log `id` again is an update of that entry.
  'plan.log.new': {
    schema: z.looseObject({ plan_id: Id, id: Id, entry: z.string(), created_at: Time }),
    category: 'log',
    summary: (p) => `plan ${id(p?.plan_id)} ${quote(p?.entry, 70)}`,
    entities: (p) => refs(['plan', p?.plan_id]),
  },
  'plan.state.changed': {
    schema: z.looseObject({ plan_id: Id, state: PlanState }),
    category: 'data',
    summary: (p) => `plan ${id(p?.plan_id)} → ${clip(p?.state, 30)}`,
    entities: (p) => refs(['plan', p?.plan_id]),
    isError: (p) => p?.state === 'failed',
  },
};

export const plans: Profile = {
  family: 'plans',
  label: 'Plans',
  types: TYPES,
  detect: (ev, type) => (ev.transport === 'sse' && ev.name === type && type.startsWith('plan.') ? 0.95 : 0),
};
