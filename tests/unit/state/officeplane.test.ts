import { describe, expect, it } from 'vitest';
import { emptyOfficePlane, METRICS_HISTORY_CAP, reduceOfficePlane, RUN_HISTORY_CAP, type OfficePlaneState } from '../../../lib/state/officeplane';
import { endpoint, wsFrame, type EventOptions } from './events';

type Send = (type: string, payload: unknown, opts?: EventOptions) => Parameters<typeof reduceOfficePlane>[1];
const fold = (send: Send, steps: [string, unknown, EventOptions?][], s: OfficePlaneState = emptyOfficePlane()) =>
  steps.reduce((acc, [type, payload, opts]) => reduceOfficePlane(acc, send(type, payload, opts)), s);

describe('officeplane dashboard socket', () => {
  const ws = () => wsFrame(endpoint('op', 'officeplane', 'ws'));

  it('keeps instances, tasks and documents with their latest state', () => {
    const s = fold(ws(), [
      ['instance_update', { id: 'i1', state: 'opened', name: 'Writer' }],
      ['task_update', { id: 't1', state: 'queued', instance_id: 'i1' }],
      ['task_update', { id: 't1', state: 'failed', error: 'boom' }],
      ['instance_update', { id: 'i1', state: 'crashed' }],
      ['document_uploaded', { id: 'd1', name: 'a.docx', size: 10 }],
      ['document_updated', { id: 'd1', name: 'a.docx', version: 2 }],
    ]);
    expect(s.instances.i1).toMatchObject({ state: 'crashed', name: 'Writer', trace: { seqs: [1, 4] } });
    expect(s.tasks.t1).toMatchObject({ state: 'failed', instanceId: 'i1', error: 'boom' });
    expect(s.documents.d1).toMatchObject({ name: 'a.docx', size: 10, version: 2, trace: { seqs: [5, 6] } });
  });

  it('keeps the latest metrics and a capped history', () => {
    const send = ws();
    let s = emptyOfficePlane();
    for (let i = 0; i < METRICS_HISTORY_CAP + 5; i++) s = reduceOfficePlane(s, send('metrics_update', { cpu: i, memory: 100, active: 1 }));
    expect(s.metrics).toMatchObject({ cpu: METRICS_HISTORY_CAP + 4, memory: 100, active: 1 });
    expect(s.metricsHistory).toHaveLength(METRICS_HISTORY_CAP);
    expect(s.metricsHistory[0]?.cpu).toBe(5);
    expect(reduceOfficePlane(s, send('metrics_update', { cpu: 'high' }, { invalid: true }))).toBe(s);
  });

  it('reads the payload from inside the frame, not the frame itself', () => {
    const s = reduceOfficePlane(emptyOfficePlane(), endpoint('op', 'officeplane', 'ws')('instance_update', { id: 'i1', state: 'opened' }));
    expect(s.instances).toEqual({});
  });
});

describe('officeplane generation job stream', () => {
  it('assembles text from deltas, pairs tool calls with results and completes on stop', () => {
    const s = fold(endpoint('job', 'officeplane'), [
      ['start', { job_id: 'j1' }],
      ['delta', { text: 'Hello ' }],
      ['tool_call', { tool: 'search', args: { q: 1 } }],
      ['tool_call', { tool: 'read', args: {} }],
      ['tool_result', { output: 'found' }],
      ['delta', { text: 'world' }],
      ['tool_result', { output: 'read it' }],
      ['tool_result', { output: 'stray' }],
      ['stop', { document_id: 'doc-1', duration_ms: 1200 }],
    ]);
    expect(s.activeJob).toBe('j1');
    expect(s.jobs.j1).toMatchObject({ status: 'complete', text: 'Hello world', documentId: 'doc-1', durationMs: 1200 });
    expect(s.jobs.j1?.toolCalls).toEqual([
      { seq: 3, tool: 'search', args: { q: 1 }, output: 'found', resultSeq: 5 },
      { seq: 4, tool: 'read', args: {}, output: 'read it', resultSeq: 7 },
      { seq: 8, output: 'stray', resultSeq: 8 },
    ]);
  });

  it('begins a new run on a new start of the same job and keeps earlier final texts, capped', () => {
    const send = endpoint('job', 'officeplane');
    let s = fold(send, [['start', { job_id: 'j1' }], ['delta', { text: 'first' }], ['stop', { document_id: 'd1', duration_ms: 5 }]]);
    s = fold(send, [['start', { job_id: 'j1' }], ['delta', { text: 'second' }]], s);
    expect(s.jobs.j1).toMatchObject({ status: 'streaming', text: 'second', previousRuns: [{ status: 'complete', text: 'first', documentId: 'd1', durationMs: 5 }] });
    expect(s.jobs.j1?.documentId).toBeUndefined();
    for (let i = 0; i < RUN_HISTORY_CAP + 2; i++) s = fold(send, [['start', { job_id: 'j1' }], ['delta', { text: `run ${i}` }]], s);
    expect(s.jobs.j1?.previousRuns).toHaveLength(RUN_HISTORY_CAP);
  });

  it('treats a repeated start before any output as a no-op', () => {
    const send = endpoint('job', 'officeplane');
    const s = fold(send, [['start', { job_id: 'j1' }]]);
    expect(reduceOfficePlane(s, send('start', { job_id: 'j1' }))).toBe(s);
  });

  it('keeps deltas of a stream joined after its start under the job id ""', () => {
    const s = fold(endpoint('job', 'officeplane'), [['delta', { text: 'late' }]]);
    expect(s.jobs['']).toMatchObject({ text: 'late', status: 'streaming' });
  });
});

