import { describe, expect, it } from 'vitest';
import { clampIndex, positionText, resolvePosition, stepTarget } from '../../../lib/stateview/position';

const keys = ['a#1', 'b#1', 'a#2', 'a#3'];
const indexOf = (k: string) => keys.indexOf(k);
const at = (p: Partial<Parameters<typeof resolvePosition>[0]>) =>
  resolvePosition({ live: false, selected: undefined, length: keys.length, indexOf, previous: { index: 0 }, ...p });

describe('time travel position', () => {
  it('follows the newest event while live, whatever is selected', () => {
    expect(at({ live: true, selected: 'b#1' })).toBe(3);
    expect(at({ live: true, length: 0 })).toBe(-1);
  });

  it('stands on the selected event otherwise', () => {
    expect(at({ selected: 'b#1' })).toBe(1);
    expect(at({ selected: 'a#3', previous: { key: 'a#1', index: 0 } })).toBe(3);
  });

  it('keeps the event shown before when nothing is selected or the selection is gone, wherever it moved', () => {
    expect(at({ previous: { key: 'a#2', index: 0 } })).toBe(2);
    expect(at({ selected: 'gone#9', previous: { key: 'b#1', index: 3 } })).toBe(1);
  });

  it('falls back to the index shown before (clamped) when that event is gone too', () => {
    expect(at({ previous: { index: 2 } })).toBe(2);
    expect(at({ selected: 'gone#9', previous: { key: 'gone#8', index: 2 } })).toBe(2);
    expect(at({ selected: 'gone#9', previous: { index: 40 } })).toBe(3);
    expect(at({ selected: 'gone#9', previous: { index: 2 }, length: 0 })).toBe(-1);
  });

  it('steps and jumps within the events', () => {
    expect(stepTarget(2, 'back', 4)).toBe(1);
    expect(stepTarget(0, 'back', 4)).toBe(0);
    expect(stepTarget(2, 'forward', 4)).toBe(3);
    expect(stepTarget(3, 'forward', 4)).toBe(3);
    expect(stepTarget(2, 'start', 4)).toBe(0);
    expect(stepTarget(0, 'end', 4)).toBe(3);
    expect(stepTarget(-1, 'forward', 0)).toBe(-1);
  });

  it('clamps slider values, including junk', () => {
    expect(clampIndex(2.7, 4)).toBe(2);
    expect(clampIndex(Number.NaN, 4)).toBe(0);
    expect(clampIndex(-5, 4)).toBe(0);
    expect(clampIndex(0, 0)).toBe(-1);
  });

  it('shows the position counted from 1', () => {
    expect(positionText(0, 4)).toBe('1 / 4');
    expect(positionText(-1, 0)).toBe('0 / 0');
  });
});
