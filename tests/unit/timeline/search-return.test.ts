import { describe, expect, it } from 'vitest';
import { SearchReturn, type Place } from '../../../lib/timeline/search-return';

const rows = new Map([
  ['a#10', 10],
  ['a#500', 500],
]);
const rowOf = (k: string) => rows.get(k) ?? -1;

/** A search typed at `place`, then cleared. */
function searched(place: Place): SearchReturn {
  const r = new SearchReturn();
  r.observe('', () => ({ live: true }));
  r.observe('error', () => place);
  r.observe('error!', () => ({ key: 'a#10' })); // refining the search keeps the first place
  r.observe('', () => ({ key: 'a#10' }));
  return r;
}

describe('back from a search', () => {
  it('goes back to the row that was at the top before the search', () => {
    const r = searched({ key: 'a#500' });
    expect(r.take(undefined, rowOf, true)).toEqual({ row: 500 });
    expect(r.take(undefined, rowOf, true)).toBeUndefined(); // once
  });

  it('goes back to the live edge when the list was following it', () => {
    expect(searched({ live: true }).take(undefined, rowOf, true)).toEqual({ live: true });
  });

  it('shows the selected row in the full list, whatever the place before', () => {
    expect(searched({ live: true }).take('a#10', rowOf, true)).toEqual({ row: 10 });
  });

  it('waits for a row the list is still looking for, and falls back to the live edge if it is gone', () => {
    const r = searched({ key: 'a#77' });
    expect(r.take(undefined, rowOf, false)).toBeUndefined();
    expect(r.take(undefined, rowOf, true)).toEqual({ live: true });
  });

  it('does nothing while no search ended', () => {
    const r = new SearchReturn();
    r.observe('', () => ({ key: 'a#10' }));
    expect(r.take('a#10', rowOf, true)).toBeUndefined();
    r.observe('x', () => ({ key: 'a#10' }));
    expect(r.take('a#10', rowOf, true)).toBeUndefined();
  });
});