describe('officeplane team stream', () => {
  it('tracks teammates with claimed and completed tasks', () => {
    const s = fold(endpoint('team', 'officeplane'), [
      ['team_started', { num_teammates: 2, team_id: 't1' }],
      ['task_claimed', { teammate: 'writer', task: 'Draft' }],
      ['task_claimed', { teammate: 'editor', task: 'Edit' }],
      ['task_claimed', { teammate: 'writer', task: 'Appendix' }],
      ['task_completed', { teammate: 'writer', duration_ms: 30, task: 'Appendix' }],
      ['task_completed', { teammate: 'editor', duration_ms: 10 }],
      ['team_completed', { document_id: 'doc-9' }],
    ]);
    expect(s.teams.t1).toMatchObject({ status: 'completed', numTeammates: 2, documentId: 'doc-9' });
    expect(s.teams.t1?.teammates).toEqual({
      writer: { name: 'writer', claimed: ['Draft'], completed: [{ task: 'Appendix', durationMs: 30 }] },
      editor: { name: 'editor', claimed: [], completed: [{ task: 'Edit', durationMs: 10 }] },
    });
  });

  it('starts a new team run afresh', () => {
    const send = endpoint('team', 'officeplane');
    let s = fold(send, [['team_started', { num_teammates: 2, team_id: 't1' }], ['task_claimed', { teammate: 'w', task: 'x' }], ['team_completed', { document_id: 'd' }]]);
    s = fold(send, [['team_started', { num_teammates: 3, team_id: 't1' }]], s);
    expect(s.teams.t1).toMatchObject({ status: 'running', numTeammates: 3, teammates: {} });
  });
});

describe('officeplane hook stream', () => {
  it('runs triggered -> text -> result, keeping earlier runs', () => {
    const send = endpoint('hook', 'officeplane');
    let s = fold(send, [
      ['hook_triggered', { hook_id: 'h1', document_id: 'd1' }],
      ['hook_delta', { text: 'Checking. ' }],
      ['hook_delta', { text: 'Found email.' }],
      ['hook_result', { action: 'flag', findings: ['email on page 2'] }],
    ]);
    expect(s.hooks.h1).toMatchObject({ status: 'complete', documentId: 'd1', text: 'Checking. Found email.', action: 'flag', findings: ['email on page 2'] });
    s = fold(send, [['hook_triggered', { hook_id: 'h1', document_id: 'd2' }]], s);
    expect(s.hooks.h1).toMatchObject({ status: 'running', documentId: 'd2', text: '', findings: [], previousRuns: [{ action: 'flag', documentId: 'd1' }] });
  });
});

describe('officeplane odd input', () => {
  it('never throws, ignores unknown types and marks entities touched by invalid events', () => {
    const sse = endpoint('op', 'officeplane');
    const frames = wsFrame(endpoint('op', 'officeplane', 'ws'));
    let s = fold(sse, [['start', { job_id: 'j1' }]]);
    s = reduceOfficePlane(s, sse('delta', { text: 5 }, { invalid: true }));
    expect(s.jobs.j1).toMatchObject({ text: '', trace: { invalidSeqs: [2] } });
    expect(reduceOfficePlane(s, sse('unknown', { text: 'x' }))).toBe(s);
    const types = ['start', 'delta', 'tool_call', 'tool_result', 'stop', 'team_started', 'task_claimed', 'task_completed', 'team_completed', 'hook_triggered', 'hook_delta', 'hook_result'];
    for (const payload of [undefined, null, 0, 'x', [], { job_id: {}, teammate: [], findings: 'no' }]) {
      for (const type of types) expect(() => reduceOfficePlane(s, sse(type, payload, { invalid: true }))).not.toThrow();
      for (const type of ['instance_update', 'task_update', 'document_uploaded', 'metrics_update']) {
        expect(() => reduceOfficePlane(s, frames(type, payload, { invalid: true }))).not.toThrow();
      }
    }
  });
});
