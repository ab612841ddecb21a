import type { StreamEvent } from '../model/event';
import { markerSpec, type MarkerTone } from '../model/markers';

export interface MarkerText {
  kind: string;
  label: string;
  message: string;
  /** How alarming: the colour it is shown in. */
  tone: MarkerTone;
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
  const spec = markerSpec(kind);
  const label = kind === 'connected' && afterDrop ? 'reconnected' : (spec?.label ?? kind);
  return { kind, label, message, tone: spec?.tone ?? 'info' };
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
