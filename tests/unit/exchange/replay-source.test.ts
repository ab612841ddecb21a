import { describe, expect, it } from 'vitest';
import { loadReplayEvents } from '../../../lib/exchange/replay-source';
import { freshDb, record, timeline } from './helpers';

describe('loadReplayEvents', () => {
  it('reads one endpoint within a time range, in sequence order', async () => {
    const db = await freshDb();
    const t0 = 5_000;
    await record(db, timeline(t0), { maxBatch: 2 });
    expect((await loadReplayEvents(db, 'ep-plans')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect((await loadReplayEvents(db, 'ep-plans', { from: t0 + 10, to: t0 + 25 })).map((e) => e.time - t0)).toEqual([10, 25]);
    expect((await loadReplayEvents(db, 'ep-board', { from: t0 + 16 })).map((e) => e.time - t0)).toEqual([20, 30]);
    expect(await loadReplayEvents(db, 'nope')).toEqual([]);
  });
});
