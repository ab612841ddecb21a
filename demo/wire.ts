import type { Knobs } from './knobs';
import type { DemoEvent } from './streams';

/** Bytes `,"pad":""` adds to a JSON object. */
const PAD_OVERHEAD = 9;

function pad(json: string, bytes: number): string {
  const room = bytes - Buffer.byteLength(json) - PAD_OVERHEAD;
  return room > 0 ? `${json.slice(0, -1)},"pad":"${'x'.repeat(room)}"}` : json;
}

/** The event's text as it goes on the wire: its own text, or its JSON shaped by the size, huge and malformed knobs. */
export function encodeData(e: DemoEvent, k: Pick<Knobs, 'size' | 'hugeEvery' | 'hugeBytes' | 'malformedEvery'>): string {
  if (e.text !== undefined) return e.text;
  let json = JSON.stringify(e.data);
  const bytes = k.hugeEvery && e.seq % k.hugeEvery === 0 ? k.hugeBytes : k.size;
  if (bytes) json = pad(json, bytes);
  // Cut in half: an object missing its closing brace never parses.
  if (k.malformedEvery && e.seq % k.malformedEvery === 0) json = json.slice(0, Math.ceil(json.length / 2));
  return json;
}

/** One SSE event block; unnamed events (OpenCode) carry no `event:` line. */
export function sseBlock(e: DemoEvent, data: string): string {
  return `id: ${e.seq}\n${e.name ? `event: ${e.name}\n` : ''}data: ${data}\n\n`;
}
