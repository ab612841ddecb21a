import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemoServer, type DemoServer } from '../demo/server';
import { CHROMIUM_PATH, ROOT } from '../scripts/launch/paths';
import { startAgent, type Agent } from './agent';
import { connectionSent, ingestFigures, type Series } from './analyze';
import { parseFlags, type Flags } from './flags';
import { cpuBetween, sampleProcs } from './procs';
import { renderReport, type BigStore, type IngestRun, type Results } from './report';
import { captureOverhead } from './capture-overhead';
import { endpoint, EXT, loadEndpoint, session } from './setup';
import { startStampedSource } from './stamped-source';
import { typingCosts, typingSection } from './typing';

const OUT = path.join(ROOT, 'bench-results/latest.md');
const SENT_POLL_MS = 100;

async function ingestRun(agent: Agent, demo: DemoServer, pid: number, f: Flags, rate: number): Promise<IngestRun> {
  const expect = rate * f.seconds;
  const { ep, stream, knob } = loadEndpoint(demo, `ingest-${rate}`, rate, f.size, expect);
  // Session 1 and the full store both ingest at --rate, on one key: count this run's connection only.
  const n = (demo.stats().streams[stream]?.connections ?? 0) + 1;
  const mine = () => connectionSent(demo.stats(), stream, n);
  const sent: Series = [];
  const poll = setInterval(() => sent.push([Date.now(), mine().events]), SENT_POLL_MS);
  const sampler = sampleProcs(pid);
  const r = await agent.run({ op: 'ingest', endpoint: ep, expect, timeoutMs: f.seconds * 6000 + 60_000 });
  const procs = sampler.stop();
  clearInterval(poll);
  const { events, startedAt } = mine();
  sent.push([Date.now(), events]);
  if (startedAt === undefined) throw new Error(`the background never connected to ${ep.url}`);
  const figures = ingestFigures(startedAt, sent, r);
  return {
    rate,
    knob,
    figures,
    overloaded: (r.markers.overloaded ?? 0) > 0,
    workerRestarts: r.markers.worker_started ?? 0,
    chunks: r.chunks,
    maxChunkEvents: r.maxChunkEvents,
    memory: { extensionRssMb: procs.maxExtensionRssMb, rssMb: procs.maxRssMb, pssMb: procs.maxPssMb },
    cpu: cpuBetween(procs, figures.sendStart, figures.sendEnd),
  };
}

