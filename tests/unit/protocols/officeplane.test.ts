import { describe, expect, it } from 'vitest';
import { typeEvent } from '../../../lib/protocols';
import { MARKUP, sse, ws } from '../../fixtures/protocols/build';
import { OFFICEPLANE } from '../../fixtures/protocols/officeplane';

const type = (ev: Parameters<typeof typeEvent>[0]) => typeEvent(ev, 'officeplane');

describe('officeplane profile', () => {
  it('summarises dashboard frames from their payload', () => {
    expect(type(ws({ type: 'task_update', payload: { id: 'task-1', state: 'running', instance_id: 'inst-1', name: 'Convert to PDF' } }))).toMatchObject({
      type: 'task_update',
      category: 'data',
      summary: 'task_update  task task-1 "Convert to PDF" → running',
      entities: [{ kind: 'task', id: 'task-1' }, { kind: 'instance', id: 'inst-1' }],
      known: true,
      issues: [],
    });
    expect(type(ws({ type: 'metrics_update', payload: { cpu: 42.5, memory: 1250, active: 2 } })).summary).toBe(
      'metrics_update  cpu 42.5% · memory 1250 MB · 2 active',
    );
    expect(type(ws({ type: 'document_uploaded', payload: { id: 'doc-1', name: 'q3.docx', size: 120_000 } })).summary).toBe(
      'document_uploaded  document doc-1 "q3.docx" 117 KiB',
    );
  });

  it('marks failed tasks and crashed instances as errors', () => {
    const failed = type(OFFICEPLANE.task_update!.valid[1]!);
    expect(failed.category).toBe('error');
    expect(failed.summary).toBe('task_update  task task-2 "Redact names" → failed: Instance did not answer within 30 s');
    expect(type(ws({ type: 'instance_update', payload: { id: 'inst-2', state: 'crashed' } })).category).toBe('error');
  });

  it('summarises job, team and hook streams', () => {
    expect(type(sse('delta', { text: 'The quarterly summary shows revenue grew 12% over the last quarter.' })).summary).toBe(
      'delta  +67 chars "The quarterly summary…"',
    );
    expect(type(sse('tool_call', { tool: 'search_documents', args: { query: 'Q3' } })).summary).toBe('tool_call  search_documents {query: "Q3"}');
    expect(type(sse('stop', { document_id: 'doc-9', duration_ms: 4200 }))).toMatchObject({
      category: 'lifecycle',
      summary: 'stop  document doc-9 after 4.2 s',
      entities: [{ kind: 'document', id: 'doc-9' }],
    });
    expect(type(sse('team_started', { num_teammates: 3, team_id: 'team-1' })).summary).toBe('team_started  team team-1 · 3 teammates');
    expect(type(sse('hook_delta', { text: 'Checking' })).category).toBe('log');
    expect(type(sse('hook_triggered', { hook_id: 'hook-1', document_id: 'doc-4' })).entities).toEqual([
      { kind: 'hook', id: 'hook-1' },
      { kind: 'document', id: 'doc-4' },
    ]);
    expect(type(OFFICEPLANE.hook_result!.valid[0]!).summary).toBe('hook_result  flag · 2 findings: "Customer email address on page 2"');
  });

  it('reports schema failures with dotted paths and still summarises', () => {
    const bad = type(ws({ type: 'task_update', payload: { id: 'task-1', state: 'paused' } }));
    expect(bad.issues).toEqual([{ path: 'payload.state', message: 'Invalid option: expected one of "queued"|"running"|"completed"|"failed"' }]);
    expect(bad.summary).toBe('task_update  task task-1 → paused');
  });

  it('keeps unknown types as unknown', () => {
    const t = type(ws({ type: 'printer_update', payload: { id: 'p-1' } }));
    expect(t).toMatchObject({ type: 'printer_update', known: false, category: 'data', issues: [], summary: 'printer_update  {payload: {…}}' });
  });

  it('flags data that is not JSON', () => {
    const t = type(sse('start', 'job-7'));
    expect(t.payload).toBeUndefined();
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]?.path).toBe('');
    expect(t.issues[0]?.message).toMatch(/^data is not valid JSON: /);
    expect(t.summary).toBe('start  job-7');
  });

  it('carries markup verbatim as text', () => {
    expect(type(sse('tool_result', { output: MARKUP })).summary).toBe(`tool_result  → "${MARKUP}"`);
    expect(type(ws({ type: 'document_updated', payload: { id: 'doc-1', name: MARKUP } })).summary).toContain(MARKUP);
  });
});
