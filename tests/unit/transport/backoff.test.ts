import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECONNECT_PRESETS, type ReconnectPolicy } from '../../../lib/config/reconnect';
import { nextDelay, shouldGiveUp } from '../../../lib/transport/backoff';

const exact: ReconnectPolicy = { preset: 'custom', baseMs: 1000, factor: 2, maxMs: 30_000, maxAttempts: 5, jitter: 0 };

describe('nextDelay', () => {
  it('grows exponentially from the base', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextDelay(exact, n, 0).delayMs)).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('is capped at maxMs', () => {
    expect(nextDelay(exact, 6, 0).delayMs).toBe(30_000);
    expect(nextDelay(exact, 60, 0).delayMs).toBe(30_000);
    expect(nextDelay(RECONNECT_PRESETS.kanban, 5, 0.5).delayMs).toBe(12_000);
  });

  it('explains itself in plain words', () => {
    expect(nextDelay({ ...exact, jitter: 0.2 }, 3, 0.5).why).toBe('backoff step 3: 4000 ms ±20 %');
    expect(nextDelay(exact, 1, 0.5).why).toBe('backoff step 1: 1000 ms');
  });

  it('stays within the jitter bounds', () => {
    const policy = RECONNECT_PRESETS.forever;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, rand) => {
        const plain = Math.min(policy.baseMs * policy.factor ** (n - 1), policy.maxMs);
        const { delayMs } = nextDelay(policy, n, rand);
        expect(delayMs).toBeGreaterThanOrEqual(Math.floor(plain * 0.8));
        expect(delayMs).toBeLessThanOrEqual(Math.ceil(plain * 1.2));
      }),
    );
    expect(nextDelay(policy, 1, 0).delayMs).toBe(800);
    expect(nextDelay(policy, 1, 0.5).delayMs).toBe(1000);
  });

  it("uses the server's retry as a floor", () => {
    expect(nextDelay(exact, 1, 0, 5000)).toEqual({ delayMs: 5000, why: 'server retry 5000 ms' });
    expect(nextDelay(exact, 5, 0, 5000)).toEqual({ delayMs: 16_000, why: 'backoff step 5: 16000 ms' });
  });

  it('never asks a timer for more than it can hold', () => {
    expect(nextDelay(exact, 1, 0, 1e12).delayMs).toBe(2 ** 31 - 1);
  });
});

describe('shouldGiveUp', () => {
  it('allows maxAttempts retries, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => shouldGiveUp(exact, n))).toEqual([false, false, false, false, false, true]);
  });

  it('never gives up without a maximum', () => {
    expect(shouldGiveUp(RECONNECT_PRESETS.forever, 1_000_000)).toBe(false);
  });
});
