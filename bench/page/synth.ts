import type { StreamEvent } from '../../lib/model/event';

const TYPES = ['task_update', 'metrics_update', 'document_updated', 'instance_update', 'notification'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ascii = new TextDecoder('latin1');
let state = 0x9e3779b9;

/**
 * `n` characters of xorshift noise. IndexedDB compresses values (snappy), so a pad of 'x'
 * would shrink to nothing and flatter every write and disk figure; noise does not compress,
 * which makes the figures an upper bound for real JSON.
 */
function noise(n: number): string {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = ALPHABET.charCodeAt(state & 63);
  }
  return ascii.decode(bytes);
}

export type SynthEvent = Omit<StreamEvent, 'seq'> & { type: string };

/**
 * Event `i` of a synthetic stream: ~`size` bytes of JSON shaped like the demo's frames. The
 * `type` field is what the one-record-per-event layout indexes; the chunked layout ignores it.
 */
export function synthEvent(endpointId: string, i: number, time: number, size: number): SynthEvent {
  const type = TYPES[i % TYPES.length]!;
  const head = `{"type":"${type}","payload":{"id":"task-${i.toString(16)}","state":"running","n":${i}}`;
  const data = `${head},"pad":"${noise(Math.max(0, size - head.length - 9))}"}`;
  return { endpointId, time, dir: 'in', transport: 'ws', opcode: 1, data, size: data.length, type };
}

const WORDS = ['deploy', 'billing', 'queue', 'worker', 'retry', 'alpha', 'report', 'cache', 'index', 'shard', 'tenant', 'invoice', 'export', 'session', 'upload', 'review'];
const hex = (n: number) => noise(n).replace(/[^0-9a-f]/gi, '0').toLowerCase();
const words = (n: number, i: number) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 13 + (state & 15)) % WORDS.length]).join(' ');

/**
 * Event `i` of a realistic stream: ~460 bytes of JSON with random ids, words and numbers, the
 * mix real servers send (it compresses like real JSON, unlike noise pads).
 */
export function realisticEvent(endpointId: string, i: number, time: number): SynthEvent {
  const type = TYPES[i % TYPES.length]!;
  const data = JSON.stringify({
    type,
    id: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    at: new Date(time).toISOString(),
    payload: {
      task_id: `task-${hex(10)}`,
      owner: { id: `u_${hex(12)}`, name: words(2, i) },
      state: ['queued', 'running', 'done', 'failed'][i % 4],
      progress: (state >>> 0) % 1000 / 10,
      attempts: i % 7,
      duration_ms: (state >>> 3) % 100_000,
      message: words(12, i),
      tags: [words(1, i + 1), words(1, i + 2), words(1, i + 3)],
      trace: { span: hex(16), parent: hex(16) },
    },
  });
  return { endpointId, time, dir: 'in', transport: 'ws', opcode: 1, data, size: data.length, type };
}
