import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDemoServer, type DemoServer } from '../demo/server';
import { CHROMIUM_PATH } from '../scripts/launch/paths';
import { startAgent, type Agent } from './agent';
import { cpuBetween, sampleProcs } from './procs';
import { captureSection, type CaptureOverhead, type CaptureRun } from './report';
import { loadEndpoint, session } from './setup';

/**
 * Capture overhead: a web page (served here on 127.0.0.1) receives a demo WebSocket sending
 * `rate` messages a second and parses each one, in a tab opened through the DevTools HTTP
 * endpoint (no debugger attached), with page capture off and on by turns. The page's cost is
 * the CPU time of the renderer's main thread (in /proc), where the page, the
 * page hook and its bridge all run, from the page's first message to its last, per message.
 *
 * Alone: `STREAMSCOPE_BENCH=1 npx wxt build && npx tsx bench/capture-overhead.ts [seconds] [rate] [rounds]`.
 */

const PAGE = `<!doctype html><meta charset="utf-8"><title>capture overhead</title><script type="module">
// The run's settings come from the server (a URL opened through /json/new keeps no '&' safely).
const cfg = await (await fetch('/config')).json();
const want = cfg.n;
let n = 0, first = 0, last = 0, sum = 0, posted = false;
const ws = new WebSocket(cfg.ws);
const done = () => {
  if (posted) return;
  posted = true;
  fetch('/done', { method: 'POST', body: JSON.stringify({ n, first, last, sum }) });
};
// What an app does with each message at the least: parse it and use a field.
ws.onmessage = (e) => {
  const now = Date.now();
  if (n === 0) first = now;
  last = now;
  n++;
  try { sum += JSON.stringify(JSON.parse(e.data)).length; } catch { sum++; }
  if (n >= want) { done(); ws.close(); }
};
ws.onclose = done;
</script>`;

/** Serves the page and collects what it reports. */
async function pageServer() {
  let waiting: ((r: { n: number; first: number; last: number }) => void) | undefined;
  let config = { n: 0, ws: '' };
  const server = createServer((req: IncomingMessage, res) => {
    if (req.url === '/config') return void res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(config));
    if (req.method === 'POST' && req.url === '/done') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        res.writeHead(204).end();
        waiting?.(JSON.parse(body) as { n: number; first: number; last: number });
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** Sets the next run's settings; resolves with what the page reports. */
    next: (n: number, ws: string) => {
      config = { n, ws };
      return new Promise<{ n: number; first: number; last: number }>((resolve) => (waiting = resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A renderer's main thread: Chromium names it CrRendererMain on some builds; on others it keeps
 * the executable's name (Linux thread names are cut to 15 characters).
 */
const MAIN_THREADS = new Set(['renderer: CrRendererMain', `renderer: ${path.basename(realpathSync(CHROMIUM_PATH)).slice(0, 15)}`]);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function captureOverhead(agent: Agent, demo: DemoServer, profile: string, opts: { seconds: number; rate: number; size: number; rounds: number }, log: (m: string) => void): Promise<CaptureOverhead> {
  const pages = await pageServer();
  try {
    return await session(agent, profile, async ({ pid, devtools }) => {
      const runs: CaptureRun[] = [];
      for (let round = 0; round < opts.rounds; round++) {
        // Off and on take turns, each going first in alternate rounds (a warmer machine favours neither).
        for (const capture of round % 2 === 0 ? [false, true] : [true, false]) {
          await agent.run({ op: 'capture', origins: capture ? [pages.origin] : [] });
          const expected = opts.rate * opts.seconds;
          const { ep } = loadEndpoint(demo, `capture-${round}-${capture ? 'on' : 'off'}`, opts.rate, opts.size, expected);
          const url = `${pages.origin}/run-${round}-${capture ? 'on' : 'off'}`;
          log(`capture ${capture ? 'on' : 'off'}, round ${round + 1}`);
          const reported = pages.next(expected, ep.url);
          const sampler = sampleProcs(pid, 250);
          const tab = (await (await fetch(`${devtools}/json/new?${url}`, { method: 'PUT' })).json()) as { id: string };
          const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the page did not report in time')), opts.seconds * 6000 + 30_000));
          const r = await Promise.race([reported, timeout]);
          const samples = sampler.stop();
          await fetch(`${devtools}/json/close/${tab.id}`);
          const cpu = cpuBetween(samples, r.first, r.last);
          log(`  busiest: ${cpu.threads.slice(0, 6).map((t) => `${t.thread} ${t.pct.toFixed(0)}%`).join(', ')}`);
          const mainPct = cpu.threads.filter((t) => MAIN_THREADS.has(t.thread)).reduce((sum, t) => sum + t.pct, 0);
          const seconds = (r.last - r.first) / 1000;
          runs.push({ capture, received: r.n, expected, seconds, usPerMessage: ((mainPct / 100) * seconds * 1e6) / Math.max(1, r.n), mainPct, machinePct: cpu.machinePct });
        }
      }
      await agent.run({ op: 'capture', origins: [] });
      const per = (on: boolean) => median(runs.filter((x) => x.capture === on).map((x) => x.usPerMessage));
      return { rate: opts.rate, size: opts.size, runs, ratio: per(true) / per(false) };
    });
  } finally {
    await pages.close();
  }
}

async function main(): Promise<void> {
  const [seconds = 8, rate = 5000, rounds = 2] = process.argv.slice(2).map(Number);
  const demo = await startDemoServer({ port: 0, seed: 1 });
  const agent = await startAgent();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'streamscope-capture-bench-'));
  const log = (m: string) => console.error(`[capture bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
  try {
    const c = await captureOverhead(agent, demo, path.join(tmp, 'profile'), { seconds, rate, size: 200, rounds }, log);
    console.log(captureSection(c).join('\n'));
  } finally {
    await agent.close();
    await demo.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
