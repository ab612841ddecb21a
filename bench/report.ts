import { median, percentile, type IngestFigures } from './analyze';
import type { Flags } from './flags';
import type { CpuShare } from './procs';
import { NEARBY_EVENTS, type Commands, type LatencyResult, type LayoutResult, type PanelLoadResult, type PanelResult, type SearchRun, type StagesResult, type TravelResult } from './protocol';
import { READ_AHEAD } from '../lib/timeline/search-scan';
import { searchPoolSize } from '../lib/timeline/search-client';

export interface IngestRun {
  /** Events/s asked for, and the demo `rate` knob that gives it. */
  rate: number;
  knob: number;
  figures: IngestFigures;
  overloaded: boolean;
  workerRestarts: number;
  chunks: number;
  maxChunkEvents: number;
  /** Highest RSS of the extension process, and of all Chromium processes as RSS and PSS, MB. */
  memory: { extensionRssMb: number; rssMb: number; pssMb: number };
  /** While the server was sending. */
  cpu: CpuShare;
}

export interface BigStore {
  fill: { ms: number; stored: number };
  panel: PanelResult;
  read: { ms: number[]; events: number };
  travel: TravelResult;
  search: SearchRun[];
  readAll: Commands['readAll']['result'];
  diskBytes: number;
  /** Ingest at --rate into the same store, with the fill already stored. */
  ingest: IngestRun;
}

export interface Realistic {
  fill: { ms: number; stored: number; avgSize: number };
  diskBytes: number;
  /** A text search for one event's id in the panel over this store. */
  search: SearchRun[];
}

/** Realistic events written one per flush into a fresh profile. */
export interface Slow {
  fill: { ms: number; stored: number };
  diskBytes: number;
  /** Chunks they are stored in (rows of the index a page holds). */
  indexRows: number;
}

export interface Results {
  env: { chromium: string; cpus: string; cores: number; memGb: number; node: string; date: string };
  flags: Flags;
  ingest: IngestRun[];
  layout: LayoutResult;
  latency: LatencyResult;
  stages: StagesResult;
  panelLoad: PanelLoadResult;
  big: BigStore;
  realistic: Realistic;
  slow: Slow;
  /** The same with several endpoints taking turns. */
  turns?: Slow;
  /** Page capture's cost to the page (bench/capture-overhead.ts). */
  capture?: CaptureOverhead;
}

export interface CaptureRun {
  capture: boolean;
  received: number;
  expected: number;
  seconds: number;
  /** Renderer main-thread CPU per received message, µs. */
  usPerMessage: number;
  /** Renderer main-thread CPU while receiving, % of one core. */
  mainPct: number;
  machinePct: number;
}

export interface CaptureOverhead {
  rate: number;
  size: number;
  runs: CaptureRun[];
  /** Median µs per message with capture on over the same with capture off. */
  ratio: number;
}

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
/** A time that a failed run has none of (NaN crosses the page link as null). */
const msOrDash = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : `${n0(v)} ms`);
const n1 = (v: number) => v.toFixed(1);
const perS = (events: number, ms: number) => n0((events / ms) * 1000);
/** Threads below this share of a core are left out of the CPU table. */
const CPU_FLOOR_PCT = 2;

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function ingestSection(r: Results): string[] {
  const f = r.flags;
  return [
    `## 1. Ingest to disk: one WebSocket (demo \`/ws\`), ${f.size} B events, ${f.seconds} s of sending`,
    '',
    table(
      ['asked events/s (demo knob)', 'sent/s', 'stored/s while sending', 'stored/s end to end', 'drain after send', 'loss (sent − stored)', 'overloaded', 'max backlog', 'longest disk stall', 'chunks (largest)', 'worker restarts'],
      r.ingest.map((i) => [
        `${n0(i.rate)} (rate=${n0(i.knob)})`,
        n0(i.figures.sentPerS),
        n0(i.figures.storedPerS),
        n0(i.figures.endToEndPerS),
        `${n1(i.figures.drainS)} s`,
        n0(i.figures.loss),
        i.overloaded ? 'yes' : 'no',
        `${n0(i.figures.maxBacklog)} events`,
        `${n1(i.figures.maxStallS)} s`,
        `${n0(i.chunks)} (${n0(i.maxChunkEvents)} events)`,
        String(i.workerRestarts),
      ]),
    ),
    '',
  ];
}

