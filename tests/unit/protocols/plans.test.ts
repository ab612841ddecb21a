import { describe, expect, it } from 'vitest';
import { typeEvent } from '../../../lib/protocols';
import { MARKUP, sse } from '../../fixtures/protocols/build';
import { PLANS } from '../../fixtures/protocols/plans';

const type = (ev: Parameters<typeof typeEvent>[0]) => typeEvent(ev, 'plans');

describe('plans profile', () => {
  it('summarises plan events', () => {
    expect(type(PLANS['plan.state.changed']!.valid[0]!)).toMatchObject({
      category: 'data',
      summary: 'plan.state.changed  plan p-3 → awaiting_approval',
      entities: [{ kind: 'plan', id: 'p-3' }],
    });
    expect(type(PLANS['plan.created']!.valid[0]!).summary).toBe('plan.created  plan p-3 "Migrate the billing tables" (draft)');
    expect(type(PLANS['plan.log.new']!.valid[0]!)).toMatchObject({
      category: 'log',
      summary: 'plan.log.new  plan p-3 "Step 1/4: Inventory current usage - pending"',
    });
  });

  it('marks failed plans as errors', () => {
    expect(type(PLANS['plan.state.changed']!.valid[1]!).category).toBe('error');
  });

  it('reports invalid states and times', () => {
    expect(type(sse('plan.state.changed', { plan_id: 'p-3', state: 'paused' })).issues).toEqual([
      {
        path: 'state',
        message: 'Invalid option: expected one of "draft"|"awaiting_approval"|"approved"|"running"|"completed"|"failed"',
      },
    ]);
    expect(type(PLANS['plan.created']!.invalid[0]!.event).issues).toEqual([{ path: 'created_at', message: 'Invalid ISO datetime' }]);
  });

  it('keeps unknown plan events as unknown', () => {
    expect(type(sse('plan.deleted', { id: 'p-3' }))).toMatchObject({ known: false, issues: [], category: 'data' });
  });

  it('flags data that is not JSON', () => {
    expect(type(sse('plan.log.new', 'Step 1')).issues[0]?.message).toMatch(/^data is not valid JSON: /);
  });

  it('truncates long log entries and carries markup as text', () => {
    const long = type(sse('plan.log.new', { plan_id: 'p-3', id: 'l', entry: `${MARKUP} ${'word '.repeat(100)}`, created_at: '2024-05-01T10:00:00Z' }));
    expect(long.summary.startsWith(`plan.log.new  plan p-3 "${MARKUP} word`)).toBe(true);
    expect(long.summary.endsWith('…"')).toBe(true);
    expect(long.summary.length).toBeLessThan(120);
  });
});
