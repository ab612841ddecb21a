/**
 * Numbers as people read them: sizes, durations, clock and calendar times, "… ago". Every page
 * and every message formats these through here, so one size reads the same in the timeline, the
 * Connections tab, a protocol summary and a transport marker.
 */

/** Zero-padded to `width` digits: `pad(5)` is `05`, `pad(7, 3)` is `007`. */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const BYTE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * Bytes in powers of 1024, named as such: `512 B`, `1.5 KiB`, `20 KiB`, `1 MiB`, `3.4 MiB`.
 * One decimal below 10 (dropped when it is 0), whole numbers above.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  // 9.96 rounds to "10.0": decide on the rounded value so it prints as "10".
  const shown = Number(v.toFixed(1));
  return `${shown < 10 ? shown : Math.round(v)} ${BYTE_UNITS[u]}`;
}

/** A duration in the largest useful units: `850 ms`, `4.2 s`, `12 s`, `3 min 05 s`, `2 h 03 min`, `3 d 4 h`. */
export function formatSpan(ms: number): string {
  const a = Math.max(0, Math.round(ms));
  if (a < 1000) return `${a} ms`;
  if (a < 9_950) return `${(a / 1000).toFixed(1)} s`;
  const s = Math.round(a / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${pad(Math.floor(s / 60) % 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor(s / 3600) % 24} h`;
}

/** Time since the previous row, compact for a narrow column: `+120ms`, `+1.25s`, `+12.3s`, `+2m03s`, `+1h02m`. */
export function formatDelta(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const a = Math.abs(Math.round(ms));
  if (a < 1000) return `${sign}${a}ms`;
  if (a < 10_000) return `${sign}${(a / 1000).toFixed(2)}s`;
  if (a < 60_000) return `${sign}${(a / 1000).toFixed(1)}s`;
  const s = Math.floor(a / 1000);
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m${pad(s % 60)}s`;
  return `${sign}${Math.floor(s / 3600)}h${pad(Math.floor(s / 60) % 60)}m`;
}

/** Whole seconds, so a label that ticks once a second does not flicker through tenths. */
const wholeSeconds = (s: number): string => (s < 60 ? `${s} s` : formatSpan(s * 1000));

/** One unit, rounded: `5 min`, `3 h`, `2 d` (for labels that re-render rarely). */
function roughly(s: number): string {
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.round(m / 60);
  return h < 24 ? `${h} h` : `${Math.round(h / 24)} d`;
}

/**
 * How long ago something happened, `ms` after it. Exact to the second for a label that ticks
 * every second (`1 min 01 s ago`); with `coarse`, one rounded unit for a list that re-renders
 * rarely (`5 min ago`, `3 h ago`; under 45 s is "just now").
 */
export function formatAgo(ms: number, opts: { coarse?: boolean } = {}): string {
  if (opts.coarse) {
    const s = Math.max(0, Math.round(ms / 1000));
    return s < 45 ? 'just now' : `${roughly(s)} ago`;
  }
  const s = Math.floor(ms / 1000);
  return s < 1 ? 'just now' : `${wholeSeconds(s)} ago`;
}

/** Time left until a moment, rounded up so it never reads "in 0 s" before it is due. */
export function formatCountdown(ms: number): string {
  return ms <= 0 ? 'any moment now' : `in ${wholeSeconds(Math.ceil(ms / 1000))}`;
}

/** Local wall-clock time, `HH:MM:SS.mmm`. */
export function formatClock(time: number): string {
  const d = new Date(time);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` in local time: the value format of a `datetime-local` input. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A `datetime-local` value back to ms since the epoch; undefined when empty or invalid. */
export function parseLocalDateTime(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  // Date-time forms without an offset parse as local time.
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