function layoutSection(r: Results): string[] {
  const f = r.flags;
  const rate = (which: string) => {
    const runs = r.layout.runs.filter((x) => x.layout === which);
    const events = runs.reduce((sum, x) => sum + x.events, 0);
    const ms = runs.reduce((sum, x) => sum + x.ms, 0);
    return { perS: (events / ms) * 1000, each: runs.map((x) => perS(x.events, x.ms)).join(', ') };
  };
  const chunked = rate('chunked');
  const per = rate('per-event');
  return [
    `## 2. Layout: the same ${n0(f.layoutEvents)} synthetic ${f.size} B events each, ${n0(f.batch)} per transaction, durability 'relaxed'`,
    '',
    table(
      ['layout', 'records/s', 'per round'],
      [
        ['chunked (EventWriter: 1 chunk + meta per transaction)', n0(chunked.perS), chunked.each],
        ['one record per event, 3 indexes', n0(per.perS), per.each],
      ],
    ),
    '',
    `Chunked / per-event: **${(chunked.perS / per.perS).toFixed(1)}×**.`,
    '',
  ];
}

function latencySection(r: Results): string[] {
  const lat = r.latency;
  const row = (what: string, v: number[]) => [what, `${n1(percentile(v, 50))} ms`, `${n1(percentile(v, 95))} ms`];
  return [
    `## 3. Latency at ${n0(r.flags.latencyRate)} events/s for ${r.flags.latencySeconds} s (${n0(lat.toPage.length)} events)`,
    '',
    table(
      ['from the server sending the frame to', 'p50', 'p95'],
      [
        row('the worker receiving it (event `time`)', lat.toWorker),
        row('a panel-like page getting it on its port', lat.toPage),
        row("that page's next animation frame", lat.toFrame),
      ],
    ),
    '',
  ];
}

function panelSection(r: Results): string[] {
  const big = r.big;
  return [
    `## 4. Panel with ${n0(big.fill.stored)} stored events (chunks of ${n0(r.flags.fillChunk)}), after a browser restart`,
    '',
    table(
      ['measure', 'value'],
      [
        ['fill with EventWriter', `${n1(big.fill.ms / 1000)} s (${perS(big.fill.stored, big.fill.ms)} events/s)`],
        ['open devtools-panel.html → first event row in the DOM (1st open / median)', `${n0(big.panel.firstRowMs[0] ?? NaN)} ms / ${n0(median(big.panel.firstRowMs))} ms`],
        ['rows rendered / newest seq among them', `${big.panel.rows} / ${n0(big.panel.maxSeq)}`],
        [`olderPage(limit 1,000) → ${n0(big.read.events)} events (1st / median)`, `${n1(big.read.ms[0] ?? NaN)} ms / ${n1(median(big.read.ms))} ms`],
        ['IndexedDB on disk (du of the origin)', `${n0(big.diskBytes / 1e6)} MB (${n0(big.diskBytes / big.fill.stored)} B/event)`],
        ['state open: stateAt(latest) (1st / median)', `${n0(big.travel.openMs[0] ?? NaN)} ms / ${n0(median(big.travel.openMs))} ms`],
        [`time-travel jump: stateAt(random seq), ${big.travel.jumpMs.length} jumps, p50 / p95`, `${n1(percentile(big.travel.jumpMs, 50))} ms / ${n1(percentile(big.travel.jumpMs, 95))} ms`],
        [`time-travel jump nearby: each seq within ${NEARBY_EVENTS} of the last, ${big.travel.nearMs.length} jumps, p50 / p95`, `${n1(percentile(big.travel.nearMs, 50))} ms / ${n1(percentile(big.travel.nearMs, 95))} ms`],
        [`readCounters / readChunkIndex (${n0(big.travel.indexRows)} rows)`, `${n1(big.travel.countersMs)} ms / ${n0(big.travel.indexMs)} ms`],
        [`ingest at ${n0(big.ingest.rate)}/s with the fill stored: sent/s, stored/s while sending, end to end`, `${n0(big.ingest.figures.sentPerS)} / ${n0(big.ingest.figures.storedPerS)} / ${n0(big.ingest.figures.endToEndPerS)}${big.ingest.overloaded ? ' (overloaded)' : ''}`],
        [`disk per realistic event (${n0(r.realistic.fill.stored)} events of ~${n0(r.realistic.fill.avgSize)} B JSON, fresh profile, du)`, `${n0(r.realistic.diskBytes / r.realistic.fill.stored)} B/event (fill ${perS(r.realistic.fill.stored, r.realistic.fill.ms)} events/s)`],
        [`the same written one event per flush, as a slow stream is (${n0(r.slow.fill.stored)} events): du right after (merged chunks' old copies not yet compacted away by LevelDB), chunks`, `${n0(r.slow.diskBytes / r.slow.fill.stored)} B/event, ${n0(r.slow.indexRows)} chunks`],
        ...(r.turns ? [[`the same, ${r.flags.turns} endpoints taking turns (${n0(r.turns.fill.stored)} events): du right after, chunks`, `${n0(r.turns.diskBytes / r.turns.fill.stored)} B/event, ${n0(r.turns.indexRows)} chunks`] as [string, string]] : []),
      ],
    ),
    '',
    'The ingest with the fill stored:',
    '',
    ...cpuTable(big.ingest, r.env.cpus),
  ];
}