/** Bytes of the extension origin's IndexedDB (LevelDB files and the blob files of large values). */
function indexedDbBytes(profile: string, extId: string): number {
  const dir = path.join(profile, 'Default/IndexedDB');
  const mine = readdirSync(dir).filter((d) => d.includes(extId)).map((d) => path.join(dir, d));
  const out = execFileSync('du', ['-sb', ...mine], { encoding: 'utf8' });
  return out.split('\n').reduce((sum, line) => sum + (Number(line.split('\t')[0]) || 0), 0);
}

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2));
  if (!existsSync(path.join(EXT, 'bench.html'))) throw new Error(`${EXT} has no bench page: build it with STREAMSCOPE_BENCH=1 wxt build (npm run bench does)`);
  const demo = await startDemoServer({ port: 0, seed: 1 });
  const stamped = await startStampedSource(f.latencyRate, f.size);
  const agent = await startAgent();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'streamscope-bench-'));
  const log = (m: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
  try {
    log('session 1: ingest, latency, layout, stages');
    const first = await session(agent, path.join(tmp, 'live'), async ({ pid }) => {
      await agent.run({ op: 'endpoints', list: [] });
      const ingest: IngestRun[] = [];
      for (const rate of [f.rate, f.rate2]) {
        log(`ingest at ${rate}/s`);
        ingest.push(await ingestRun(agent, demo, pid, f, rate));
      }
      log('latency');
      const latency = await agent.run({ op: 'latency', endpoint: endpoint('bench-latency', stamped.url), seconds: f.latencySeconds });
      log('layout');
      const layout = await agent.run({ op: 'layout', events: f.layoutEvents, batch: f.batch, size: f.size });
      log('stages');
      // Twice the asked rate, so the receive figure is the ceiling, not the demo's pace.
      const expect = Math.round((f.rate * f.seconds) / 2);
      const wsUrl = loadEndpoint(demo, 'stages', 2 * f.rate, f.size, expect).ep.url;
      const stages = await agent.run({ op: 'stages', wsUrl, expect, chunkSizes: [f.batch, 5000, 20_000], events: 100_000 });
      log(`panel open while streaming ${f.panelRate}/s for ${f.panelSeconds} s`);
      const load = loadEndpoint(demo, 'panel-load', f.panelRate, f.size, f.panelRate * f.panelSeconds).ep;
      const panelLoad = await agent.run({ op: 'panelLoad', endpoint: load, seconds: f.panelSeconds });
      return { ingest, latency, layout, stages, panelLoad };
    });

    const bigProfile = path.join(tmp, 'big');
    const fillEp = endpoint('bench-fill', `${demo.wsUrl}/ws?bench=fill`, false);
    log(`session 2: fill ${f.fill} events`);
    const fill = await session(agent, bigProfile, () => agent.run({ op: 'fill', endpoint: fillEp, events: f.fill, chunk: f.fillChunk, kind: 'noise' }));
    log('session 3: open the panel on the full store, time travel, ingest with it stored');
    const big: BigStore = await session(agent, bigProfile, async ({ extId, pid }) => {
      log('panel opens');
      const panel = await agent.run({ op: 'panel', runs: f.repeats });
      log('newest-page reads');
      const read = await agent.run({ op: 'read', runs: f.repeats, limit: 1000 });
      log('time travel');
      const travel = await agent.run({ op: 'travel', endpointId: fillEp.id, runs: f.repeats, jumps: f.jumps });
      log('search');
      // Events 7 and 12,345 are among the first: the search has to reach the far end of the store.
      // A lone 7 is a word in most noise chunks, 12345 in one: the word filters skip chunks for the second only.
      const search = await agent.run({ op: 'search', n: [7, Math.min(12_345, f.fill - 1)], type: 'notification' });
      log('every chunk read, and decoded');
      const readAll = await agent.run({ op: 'readAll' });
      const diskBytes = indexedDbBytes(bigProfile, extId);
      log(`ingest at ${f.rate}/s with the store full`);
      return { fill, panel, read, travel, search, readAll, diskBytes, ingest: await ingestRun(agent, demo, pid, f, f.rate) };
    });
    log(`session 4: disk per realistic event, search over them (${f.realistic} events)`);
    const realProfile = path.join(tmp, 'realistic');
    const realEp = endpoint('bench-realistic', `${demo.wsUrl}/ws?bench=realistic`, false);
    const realistic = await session(agent, realProfile, async ({ extId }) => ({
      fill: await agent.run({ op: 'fill', endpoint: realEp, events: f.realistic, chunk: f.fillChunk, kind: 'realistic' }),
      diskBytes: indexedDbBytes(realProfile, extId),
      // Event 7's id: a rare literal in data that compresses like real JSON, at the far end of the store.
      search: await agent.run({ op: 'search', n: [7], by: 'id' }),
    }));

    log(`session 4b: disk per realistic event written one per flush (${f.slow} events)`);
    const slowProfile = path.join(tmp, 'slow');
    const slow = await session(agent, slowProfile, async ({ extId }) => {
      const slowFill = await agent.run({ op: 'fill', endpoint: realEp, events: f.slow, chunk: 1, kind: 'realistic' });
      const { indexRows } = await agent.run({ op: 'travel', endpointId: realEp.id, runs: 1, jumps: 1 });
      return { fill: slowFill, diskBytes: indexedDbBytes(slowProfile, extId), indexRows };
    });
    log(`session 4c: the same, ${f.turns} endpoints taking turns`);
    const turnsProfile = path.join(tmp, 'turns');
    const turns = await session(agent, turnsProfile, async ({ extId }) => {
      const turnsFill = await agent.run({ op: 'fill', endpoint: realEp, events: f.slow, chunk: 1, kind: 'realistic', turns: f.turns });
      const { indexRows } = await agent.run({ op: 'travel', endpointId: `${realEp.id}-1`, runs: 1, jumps: 1 });
      return { fill: turnsFill, diskBytes: indexedDbBytes(turnsProfile, extId), indexRows };
    });

    log(`session 5: capture overhead, a page receiving ${f.rate2} WebSocket messages/s`);
    const capture = await captureOverhead(agent, demo, path.join(tmp, 'capture'), { seconds: f.seconds, rate: f.rate2, size: 200, rounds: 2 }, log);

    const cpu = os.cpus();
    const results: Results = {
      env: {
        // The Debian wrapper script complains on stderr about its own shell test; ignore it.
        chromium: execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
        cpus: `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'})`,
        cores: cpu.length,
        memGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        date: new Date().toISOString().slice(0, 16).replace('T', ' '),
      },
      flags: f,
      ...first,
      big,
      realistic,
      slow,
      turns,
      capture,
    };
    log('typing cost per protocol profile');
    const md = [renderReport(results), ...typingSection(typingCosts())].join('\n');
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, md);
    console.log(md);
  } finally {
    await agent.close();
    await stamped.close();
    await demo.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
