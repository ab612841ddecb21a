/** `npm run bench -- --seconds 5 --rate 20000`: every knob of a run, with its default. */
export const DEFAULTS = {
  /** Length of each ingest run. */
  seconds: 10,
  /** Events/s of the main ingest run, and of the second run for context. */
  rate: 20_000,
  rate2: 5_000,
  /** Bytes per event (the demo's `size` knob). */
  size: 500,
  latencyRate: 200,
  latencySeconds: 10,
  /** Events each layout writes, in transactions of `batch`. */
  layoutEvents: 50_000,
  batch: 1000,
  /** Events in the store when the panel opens, written in chunks of `fillChunk`. */
  fill: 1_000_000,
  fillChunk: 1000,
  /** The panel open while an endpoint streams at `panelRate` events/s for `panelSeconds`. */
  panelRate: 5_000,
  panelSeconds: 60,
  /** Panel opens and newest-page reads to time. */
  repeats: 3,
  /** Random time-travel jumps to time on the filled store. */
  jumps: 100,
  /** Realistic events written to a fresh profile for the disk-per-event figure. */
  realistic: 200_000,
  /** Realistic events written one per flush (as a stream of a few events a second is), for the same figure. */
  slow: 10_000,
  /** Endpoints taking turns for a second such fill (several slow streams at once). */
  turns: 4,
};

export type Flags = typeof DEFAULTS;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const USAGE = `Usage: npm run bench -- [${Object.entries(DEFAULTS)
  .map(([k, v]) => `--${kebab(k)} ${v}`)
  .join('] [')}]`;

export function parseFlags(argv: string[]): Flags {
  const flags: Flags = { ...DEFAULTS };
  const names = new Map(Object.keys(DEFAULTS).map((k) => [`--${kebab(k)}`, k as keyof Flags]));
  for (let i = 0; i < argv.length; i += 2) {
    const key = names.get(argv[i] ?? '');
    const value = Number(argv[i + 1]);
    if (!key || !Number.isFinite(value) || value <= 0) throw new Error(`Bad argument ${argv[i] ?? ''} ${argv[i + 1] ?? ''}\n${USAGE}`);
    flags[key] = value;
  }
  return flags;
}
