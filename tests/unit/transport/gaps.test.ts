import { describe, expect, it } from 'vitest';
import { findIdAnomaly } from '../../../lib/transport/gaps';

describe('findIdAnomaly', () => {
  it('accepts consecutive numeric ids and a first id', () => {
    expect(findIdAnomaly('5', '6')).toBeUndefined();
    expect(findIdAnomaly(undefined, '42')).toBeUndefined();
  });

  it('finds a numeric gap and counts what is missing', () => {
    expect(findIdAnomaly('5', '8')).toEqual({ kind: 'gap', from: 5, to: 8, missing: 2, message: 'Gap: ids 6–7 are missing (5 → 8)' });
    expect(findIdAnomaly('5', '7')).toMatchObject({ missing: 1, message: 'Gap: id 6 is missing (5 → 7)' });
  });

  it('finds repeats and replays of numeric ids', () => {
    expect(findIdAnomaly('5', '5')).toEqual({ kind: 'duplicate', id: '5', message: 'Duplicate: id 5 came twice' });
    expect(findIdAnomaly('7', '3')).toMatchObject({ kind: 'duplicate', message: 'Duplicate: id 3 came again after 7' });
  });

  it('only finds immediate repeats of other ids', () => {
    expect(findIdAnomaly('abc', 'abc')).toMatchObject({ kind: 'duplicate', id: 'abc' });
    expect(findIdAnomaly('abc', 'abd')).toBeUndefined();
    expect(findIdAnomaly('5', 'x')).toBeUndefined();
    expect(findIdAnomaly('2024-01-01T00:00:00Z', '2023-01-01T00:00:00Z')).toBeUndefined();
  });

  it('finds nothing around a reset', () => {
    expect(findIdAnomaly('', '9')).toBeUndefined();
    expect(findIdAnomaly('9', '')).toBeUndefined();
  });
});
