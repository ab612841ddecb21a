import { describe, expect, it } from 'vitest';
import { emptyState, foldEvents } from '../../../lib/state/index';
import { TimeTravel } from '../../../lib/state/timetravel';
import { buildEvents } from './arbitraries';
import { endpoint } from './events';

describe('TimeTravel', () => {
  const events = buildEvents(250, 7);

  it('gives the state after events 0..index, from checkpoints', () => {
    const tt = new TimeTravel(16);
    tt.append(events);
    expect(tt.length).toBe(250);
    for (const i of [0, 15, 16, 17, 100, 31, 249, 3]) expect(tt.stateAt(i)).toEqual(foldEvents(emptyState(), events.slice(0, i + 1)));
    expect(tt.latest()).toBe(tt.stateAt(249));
  });

  it('returns the empty state before the first event and clamps past the end', () => {
    const tt = new TimeTravel(4);
    expect(tt.stateAt(0)).toEqual(emptyState());
    tt.append(events.slice(0, 10));
    expect(tt.stateAt(-1)).toEqual(emptyState());
    expect(tt.stateAt(-50)).toEqual(emptyState());
    expect(tt.stateAt(1e9)).toBe(tt.latest());
  });

  it('returns the checkpoint itself at a checkpoint boundary', () => {
    const tt = new TimeTravel(10);
    tt.append(events.slice(0, 20));
    const at9 = tt.stateAt(9);
    tt.append(events.slice(20, 30));
    expect(tt.stateAt(9)).toBe(at9);
  });

  it('counts a connection marker as a step that changes nothing', () => {
    const emit = endpoint('kb', 'kanban');
    const tt = new TimeTravel();
    tt.append([emit('attempt_status', { attemptId: 'a1', status: 'running' }), emit('dropped', undefined, { dir: 'sys' })]);
    expect(tt.length).toBe(2);
    expect(tt.stateAt(1)).toEqual(tt.stateAt(0));
  });

  it('rejects a checkpoint interval that is not a positive integer', () => {
    expect(() => new TimeTravel(0)).toThrow(RangeError);
    expect(() => new TimeTravel(1.5)).toThrow(RangeError);
  });
});
