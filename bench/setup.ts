import path from 'node:path';
import { newEndpoint, type EndpointConfig } from '../lib/config/endpoint';
import type { DemoServer } from '../demo/server';
import { streamEvents } from '../demo/streams';
import { ROOT } from '../scripts/launch/paths';
import type { Agent } from './agent';
import { launchChromium, type Browser } from './browser';

export const EXT = path.join(ROOT, '.output/bench/chrome-mv3');
const CALIBRATION_EVENTS = 50_000;

/** Never reconnect within a run: a reconnect would start the stream again at frame 1. */
const ONCE = { preset: 'custom', baseMs: 600_000, factor: 1, maxMs: 600_000, maxAttempts: 1, jitter: 0 } as const;

export const endpoint = (id: string, url: string, enabled = true): EndpointConfig =>
  newEndpoint({ id, name: id, url, enabled, reconnect: ONCE, retention: { maxEvents: 100_000_000, maxAgeDays: 3650 } });

/**
 * The demo's `rate` knob multiplies a stream's natural pace (about one event a second), so the
 * knob for `perSecond` real events/s is read off the stream's own schedule.
 */
export function rateKnob(stream: string, perSecond: number): number {
  let last = 0;
  let n = 0;
  for (const e of streamEvents(stream, { seed: 1 })) {
    last = e.at;
    if (++n >= CALIBRATION_EVENTS) break;
  }
  return perSecond / (n / (last / 1000));
}

/** A demo `/ws` endpoint sending `count` events of `size` bytes at `perSecond`, on its own stream key. */
export function loadEndpoint(demo: DemoServer, name: string, perSecond: number, size: number, count: number): { ep: EndpointConfig; stream: string; knob: number } {
  const stream = `/ws?bench=${name}`;
  const knob = rateKnob(stream, perSecond);
  return { ep: endpoint(`bench-${name}`, `${demo.wsUrl}${stream}&rate=${knob.toFixed(1)}&size=${size}&count=${count}`), stream, knob };
}

/** Runs `work` against a Chromium with the bench page open on `profile`, then quits it. */
export async function session<T>(agent: Agent, profile: string, work: (b: Browser) => Promise<T>): Promise<T> {
  const hello = agent.hello();
  const browser = await launchChromium({ ext: EXT, profile, page: `bench.html?agent=${agent.port}`, reported: hello });
  try {
    await hello;
    return await work(browser);
  } finally {
    await browser.quit();
  }
}
