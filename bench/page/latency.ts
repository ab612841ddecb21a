import { connectBackground } from '../../lib/messaging/client';
import type { Commands, LatencyResult } from '../protocol';
import { setEndpoints, sleep } from './endpoints';

/** Time for the subscription's `welcome` to arrive before the stream starts. */
const SUBSCRIBE_MS = 500;
/** Time for the last events in flight to arrive after the stream stops. */
const TAIL_MS = 500;

/**
 * Subscribes exactly as the panel does (lib/messaging/client.ts) and compares each event's
 * `sentAt` (the source's Date.now() just before it sent the frame) with when the worker
 * received it (`time`), when this page's port handler got it, and the next animation frame,
 * the earliest a panel could paint it. All clocks are this machine's wall clock.
 */
export async function latency({ endpoint, seconds }: Commands['latency']['args']): Promise<LatencyResult> {
  const out: LatencyResult = { toWorker: [], toPage: [], toFrame: [] };
  const link = connectBackground('panel', (m) => {
    if (m.type !== 'events') return;
    const now = Date.now();
    const sent: number[] = [];
    for (const ev of m.events) {
      if (ev.endpointId !== endpoint.id || ev.dir !== 'in') continue;
      const sentAt = (JSON.parse(ev.data) as { sentAt?: unknown }).sentAt;
      if (typeof sentAt !== 'number') continue;
      out.toWorker.push(ev.time - sentAt);
      out.toPage.push(now - sentAt);
      sent.push(sentAt);
    }
    if (sent.length > 0) {
      requestAnimationFrame(() => {
        const painted = Date.now();
        for (const s of sent) out.toFrame.push(painted - s);
      });
    }
  });
  await sleep(SUBSCRIBE_MS);
  await setEndpoints([endpoint]);
  await sleep(seconds * 1000);
  await setEndpoints([]);
  await sleep(TAIL_MS);
  link.close();
  return out;
}