function searchSection(r: Results): string[] {
  const big = r.big;
  const row = (what: string, s: SearchRun) => [what, msOrDash(s.firstScreenMs), msOrDash(s.completeMs), `${n0(s.longestTaskMs)} ms`, s.result];
  return [
    `## 6. Filters over the whole store in the panel (${n0(big.fill.stored)} stored events)`,
    '',
    table(
      ['filter', 'first screen of matches', 'search complete', 'longest task in the panel', 'count line when done'],
      [...big.search.map((s) => row(s.what, s)), ...r.realistic.search.map((s) => row(`${s.what} (realistic store, ${n0(r.realistic.fill.stored)} events)`, s))],
    ),
    '',
    'Text is typed into the search box: the list waits 150 ms for typing to settle before searching, included above.',
    `The panel searches with one Worker per core, at most four (${searchPoolSize(r.env.cores)} here), each taking every n-th chunk from the newest.`,
    'The filled store holds noise pads (random base64-like text: DEFLATE cannot halve it, so its chunks are stored as they are);',
    'the realistic store is the one of section 4 (JSON with ids, words and numbers, DEFLATE about 6x), searched for event 7\'s id.',
    'A search reads only the chunks whose word filter may hold every whole word of the text, and every pair of neighbouring words',
    'with what separates them: `n` and a lone 7 (between the + and / of the pads) are words of nearly every noise chunk, the pair',
    '`n\\":7` of one, so the search for `"n":7}` reads one chunk; 12345 is a word of one chunk only.',
    'The first two regexes ask the filters for the same words and pairs (the one-character class spelled out; the number the',
    'lookahead looks for, after what comes before it). The third matches the same event, but its only plain characters are',
    '`"n":` and `5}`, in every chunk: it reads and parses all of them, the slowest kind of search there is (the floor below is under it).',
    'The field queries read the chunks whose filter keeps a range of the numbers under `n` that may hold the value: one.',
    '',
    `The floor under a search that reads every chunk, in the bench page: reading all ${n0(big.readAll.chunks)} chunks' records`,
    `(${n0(big.readAll.mb)} MB, up to ${READ_AHEAD} reads in flight, started in batches as each search Worker starts them) with nothing else done takes **${n0(big.readAll.readMs)} ms**`,
    `(${n0(big.readAll.mb / (big.readAll.readMs / 1000))} MB/s); reading and decoding their text, ${n0(big.readAll.decodeMs)} ms.`,
    '',
  ];
}

function panelLoadSection(r: Results): string[] {
  const p = r.panelLoad;
  return [
    `## 7. The panel open while an endpoint streams ${n0(r.flags.panelRate)} events/s for ${r.flags.panelSeconds} s`,
    '',
    table(
      ['measure', 'value'],
      [
        ['panel JS heap, max of 1 s samples (start → end)', `${n0(p.maxHeapMb)} MB (${n0(p.heapMb[0] ?? NaN)} → ${n0(p.heapMb.at(-1) ?? NaN)} MB)`],
        ['longest task in the panel (seconds into the run)', `${n0(p.longestTaskMs)} ms (at ${n0(p.longestTaskAtS)} s)`],
        ['tasks over 100 ms / over 200 ms', `${n0(p.tasksOver100Ms)} / ${n0(p.tasksOver200Ms)}`],
        ["delay of a message posted to the panel's thread every 100 ms, p95", `${n0(p.delayP95Ms)} ms`],
        ['count line at the end', p.count],
      ],
    ),
    '',
  ];
}

