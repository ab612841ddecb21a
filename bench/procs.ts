import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_S = 100;
const NODE_KEY = 'node: demo server + runner';

/** A Chromium process's role, from its command line. */
function kindOf(cmd: string, isRoot: boolean): string {
  if (isRoot) return 'browser';
  if (cmd.includes('--extension-process')) return 'extension';
  if (cmd.includes('network.mojom.NetworkService')) return 'network service';
  if (cmd.includes('--type=renderer')) return 'renderer';
  return /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'other';
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process or thread ended between listing and reading
  }
};

/** Fields of a /proc stat line after the name, which is in parentheses and may hold spaces. */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
const statName = (stat: string) => stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));

/** Chromium's process tree under `root` (the zygotes re-parent renderers, so walk it all). */
function tree(root: number): number[] {
  const kids = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const stat = read(`/proc/${d}/stat`);
    if (!stat) continue;
    const ppid = Number(statFields(stat)[1]);
    kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
  }
  const out: number[] = [];
  const stack = [root];
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    out.push(p);
    stack.push(...(kids.get(p) ?? []));
  }
  return out;
}

/** Busy ticks of all CPUs since boot: other workloads on the machine show up here too. */
function machineTicks(): number {
  const f = (read('/proc/stat') ?? '').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return f.reduce((sum, v) => sum + v, 0) - idle;
}

function memKb(pid: number): { rss: number; pss: number } {
  const text = read(`/proc/${pid}/smaps_rollup`) ?? '';
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { rss: field('Rss'), pss: field('Pss') };
}

export interface ProcSamples {
  /** Highest sums over all Chromium processes, MB: RSS counts shared pages in each, PSS splits them. */
  maxRssMb: number;
  maxPssMb: number;
  /** Highest RSS of the extension process (the service worker; the bench page idles in it meanwhile). */
  maxExtensionRssMb: number;
  /** CPU ticks so far per "process kind: thread name" (this Node process as one more), and of the whole machine. */
  series: { t: number; ticks: Map<string, number>; machine: number }[];
}

/** Samples memory and per-thread CPU of Chromium (and of this Node process) until `stop`. */
export function sampleProcs(root: number, everyMs = 500): { stop(): ProcSamples } {
  const kinds = new Map<number, string>();
  const out: ProcSamples = { maxRssMb: 0, maxPssMb: 0, maxExtensionRssMb: 0, series: [] };
  const sample = () => {
    let rss = 0;
    let pss = 0;
    const ticks = new Map<string, number>();
    for (const pid of tree(root)) {
      if (!kinds.has(pid)) kinds.set(pid, kindOf(read(`/proc/${pid}/cmdline`) ?? '', pid === root));
      const kind = kinds.get(pid)!;
      const m = memKb(pid);
      rss += m.rss;
      pss += m.pss;
      if (kind === 'extension') out.maxExtensionRssMb = Math.max(out.maxExtensionRssMb, m.rss / 1024);
      let tasks: string[] = [];
      try {
        tasks = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of tasks) {
        const stat = read(`/proc/${pid}/task/${tid}/stat`);
        if (!stat) continue;
        const f = statFields(stat);
        // Same-named threads of a process (thread pools) are summed.
        const key = `${kind}: ${statName(stat)}`;
        ticks.set(key, (ticks.get(key) ?? 0) + Number(f[11]) + Number(f[12]));
      }
    }
    const node = process.cpuUsage();
    ticks.set(NODE_KEY, ((node.user + node.system) / 1e6) * TICKS_PER_S);
    out.maxRssMb = Math.max(out.maxRssMb, rss / 1024);
    out.maxPssMb = Math.max(out.maxPssMb, pss / 1024);
    out.series.push({ t: Date.now(), ticks, machine: machineTicks() });
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return out;
    },
  };
}

export interface CpuShare {
  /** Busiest first; % of one core. */
  threads: { thread: string; pct: number }[];
  /** The whole machine, all processes (ours and anyone else's), % of one core. */
  machinePct: number;
}

/**
 * CPU between the samples nearest `from` and `to`. Threads that came or went in between
 * count from zero or up to their last sample.
 */
export function cpuBetween(s: ProcSamples, from: number, to: number): CpuShare {
  const nearest = (t: number) => s.series.reduce((best, x) => (Math.abs(x.t - t) < Math.abs(best.t - t) ? x : best));
  const a = nearest(from);
  const b = nearest(to);
  const seconds = Math.max(0.001, (b.t - a.t) / 1000);
  const pct = (ticks: number) => (ticks / TICKS_PER_S / seconds) * 100;
  return {
    threads: [...b.ticks].map(([thread, v]) => ({ thread, pct: pct(v - (a.ticks.get(thread) ?? 0)) })).sort((x, y) => y.pct - x.pct),
    machinePct: pct(b.machine - a.machine),
  };
}
