import type { Draft, FamilyScript } from './context';

interface Task {
  id: string;
  name: string;
  instance_id: string;
  state: 'queued' | 'running';
  document: { id: string; name: string; version: number };
}

const INSTANCES = [
  { id: 'inst-1', name: 'Writer 1' },
  { id: 'inst-2', name: 'Writer 2' },
];
const TASK_NAMES = ['Convert to PDF', 'Summarise report', 'Fill invoice template', 'Translate contract', 'Redact names'];
const DOC_NAMES = ['q3-report.docx', 'invoice-0412.docx', 'contract-acme.docx', 'minutes-2024-05.docx', 'pricing.xlsx'];
const METRICS_EVERY_MS = 5000;
const MAX_TASKS = 3;

const frame = (type: string, payload: Record<string, unknown>): Draft => ({ data: { type, payload } });

/** OfficePlane dashboard socket: instances, up to three tasks in flight, documents, metrics. */
export const officeplaneWs: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const tasks: Task[] = [];
  const metrics = () => {
    const running = tasks.filter((t) => t.state === 'running').length;
    return frame('metrics_update', {
      cpu: Math.min(100, Math.round((8 + running * 22 + rng.next() * 10) * 10) / 10),
      memory: 900 + running * 350 + rng.int(0, 120),
      active: running,
    });
  };
  const taskFrame = (t: Task, state: string, extra: Record<string, unknown> = {}) =>
    frame('task_update', { id: t.id, state, instance_id: t.instance_id, name: t.name, ...extra });

  for (const inst of INSTANCES) yield frame('instance_update', { ...inst, state: 'opened' });
  yield metrics();
  let lastMetrics = 0;
  for (;;) {
    ctx.pause();
    if (ctx.elapsed - lastMetrics >= METRICS_EVERY_MS) {
      lastMetrics = ctx.elapsed;
      yield metrics();
    } else if (tasks.length < MAX_TASKS && rng.chance(tasks.length === 0 ? 1 : 0.3)) {
      const t: Task = {
        id: `task-${rng.hex(6)}`,
        name: rng.pick(TASK_NAMES),
        instance_id: rng.pick(INSTANCES).id,
        state: 'queued',
        document: { id: `doc-${rng.hex(6)}`, name: rng.pick(DOC_NAMES), version: 1 },
      };
      tasks.push(t);
      yield frame('document_uploaded', { id: t.document.id, name: t.document.name, size: rng.int(20_000, 900_000) });
      yield taskFrame(t, 'queued');
    } else if (rng.chance(0.03)) {
      const inst = rng.pick(INSTANCES);
      yield frame('instance_update', { ...inst, state: rng.chance(0.5) ? 'crashed' : 'closed' });
      ctx.pause();
      yield frame('instance_update', { ...inst, state: 'opened' });
    } else {
      const t = rng.pick(tasks);
      if (t.state === 'queued') {
        t.state = 'running';
        yield taskFrame(t, 'running');
        continue;
      }
      tasks.splice(tasks.indexOf(t), 1);
      // About one task in 25 fails: the default rules alert on failures, and real ones are rare.
      if (rng.chance(0.04)) {
        yield taskFrame(t, 'failed', { error: 'Instance did not answer within 30 s' });
        continue;
      }
      yield taskFrame(t, 'completed');
      t.document.version++;
      yield frame('document_updated', { ...t.document });
    }
  }
};
