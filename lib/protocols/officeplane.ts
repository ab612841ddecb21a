import { z } from 'zod';
import { bytes, chunk, clip, count, duration, id, line, preview, quote } from './format';
import { AnyObject, Count, Id, Millis, Present } from './schemas';
import { nested, type Profile, type TypeSpec } from './spec';
import { isRecord, noRefs, refs } from './values';

/** Dashboard WebSocket frames: `{type, payload}`; readers get the payload. */
const frame = (payload: z.ZodRawShape, spec: Omit<TypeSpec, 'schema'>): TypeSpec =>
  nested('payload', z.looseObject({ type: z.string(), payload: z.looseObject(payload) }), spec);

const WS_TYPES: Record<string, TypeSpec> = {
  instance_update: frame(
    { id: Id, state: z.enum(['opened', 'closed', 'crashed']), name: z.string().optional() },
    {
      category: 'data',
      summary: (p) => line(`instance ${id(p?.id)}`, p?.name !== undefined && quote(p.name, 30), `→ ${clip(p?.state)}`),
      entities: (p) => refs(['instance', p?.id]),
      isError: (p) => p?.state === 'crashed',
    },
  ),
  task_update: frame(
    {
      id: Id,
      state: z.enum(['queued', 'running', 'completed', 'failed']),
      instance_id: Id.optional(),
      name: z.string().optional(),
      error: z.string().optional(),
    },
    {
      category: 'data',
      summary: (p) =>
        line(
          `task ${id(p?.id)}`,
          p?.name !== undefined && quote(p.name, 30),
          `→ ${clip(p?.state)}${p?.error !== undefined ? `: ${clip(p.error, 60)}` : ''}`,
        ),
      entities: (p) => refs(['task', p?.id], ['instance', p?.instance_id]),
      isError: (p) => p?.state === 'failed',
    },
  ),
  document_uploaded: frame(
    { id: Id, name: z.string(), size: z.number().nonnegative().optional() },
    {
      category: 'data',
      summary: (p) => line(`document ${id(p?.id)}`, quote(p?.name), p?.size !== undefined && bytes(p.size)),
      entities: (p) => refs(['document', p?.id]),
    },
  ),
  document_updated: frame(
    { id: Id, name: z.string(), version: z.number().int().optional() },
    {
      category: 'data',
      summary: (p) => line(`document ${id(p?.id)}`, quote(p?.name), p?.version !== undefined && `v${clip(p.version)}`),
      entities: (p) => refs(['document', p?.id]),
    },
  ),
  metrics_update: frame(
    { cpu: z.number().min(0).max(100), memory: z.number().nonnegative(), active: Count },
    {
      category: 'data',
      summary: (p) => `cpu ${clip(p?.cpu)}% · memory ${clip(p?.memory)} MB · ${clip(p?.active)} active`,
      entities: noRefs,
    },
  ),
};

/** SSE streams of generation jobs, teams and hooks: named events, the data is the payload. */
const SSE_TYPES: Record<string, TypeSpec> = {
  start: {
    schema: z.looseObject({ job_id: Id }),
    category: 'lifecycle',
    summary: (p) => `job ${id(p?.job_id)}`,
    entities: (p) => refs(['job', p?.job_id]),
  },
  // The job of a delta or tool event is only in the stream's URL, so they name no entity.
  delta: { schema: z.looseObject({ text: z.string() }), category: 'data', summary: (p) => chunk(p?.text), entities: noRefs },
  tool_call: {
    schema: z.looseObject({ tool: z.string(), args: AnyObject }),
    category: 'data',
    summary: (p) => `${clip(p?.tool, 30)} ${preview(p?.args, 60)}`,
    entities: noRefs,
  },
  tool_result: {
    schema: z.looseObject({ output: Present }),
    category: 'data',
    summary: (p) => `→ ${quote(p?.output, 60)}`,
    entities: noRefs,
  },
  stop: {
    schema: z.looseObject({ document_id: Id, duration_ms: Millis }),
    category: 'lifecycle',
    summary: (p) => `document ${id(p?.document_id)} after ${duration(p?.duration_ms)}`,
    entities: (p) => refs(['document', p?.document_id]),
  },
  team_started: {
    schema: z.looseObject({ num_teammates: Count, team_id: Id.optional() }),
    category: 'lifecycle',
    summary: (p) => line(p?.team_id !== undefined && `team ${id(p.team_id)} ·`, count(p?.num_teammates, 'teammate')),
    entities: (p) => refs(['team', p?.team_id]),
  },
  task_claimed: {
    schema: z.looseObject({ teammate: z.string(), task: z.string() }),
    category: 'data',
    summary: (p) => `${clip(p?.teammate, 30)} claimed ${quote(p?.task)}`,
    entities: noRefs,
  },
  task_completed: {
    schema: z.looseObject({ teammate: z.string(), duration_ms: Millis, task: z.string().optional() }),
    category: 'data',
    summary: (p) =>
      line(`${clip(p?.teammate, 30)} finished`, p?.task !== undefined && quote(p.task), `in ${duration(p?.duration_ms)}`),
    entities: noRefs,
  },
  team_completed: {
    schema: z.looseObject({ document_id: Id }),
    category: 'lifecycle',
    summary: (p) => `document ${id(p?.document_id)}`,
    entities: (p) => refs(['document', p?.document_id]),
  },
  hook_triggered: {
    schema: z.looseObject({ hook_id: Id, document_id: Id }),
    category: 'lifecycle',
    summary: (p) => `hook ${id(p?.hook_id)} on document ${id(p?.document_id)}`,
    entities: (p) => refs(['hook', p?.hook_id], ['document', p?.document_id]),
  },
  hook_delta: { schema: z.looseObject({ text: z.string() }), category: 'log', summary: (p) => chunk(p?.text), entities: noRefs },
  hook_result: {
    schema: z.looseObject({ action: z.string(), findings: z.array(z.string()) }),
    category: 'data',
    summary: (p) => {
      const findings: unknown = p?.findings;
      if (!Array.isArray(findings)) return `${clip(p?.action, 20)} · ? findings`;
      const first = findings.length > 0 ? `: ${quote(findings[0])}` : '';
      return `${clip(p?.action, 20)} · ${count(findings.length, 'finding')}${first}`;
    },
    entities: noRefs,
  },
};

/** Names that only OfficePlane's team and hook streams use; the job stream's names are commoner. */
const DISTINCT_SSE = /^(team_|hook_|task_claimed$|task_completed$)/;

export const officeplane: Profile = {
  family: 'officeplane',
  label: 'OfficePlane',
  types: { ...WS_TYPES, ...SSE_TYPES },
  detect(ev, type, payload) {
    if (ev.transport === 'ws') return Object.hasOwn(WS_TYPES, type) && isRecord(payload) && isRecord(payload.payload) ? 0.95 : 0;
    if (ev.name !== type || !Object.hasOwn(SSE_TYPES, type)) return 0;
    return DISTINCT_SSE.test(type) ? 0.9 : 0.7;
  },
};
