import { streamEvents } from '../demo/streams';
import { DEMO_PATHS } from '../lib/config/demo-endpoints';
import { utf8Size, type StreamEvent } from '../lib/model/event';
import type { Family } from '../lib/model/typed';
import { typeEvent } from '../lib/protocols';

/** The demo stream each protocol profile is measured on, and how it is carried. */
const STREAMS: Array<[Family, string, 'sse' | 'ws']> = [
  ['llm', DEMO_PATHS.llm, 'sse'],
  ['socketio', DEMO_PATHS.socketio, 'ws'],
  ['jsonrpc', DEMO_PATHS.mcp, 'sse'],
  ['graphql', DEMO_PATHS.graphql, 'ws'],
  ['signalr', DEMO_PATHS.signalr, 'ws'],
  ['stomp', DEMO_PATHS.stomp, 'ws'],
  ['phoenix', DEMO_PATHS.phoenix, 'ws'],
  ['actioncable', DEMO_PATHS.actioncable, 'ws'],
  ['kanban', DEMO_PATHS.kanbanBoard, 'sse'],
];

export interface TypingCost {
  family: Family;
  frames: number;
  ms: number;
  usPerFrame: number;
}

function frames(path: string, transport: 'sse' | 'ws', n: number): StreamEvent[] {
  const out: StreamEvent[] = [];
  for (const d of streamEvents(path, { seed: 1 })) {
    const data = d.text ?? JSON.stringify(d.data);
    out.push({ endpointId: 'bench', seq: out.length + 1, time: d.at, dir: 'in', transport, ...(transport === 'sse' ? { name: d.name } : { opcode: 1 }), data, size: utf8Size(data) });
    if (out.length >= n) break;
  }
  return out;
}

/** Time to type `n` demo frames of each protocol profile, as the panel types history (one warm-up pass first). */
export function typingCosts(n = 100_000): TypingCost[] {
  return STREAMS.map(([family, path, transport]) => {
    const evs = frames(path, transport, n);
    for (const ev of evs.slice(0, 5000)) typeEvent(ev, family);
    const t0 = performance.now();
    for (const ev of evs) typeEvent(ev, family);
    const ms = performance.now() - t0;
    return { family, frames: evs.length, ms, usPerFrame: (ms * 1000) / evs.length };
  });
}

export function typingSection(costs: TypingCost[]): string[] {
  return [
    '## Typing cost per protocol profile',
    '',
    'Demo frames typed by `typeEvent` in Node (the panel and the background run the same code).',
    '',
    '| profile | frames | total | per frame |',
    '|---|---:|---:|---:|',
    ...costs.map((c) => `| ${c.family} | ${c.frames.toLocaleString('en')} | ${c.ms.toFixed(0)} ms | ${c.usPerFrame.toFixed(2)} µs |`),
    '',
  ];
}
