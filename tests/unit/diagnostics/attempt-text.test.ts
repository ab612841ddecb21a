import { describe, expect, it } from 'vitest';
import { describeAttempt } from '../../../lib/diagnostics/attempt-text';
import type { AttemptRow } from '../../../lib/store/schema';
import { formatClock } from '../../../lib/format/units';

const t0 = new Date(2024, 4, 6, 12, 0, 0, 0).getTime();
const row = (p: Partial<AttemptRow>): AttemptRow => ({ endpointId: 'a', n: 1, startedAt: t0, ...p });

describe('attempt words', () => {
  it('an attempt that opened and later dropped, with the chosen delay', () => {
    const a = describeAttempt(
      row({ openedAt: t0 + 120, endedAt: t0 + 65_120, outcome: 'close 1006 (abnormal closure)', closeCode: 1006, delayMs: 2_400, delayWhy: 'backoff step 2: 2000 ms ±20 %', lastEventIdSent: '41' }),
      false,
    );
    expect(a).toMatchObject({
      started: formatClock(t0),
      toOpen: '120 ms',
      code: 'close 1006',
      outcome: 'close 1006 (abnormal closure) (after 1 min 05 s open)',
      delay: '2.4 s',
      delayWhy: 'backoff step 2: 2000 ms ±20 %',
      lastEventId: '41',
      tone: 'ok',
    });
  });

  it('an HTTP failure that never opened', () => {
    const a = describeAttempt(row({ endedAt: t0 + 30, outcome: 'HTTP 503 Service Unavailable', httpStatus: 503, delayMs: 5_000, delayWhy: 'server retry 5000 ms' }), true);
    expect(a).toMatchObject({ toOpen: '—', code: 'HTTP 503', outcome: 'HTTP 503 Service Unavailable', delay: '5.0 s', lastEventId: 'none', tone: 'failed' });
  });

  it('only the newest attempt can still be under way', () => {
    expect(describeAttempt(row({}), true)).toMatchObject({ outcome: 'connecting…', tone: 'pending', delay: '—' });
    expect(describeAttempt(row({}), false)).toMatchObject({ outcome: 'no ending recorded', tone: 'failed' });
    expect(describeAttempt(row({ openedAt: t0 + 5, outcome: 'open' }), true)).toMatchObject({ outcome: 'open', tone: 'ok' });
  });

  it('server-chosen text is clipped to one line', () => {
    const a = describeAttempt(row({ endedAt: t0 + 1, outcome: `close 4000 (application): ${'y'.repeat(400)}\nmore`, lastEventIdSent: 'z'.repeat(300) }), true);
    expect(a.outcome.length).toBeLessThanOrEqual(200);
    expect(a.outcome).not.toContain('\n');
    expect(a.lastEventId.length).toBeLessThanOrEqual(80);
  });
});
