import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startDemoServer } from '../demo/server';
import { ROOT } from '../scripts/launch/paths';
import { startAgent } from './agent';
import { parseFlags } from './flags';
import { EXT, loadEndpoint, session } from './setup';

/**
 * Diagnostic, not part of `npm run bench`: a CPU profile of the service worker while it ingests
 * at --rate. It attaches a DevTools session to the worker with only the Profiler domain on;
 * WebSocket frames go to DevTools only when the Network domain is on, so the stream keeps its
 * speed (sent/s is printed to check against the bench). Writes bench-results/worker.cpuprofile
 * (DevTools → Performance → Load profile) and prints the functions with the most self time.
 */

const OUT = path.join(ROOT, 'bench-results/worker.cpuprofile');
const WARMUP_MS = 2000;
const SAMPLE_US = 200;
const TOP = 15;

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The smallest DevTools protocol client: flat sessions, one call at a time in flight per caller. */
async function devtools(url: string) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 0;
  const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  return {
    send: <T>(method: string, params: object = {}, sessionId?: string) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result as T)));
        ws.send(JSON.stringify({ id, method, params, sessionId }));
      }),
    close: () => ws.close(),
  };
}

/** Self time per function; minified names mean little, so each comes with its source text. */
function topFunctions(p: Profile): string[] {
  const source = readFileSync(path.join(EXT, 'background.js'), 'utf8').split('\n');
  const self = new Map<number, number>();
  p.samples.forEach((node, i) => self.set(node, (self.get(node) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  let busy = 0;
  for (const { id, callFrame: f } of p.nodes) {
    const us = self.get(id) ?? 0;
    if (f.functionName === '(idle)') continue;
    busy += us;
    const where = f.url.endsWith('background.js') ? ` ${source[f.lineNumber]?.slice(f.columnNumber, f.columnNumber + 90) ?? ''}` : '';
    const key = `${f.functionName || '(anonymous)'}${where}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  return [...byFn]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([fn, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${fn}`);
}

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2));
  const demo = await startDemoServer({ port: 0, seed: 1 });
  const agent = await startAgent();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'streamscope-profile-'));
  try {
    await session(agent, tmp, async (b) => {
      await agent.run({ op: 'endpoints', list: [] });
      const { webSocketDebuggerUrl } = (await (await fetch(`${b.devtools}/json/version`)).json()) as { webSocketDebuggerUrl: string };
      const targets = (await (await fetch(`${b.devtools}/json/list`)).json()) as { id: string; type: string }[];
      const worker = targets.find((t) => t.type === 'service_worker');
      if (!worker) throw new Error('the extension worker is not running');
      const cdp = await devtools(webSocketDebuggerUrl);
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: worker.id, flatten: true });
      await cdp.send('Profiler.enable', {}, sessionId);
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US }, sessionId);

      const expect = f.rate * f.seconds;
      const { ep, stream } = loadEndpoint(demo, 'profile', f.rate, f.size, expect);
      const sent = () => demo.stats().streams[stream]?.events ?? 0;
      const ingest = agent.run({ op: 'ingest', endpoint: ep, expect, timeoutMs: f.seconds * 6000 + 60_000 });
      await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
      const [t0, s0] = [Date.now(), sent()];
      await cdp.send('Profiler.start', {}, sessionId);
      await new Promise((resolve) => setTimeout(resolve, (f.seconds * 1000) / 2));
      const { profile } = await cdp.send<{ profile: Profile }>('Profiler.stop', {}, sessionId);
      const perS = ((sent() - s0) / (Date.now() - t0)) * 1000;
      cdp.close();
      const stored = (await ingest).storedIn;
      mkdirSync(path.dirname(OUT), { recursive: true });
      writeFileSync(OUT, JSON.stringify(profile));
      console.log(`Service worker while the demo sent ${Math.round(perS)} events/s (asked ${f.rate}); ${stored} of ${expect} stored. Self time:`);
      console.log(topFunctions(profile).join('\n'));
      console.log(`Profile: ${OUT}`);
    });
  } finally {
    await agent.close();
    await demo.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
