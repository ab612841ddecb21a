import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectionSent, ingestFigures, type Series } from '../../../bench/analyze';
import type { IngestResult } from '../../../bench/protocol';
import { StatsBook } from '../../../demo/stats';

const KEY = '/ws?bench=ingest-20000';
const T0 = Date.UTC(2026, 0, 1);

/** One demo connection on `KEY` opened at `at` ms that sends `events` frames over `ms`, polled every 100 ms. */
function run(book: StatsBook, at: number, events: number, ms: number, n: number): Series {
  vi.setSystemTime(T0 + at);
  const conn = book.open(KEY, 'ws', 0);
  const series: Series = [];
  const step = events / (ms / 100);
  for (let t = 100, id = 0; t <= ms; t += 100) {
    conn.sent(id + 1, id + step);
    id += step;
    series.push([T0 + at + t, connectionSent(book.snapshot(), KEY, n).events]);
  }
  conn.close('count');
  return series;
}

const stored = (from: number, events: number, ms: number): IngestResult => ({
  samples: [[T0 + from, 0], [T0 + from + ms, events]],
  storedIn: events,
  markers: {},
  chunks: 1,
  maxChunkEvents: events,
});

describe('ingest figures', () => {
  afterEach(() => vi.useRealTimers());

  it('count only the run\'s own connection when an earlier run used the same stream key', () => {
    vi.useFakeTimers();
    const book = new StatsBook();
    run(book, 0, 60_000, 3000, 1);
    // A later session, minutes on, ingests at the same rate: same key, the demo's connection 2.
    const later = 600_000;
    const sent = run(book, later, 60_000, 3000, 2);

    const stats = book.snapshot();
    expect(stats.streams[KEY]?.events).toBe(120_000); // the key's total spans both runs
    const mine = connectionSent(stats, KEY, 2);
    expect(mine).toEqual({ events: 60_000, startedAt: T0 + later });

    const f = ingestFigures(mine.startedAt!, sent, stored(later, 60_000, 3000));
    expect(f.sent).toBe(60_000);
    expect(f.sentPerS).toBeCloseTo(20_000, -2);
    expect(f.storedPerS).toBeCloseTo(20_000, -2);
    expect(f.loss).toBe(0);
  });

  it('find nothing for a connection that never opened', () => {
    const book = new StatsBook();
    expect(connectionSent(book.snapshot(), KEY, 1)).toEqual({ events: 0 });
    book.open(KEY, 'ws', 0);
    expect(connectionSent(book.snapshot(), KEY, 2)).toEqual({ events: 0 });
  });
});
