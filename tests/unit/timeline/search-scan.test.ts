import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../lib/timeline/filter';
import { scanChunks, type ScanProgress } from '../../../lib/timeline/search-scan';
import { compileStoredFilter } from '../../../lib/timeline/stored-filter';
import { events, FakeStore } from '../panel/fake-store';

/** Ten chunks of 100 events; every event of chunk 3 is `rare`, the others `odd`/`even`. */
function store(): FakeStore {
  const s = new FakeStore();
  for (let i = 0; i < 10; i++) s.add(events('a', 1 + i * 100, 100, i === 3 ? () => 'rare' : undefined));
  return s;
}

async function scan(s: FakeStore, filter: Partial<typeof EMPTY_FILTER>, opts: { cancelAfter?: number; reportMs?: number } = {}) {
  const reports: ScanProgress[] = [];
  let clock = 0;
  await scanChunks(await s.readChunkIndex(), compileStoredFilter({ filter: { ...EMPTY_FILTER, ...filter }, pins: [], families: {} }), {
    read: (cid) => s.readChunk(cid),
    report: (p) => reports.push(p),
    cancelled: () => opts.cancelAfter !== undefined && s.reads.length >= opts.cancelAfter,
    reportMs: opts.reportMs ?? 0,
    now: () => clock++,
  });
  return reports;
}

describe('scanChunks', () => {
  it('searches newest first, reads only chunks whose summary can match, and reports (cid, offset) matches with progress', async () => {
    const s = store();
    const reports = await scan(s, { types: ['rare'] });
    expect(s.reads).toEqual([4]);
    const found = reports.flatMap((r) => r.found);
    expect(found).toEqual([{ cid: 4, offsets: Array.from({ length: 100 }, (_, i) => i) }]);
    expect(reports.at(-1)).toMatchObject({ searched: 1000, total: 1000, done: true });
    expect(reports.map((r) => r.searched)).toEqual([...reports.map((r) => r.searched)].sort((a, b) => a - b));
  });

  it('finds text in every chunk, newest chunk first', async () => {
    const s = store();
    const reports = await scan(s, { text: '"n":150}' });
    expect(s.reads).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(reports.flatMap((r) => r.found)).toEqual([{ cid: 2, offsets: [49] }]);
  });

  it('stops when cancelled, without a final report', async () => {
    const s = store();
    const reports = await scan(s, { text: 'x' }, { cancelAfter: 3 });
    expect(s.reads).toHaveLength(3);
    expect(reports.some((r) => r.done)).toBe(false);
  });
});
