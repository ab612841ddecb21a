import { describe, expect, it } from 'vitest';
import { newEndpoint } from '../../../lib/config/endpoint';
import { chunkRates, OVERVIEW_BUCKETS, OVERVIEW_SPAN_MS, overviewRows, windowUptime } from '../../../lib/diagnostics/overview';
import type { StreamEvent } from '../../../lib/model/event';
import type { ChunkInfo, EndpointCounters } from '../../../lib/store/schema';
import { endpointStatus } from './fixtures';

const NOW = 1_000_000_000;
const FROM = NOW - OVERVIEW_SPAN_MS;
const BUCKET = OVERVIEW_SPAN_MS / OVERVIEW_BUCKETS;

let cid = 0;
const chunk = (endpointId: string, t0: number, t1: number, received: number): ChunkInfo => ({
  cid: ++cid,
  endpointId,
  firstSeq: 1,
  lastSeq: received,
  count: received,
  t0,
  t1,
  bytes: 0,
  types: {},
  dirs: { in: received, out: 0, sys: 0 },
  invalid: 0,
  gaps: 0,
  duplicates: 0,
  malformed: 0,
});

const status = endpointStatus;

const ev = (endpointId: string, time: number): StreamEvent => ({ endpointId, seq: time, time, dir: 'in', transport: 'sse', data: '{}', size: 2 });

describe('connections overview', () => {
  it('spreads each chunk over the buckets its time span covers, reading only chunks in the window', () => {
    const old = chunk('a', FROM - 60_000, FROM - 30_000, 999);
    const inOne = chunk('a', FROM + 1000, FROM + 2000, 10);
    const across = chunk('b', FROM + BUCKET / 2, FROM + BUCKET * 1.5, 20);
    const rates = chunkRates([old, inOne, across], FROM, NOW, OVERVIEW_BUCKETS);
    expect(rates.get('a')![0]).toBeCloseTo(10);
    expect(rates.get('a')!.reduce((s, n) => s + n, 0)).toBeCloseTo(10);
    expect(rates.get('b')!.slice(0, 2).map((n) => Math.round(n))).toEqual([10, 10]);
    // Chunks are ordered by their last event: the walk stops at the first one before the window.
    const seen: number[] = [];
    const spy = new Proxy([old, inOne], { get: (t, k) => (typeof k === 'string' && /^\d+$/.test(k) && seen.push(Number(k)), Reflect.get(t, k)) });
    chunkRates(spy, FROM, NOW, OVERVIEW_BUCKETS);
    expect(seen).toEqual([1, 0]);
  });

  it('sorts problems first: gave up or invalid, then retrying or overloaded, then broken order, then the rest', () => {
    const configs = ['ok', 'gaps', 'retry', 'dead'].map((id) => newEndpoint({ id, name: id.toUpperCase(), url: `http://x/${id}` }));
    const st = new Map([
      ['ok', status('ok', {})],
      ['gaps', status('gaps', {})],
      ['retry', status('retry', { state: 'backoff', attempt: 3, reason: 'HTTP 503' })],
      ['dead', status('dead', { state: 'given_up', reason: 'HTTP 404 Not Found' })],
      ['ghost', status('ghost', { state: 'given_up', reason: 'Invalid configuration: bad URL' })],
    ]);
    const counters = new Map([['gaps', { gaps: 2, duplicates: 0, malformed: 1 } as EndpointCounters]]);
    const rows = overviewRows({ configs, status: st, counters, chunks: [], tail: new Map(), now: NOW });
    expect(rows.map((r) => [r.endpointId, r.severity])).toEqual([
      ['dead', 0],
      ['ghost', 0],
      ['retry', 1],
      ['gaps', 2],
      ['ok', 3],
    ]);
    expect(rows[0]).toMatchObject({ name: 'DEAD', state: 'given_up', problem: 'HTTP 404 Not Found' });
    expect(rows[1]).toMatchObject({ name: 'ghost', problem: 'Invalid configuration: bad URL' });
    expect(rows[2]).toMatchObject({ failing: 3, problem: 'HTTP 503' });
    expect(rows[3]!.problem).toBe('3 gaps, duplicates or malformed frames stored');
    expect(rows[4]!.problem).toBeUndefined();
  });

  it('adds the live tail to the stored chunks in the rate', () => {
    const configs = [newEndpoint({ id: 'a', name: 'A', url: 'http://x/a' })];
    const rows = overviewRows({
      configs,
      status: new Map(),
      counters: new Map(),
      chunks: [chunk('a', NOW - 5000, NOW - 4000, 4)],
      tail: new Map([['a', [ev('a', NOW - 1000), ev('a', NOW - 500)]]]),
      now: NOW,
    });
    expect(rows[0]!.rate).toHaveLength(OVERVIEW_BUCKETS);
    expect(rows[0]!.rate[OVERVIEW_BUCKETS - 1]).toBeCloseTo(6);
    expect(rows[0]!.state).toBe('idle');
  });

  it('measures uptime over the window from the stored attempts', () => {
    expect(windowUptime([], FROM, NOW)).toEqual({ attempts: 0 });
    // Open the whole window on one attempt that began before it.
    expect(windowUptime([{ startedAt: FROM - 5000, openedAt: FROM - 4000 }], FROM, NOW)).toEqual({ share: 1, attempts: 0 });
    // Half the window down: one attempt ended at the middle, the next failed, the last is open for the final quarter.
    const mid = FROM + OVERVIEW_SPAN_MS / 2;
    const quarter = NOW - OVERVIEW_SPAN_MS / 4;
    const up = windowUptime(
      [
        { startedAt: FROM - 1000, openedAt: FROM - 900, endedAt: mid },
        { startedAt: mid + 1000, endedAt: mid + 2000 },
        { startedAt: quarter - 10, openedAt: quarter },
      ],
      FROM,
      NOW,
    );
    expect(up.share).toBeCloseTo(0.75);
    expect(up.attempts).toBe(2);
    // History shorter than the window: only the known part counts.
    expect(windowUptime([{ startedAt: NOW - 60_000, openedAt: NOW - 30_000 }], FROM, NOW).share).toBeCloseTo(0.5);
  });
});
