import { describe, expect, it } from 'vitest';
import { compileFilter, EMPTY_FILTER, type FilterScope, type TimelineFilter } from '../../../lib/timeline/filter';
import { ev, typed } from './fixtures';

const scope: FilterScope = { pins: new Set() };
const passes = (f: Partial<TimelineFilter>, e = ev({ seq: 1 }), t = typed(), s = scope): boolean => {
  const c = compileFilter({ ...EMPTY_FILTER, ...f }, s);
  return c.base(e, t) && c.type(t);
};

describe('timeline filter', () => {
  it('lets everything through when empty', () => {
    expect(passes({})).toBe(true);
    expect(compileFilter(EMPTY_FILTER, scope).errors).toEqual({});
  });

  it('endpoints', () => {
    expect(passes({ endpoints: ['a', 'b'] }, ev({ seq: 1, endpointId: 'b' }))).toBe(true);
    expect(passes({ endpoints: ['a'] }, ev({ seq: 1, endpointId: 'c' }))).toBe(false);
  });

  it('types, kept apart from the other filters for counting', () => {
    const c = compileFilter({ ...EMPTY_FILTER, types: ['task_update'] }, scope);
    expect(c.type(typed({ type: 'task_update' }))).toBe(true);
    expect(c.type(typed({ type: 'pong' }))).toBe(false);
    expect(c.base(ev({ seq: 1 }), typed({ type: 'pong' }))).toBe(true);
  });

  it('categories', () => {
    expect(passes({ categories: ['error'] }, undefined, typed({ category: 'error' }))).toBe(true);
    expect(passes({ categories: ['error', 'log'] }, undefined, typed({ category: 'data' }))).toBe(false);
  });

  it('direction', () => {
    expect(passes({ dirs: ['out'] }, ev({ seq: 1, dir: 'out' }))).toBe(true);
    expect(passes({ dirs: ['in', 'out'] }, ev({ seq: 1, dir: 'sys' }))).toBe(false);
  });

  it('invalid only', () => {
    expect(passes({ invalidOnly: true }, undefined, typed({ issues: [{ path: 'a', message: 'Required' }] }))).toBe(true);
    expect(passes({ invalidOnly: true })).toBe(false);
  });

  it('pinned only', () => {
    const pins: FilterScope = { pins: new Set(['a#2']) };
    expect(passes({ pinnedOnly: true }, ev({ seq: 2 }), typed(), pins)).toBe(true);
    expect(passes({ pinnedOnly: true }, ev({ seq: 3 }), typed(), pins)).toBe(false);
  });

  it('clear view hides what came at or before the cut', () => {
    const cut: FilterScope = { pins: new Set(), after: 1_005 };
    expect(passes({}, ev({ seq: 5 }), typed(), cut)).toBe(false);
    expect(passes({}, ev({ seq: 6 }), typed(), cut)).toBe(true);
  });

  it('free text: data, type or summary, ignoring case, regex characters literal', () => {
    const e = ev({ seq: 1, data: '{"msg":"Deploy (prod) FAILED"}' });
    expect(passes({ text: 'failed' }, e)).toBe(true);
    expect(passes({ text: '(prod)' }, e)).toBe(true);
    expect(passes({ text: 'd.ploy' }, e)).toBe(false);
    expect(passes({ text: 'heartbeat' }, ev({ seq: 1 }), typed({ type: 'heartbeat' }))).toBe(true);
    expect(passes({ text: 'card c-12' }, ev({ seq: 1 }), typed({ summary: 'attempt_status  card c-12 → running' }))).toBe(true);
  });

  it('regex', () => {
    const e = ev({ seq: 1, data: '{"id":"job-42"}' });
    expect(passes({ text: 'job-\\d+', regex: true }, e)).toBe(true);
    expect(passes({ text: '^x', regex: true }, e)).toBe(false);
  });

  it('a bad regex is reported, not thrown, and does not filter', () => {
    const c = compileFilter({ ...EMPTY_FILTER, text: 'a(b', regex: true }, scope);
    expect(c.errors.text).toMatch(/./);
    expect(c.base(ev({ seq: 1 }), typed())).toBe(true);
  });

  it('field query on nested paths, errors reported', () => {
    const t = typed({ payload: { payload: { status: 'failed', task: { id: 't1' } } } });
    expect(passes({ field: 'payload.status=failed' }, undefined, t)).toBe(true);
    expect(passes({ field: 'payload.task.id~T1' }, undefined, t)).toBe(true);
    expect(passes({ field: 'payload.status!=failed' }, undefined, t)).toBe(false);
    const bad = compileFilter({ ...EMPTY_FILTER, field: 'a..b=1' }, scope);
    expect(bad.errors.field).toMatch(/segment/);
    expect(bad.base(ev({ seq: 1 }), t)).toBe(true);
  });

  it('combines every filter', () => {
    const e = ev({ seq: 1, endpointId: 'b', dir: 'in', data: '{"x":"needle"}' });
    const t = typed({ type: 't', category: 'log', payload: { x: 'needle' } });
    const all: Partial<TimelineFilter> = { endpoints: ['b'], types: ['t'], categories: ['log'], dirs: ['in'], text: 'needle', field: 'x=needle' };
    expect(passes(all, e, t)).toBe(true);
    expect(passes({ ...all, dirs: ['out'] }, e, t)).toBe(false);
  });
});
