import type { MarkerKind, StreamEvent } from '../model/event';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local wall-clock time, `HH:MM:SS.mmm`. */
export function formatClock(time: number): string {
  const d = new Date(time);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Time since the previous row: `+120ms`, `+1.25s`, `+12.3s`, `+2m03s`, `+1h02m`. */
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

/** Bytes as `512 B`, `1.5 KB`, `12 KB`, `3.4 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'] as const;
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** Every marker kind's words: typed by MarkerKind, so a new kind does not compile without one. */
export const MARKER_LABELS: Record<MarkerKind, string> = {
  connecting: 'connecting',
  connected: 'connected',
  dropped: 'connection dropped',
  backoff: 'waiting to reconnect',
  given_up: 'gave up reconnecting',
  paused: 'paused',
  resumed: 'resumed',
  stale: 'stale connection',
  http_error: 'HTTP error',
  worker_started: 'worker restarted',
  worker_stopped: 'worker stopped',
  overloaded: 'overloaded',
  gap: 'gap in sequence',
  duplicate: 'duplicate',
  malformed: 'malformed frame',
  truncated: 'frame truncated',
  capture_dropped: 'capture dropped frames',
  injected: 'delivered from the panel',
};

export interface MarkerText {
  kind: string;
  label: string;
  message: string;
}

/**
 * A connection marker's words. `connected` after a drop in the same endpoint reads as
 * "reconnected"; the caller knows whether there was one.
 */
export function markerText(ev: Pick<StreamEvent, 'name' | 'data'>, afterDrop = false): MarkerText {
  const kind = ev.name ?? 'marker';
  let message = '';
  try {
    const parsed: unknown = JSON.parse(ev.data);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string') {
      message = (parsed as { message: string }).message;
    }
  } catch {
    message = ev.data;
  }
  const known = Object.hasOwn(MARKER_LABELS, kind) ? MARKER_LABELS[kind as MarkerKind] : kind;
  const label = kind === 'connected' && afterDrop ? 'reconnected' : known;
  return { kind, label, message };
}

/** Decodes base64 (binary frames); undefined when it is not valid base64. */
export function base64Bytes(b64: string): Uint8Array | undefined {
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** Classic hex dump: offset, 16 bytes in hex, printable ASCII. Capped to keep the DOM small. */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): string {
  const lines: string[] = [];
  const n = Math.min(bytes.length, maxBytes);
  for (let off = 0; off < n; off += 16) {
    const chunk = bytes.subarray(off, Math.min(off + 16, n));
    const hex = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > n) lines.push(`… ${bytes.length - n} more bytes`);
  return lines.join('\n');
}
