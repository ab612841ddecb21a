import type { Draft, FamilyScript } from './context';
import { chunkText } from './chunk-text';

const GENERATIONS = [
  {
    before: 'Quarterly summary. Revenue grew 12% over the last quarter, led by the EMEA region. ',
    tool: 'search_documents',
    args: { query: 'Q3 revenue by region' },
    output: 'Found 3 documents: q3-sales.xlsx, regions.docx, board-notes.pdf',
    after: 'EMEA contributed 41% of the total, up from 35%. The APAC pipeline looks strong for next quarter.',
  },
  {
    before: 'Meeting notes. The team agreed to ship the new onboarding flow on the 14th. ',
    tool: 'read_calendar',
    args: { range: 'next 2 weeks' },
    output: 'Release window: 14th, 09:00-12:00. No conflicts.',
    after: 'The release window is the morning of the 14th. Support will be briefed the day before.',
  },
];
const TEAMMATES = ['researcher', 'writer', 'editor', 'fact-checker'];
const TEAM_TASKS = ['Collect sources', 'Draft the introduction', 'Draft the findings', 'Check the figures', 'Edit for tone', 'Build the appendix'];
const HOOK_REVIEWS = [
  'Checking the document for personal data and unsupported figures. Page 2 lists a customer email. ',
  'Checking the document for personal data and unsupported figures. All figures match their sources. ',
];
const FINDINGS = ['Customer email address on page 2', 'Revenue figure differs from source (12% vs 11.5%)', 'Link to an unreviewed external site'];

const ev = (name: string, data: Record<string, unknown>): Draft => ({ name, data });

/** Generation job: start, text deltas around one tool call, stop; then a new run after a pause. */
export const generateJob: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const jobId = ctx.params.job_id ?? 'job-1';
  for (;;) {
    const g = rng.pick(GENERATIONS);
    const began = ctx.elapsed;
    yield ev('start', { job_id: jobId });
    for (const text of chunkText(rng, g.before)) {
      ctx.wait(rng.int(200, 600));
      yield ev('delta', { text });
    }
    ctx.pause();
    yield ev('tool_call', { tool: g.tool, args: g.args });
    ctx.pause();
    yield ev('tool_result', { output: g.output });
    for (const text of chunkText(rng, g.after)) {
      ctx.wait(rng.int(200, 600));
      yield ev('delta', { text });
    }
    ctx.pause();
    yield ev('stop', { document_id: `doc-${rng.hex(6)}`, duration_ms: ctx.elapsed - began });
    ctx.wait(rng.int(3000, 5000));
  }
};

/** Team run: teammates claim tasks and finish them, at most one each at a time. */
export const teamRun: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const teamId = ctx.params.team_id ?? 'team-1';
  for (;;) {
    const members = TEAMMATES.slice(0, rng.int(2, TEAMMATES.length));
    const todo = TEAM_TASKS.slice(0, rng.int(members.length, TEAM_TASKS.length));
    const busy = new Map<string, { task: string; since: number }>();
    yield ev('team_started', { num_teammates: members.length, team_id: teamId });
    while (todo.length > 0 || busy.size > 0) {
      ctx.pause();
      const idle = members.filter((m) => !busy.has(m));
      const task = todo[0];
      if (task !== undefined && idle.length > 0 && (busy.size === 0 || rng.chance(0.5))) {
        const teammate = rng.pick(idle);
        todo.shift();
        busy.set(teammate, { task, since: ctx.elapsed });
        yield ev('task_claimed', { teammate, task });
      } else {
        const teammate = rng.pick([...busy.keys()]);
        const work = busy.get(teammate);
        busy.delete(teammate);
        yield ev('task_completed', { teammate, duration_ms: ctx.elapsed - (work?.since ?? 0), task: work?.task });
      }
    }
    ctx.pause();
    yield ev('team_completed', { document_id: `doc-${rng.hex(6)}` });
    ctx.wait(rng.int(2000, 3000));
  }
};

/** Hook run: triggered on a document, streams its review, ends with pass or flag. */
export const hookRun: FamilyScript = function* (ctx) {
  const { rng } = ctx;
  const hookId = ctx.params.hook_id ?? 'hook-1';
  for (;;) {
    // One review in eight is flagged (the default rules alert on flags).
    const flag = rng.chance(0.12);
    yield ev('hook_triggered', { hook_id: hookId, document_id: `doc-${rng.hex(6)}` });
    for (const text of chunkText(rng, HOOK_REVIEWS[flag ? 0 : 1] ?? '')) {
      ctx.wait(rng.int(200, 600));
      yield ev('hook_delta', { text });
    }
    ctx.pause();
    const findings = flag ? FINDINGS.slice(0, rng.int(1, FINDINGS.length)) : [];
    yield ev('hook_result', { action: flag ? 'flag' : 'pass', findings });
    ctx.wait(rng.int(3000, 5000));
  }
};
