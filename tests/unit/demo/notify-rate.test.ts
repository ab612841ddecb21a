import { describe, expect, it } from 'vitest';
import { streamEvents } from '../../../demo/streams';
import { demoEndpoints } from '../../../lib/config/demo-endpoints';
import { matchEvent } from '../../../lib/notify/rules';

const TEN_MINUTES = 10 * 60_000;

/** Events of a demo endpoint's first ten minutes (at rate 1) that its default rules notify about. */
function notificationsIn10Minutes(url: string, transport: 'sse' | 'ws', rules: Parameters<typeof matchEvent>[1], seed: number): number {
  const u = new URL(url);
  let seq = 0;
  let matched = 0;
  for (const d of streamEvents(u.pathname + u.search, { seed })) {
    if (d.at > TEN_MINUTES) break;
    const data = JSON.stringify(d.data);
    const ev = { endpointId: 'x', seq: ++seq, time: d.at, dir: 'in' as const, transport, name: d.name, data, size: data.length };
    if (matchEvent(ev, rules)) matched += 1;
  }
  return matched;
}

describe('the demo notifies at a plausible rate', () => {
  for (const seed of [1, 7]) {
    it(`seed ${seed}: no endpoint notifies more than about once a minute; the whole demo 10 to 60 times in 10 minutes`, () => {
      let total = 0;
      for (const ep of demoEndpoints()) {
        if (ep.notify.length === 0) continue;
        const n = notificationsIn10Minutes(ep.url, ep.transport, ep.notify, seed);
        expect(n, ep.id).toBeLessThanOrEqual(15);
        total += n;
      }
      // It was 310 (a notification every two seconds) before the demo was calmed down.
      expect(total).toBeLessThan(60);
      expect(total).toBeGreaterThanOrEqual(10);
    });
  }
});