/** Where the time goes while sending: per thread, as share of a core and per stored event. */
function cpuTable(i: IngestRun, cpus: string): string[] {
  const shown = i.cpu.threads.filter((c) => c.pct >= CPU_FLOOR_PCT);
  const ours = i.cpu.threads.reduce((sum, c) => sum + c.pct, 0);
  const us = (pct: number) => n1((pct / 100 / i.figures.storedPerS) * 1e6);
  return [
    `CPU by thread while sending at ${n0(i.figures.sentPerS)}/s (asked ${n0(i.rate)}/s), % of one core (${cpus}):`,
    '',
    table(
      ['process: thread', '% of one core', 'µs per stored event'],
      [
        ...shown.map((c) => [c.thread, `${Math.round(c.pct)} %`, us(c.pct)]),
        ['all Chromium threads + Node together', `${Math.round(ours)} %`, us(ours)],
        ['other processes on the machine (noise)', `${Math.round(Math.max(0, i.cpu.machinePct - ours))} %`, ''],
      ],
    ),
    '',
  ];
}

function memorySection(r: Results): string[] {
  return [
    '## 5. Memory and CPU during ingest',
    '',
    table(
      ['asked events/s', 'max RSS extension process (worker + idle bench page)', 'max RSS all Chromium', 'max PSS all Chromium'],
      r.ingest.map((i) => [n0(i.rate), `${n0(i.memory.extensionRssMb)} MB`, `${n0(i.memory.rssMb)} MB`, `${n0(i.memory.pssMb)} MB`]),
    ),
    '',
    ...r.ingest.flatMap((i) => cpuTable(i, r.env.cpus)),
  ];
}

function stagesSection(r: Results): string[] {
  const s = r.stages;
  const row = (what: string, us: number) => [what, n1(us), n0(1e6 / us)];
  return [
    '## Stages one at a time, in the bench page (an extension thread like the worker)',
    '',
    table(
      ['stage', 'µs per event', 'events/s'],
      [
        [`WebSocket receive + utf8Size + event object, no storage (demo asked for ${n0(2 * r.flags.rate)}/s)`, '', perS(s.receive.events, s.receive.ms)],
        row('utf8Size alone (encodeInto a reused buffer)', s.sizeUs),
        row('structuredClone of a chunk as stored (1,000 event objects)', s.cloneUs),
        row('the same events packed by field (one string + typed arrays): pack + clone', s.cloneColumnarUs),
        ...s.idb.map((d) => row(`EventWriter → IndexedDB, chunks of ${n0(d.chunk)} (events pre-built)`, (d.ms * 1000) / d.events)),
      ],
    ),
    '',
    'µs are CPU on this thread for size and clone (fastest of 15 runs), wall time for IndexedDB (one run; the work is in the browser process).',
    '',
  ];
}

export function renderReport(r: Results): string {
  return [
    `# Streamscope bench, ${r.env.date}`,
    '',
    `${r.env.chromium} (headless, nothing attached to the worker or the measured pages), ${r.env.cpus}, ` +
      `${r.env.memGb} GB RAM, Node ${r.env.node}. Demo server, runner and Chromium share the machine.`,
    '',
    ...ingestSection(r),
    ...layoutSection(r),
    ...latencySection(r),
    ...panelSection(r),
    ...memorySection(r),
    ...searchSection(r),
    ...panelLoadSection(r),
    ...stagesSection(r),
    ...(r.capture ? captureSection(r.capture) : []),
  ].join('\n');
}

/** What page capture costs the page: its main thread per WebSocket message, capture on vs off. */
export function captureSection(c: CaptureOverhead): string[] {
  return [
    `## Capture overhead: a page receiving ${n0(c.rate)} WebSocket messages/s of ${c.size} B`,
    '',
    `The page's renderer main thread (the page, the page hook and its bridge all run there), CPU per ` +
      `message from its first message to its last; off and on take turns. **Capture on / off: ${c.ratio.toFixed(2)}x** ` +
      '(median µs per message; target ≤ 1.3x).',
    '',
    table(
      ['capture', 'received / sent', 'seconds', 'main thread, % of a core', 'µs per message', 'machine, % of a core'],
      c.runs.map((r) => [r.capture ? 'on' : 'off', `${n0(r.received)} / ${n0(r.expected)}`, n1(r.seconds), n0(r.mainPct), n1(r.usPerMessage), n0(r.machinePct)]),
    ),
    '',
  ];
}
