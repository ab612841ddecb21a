import { newEndpoint, type EndpointConfig } from '../../../lib/config/endpoint';
import type { StreamEvent } from '../../../lib/model/event';
import { utf8Size } from '../../../lib/model/event';
import { allEvents } from '../../../lib/store/reader';
import { openStore, type DB } from '../../../lib/store/schema';
import { EventWriter } from '../../../lib/store/writer';

let n = 0;
export const freshDb = (): Promise<DB> => openStore(`exchange-${Date.now()}-${n++}`);

export async function stored(db: DB, endpointId?: string): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const chunk of allEvents(db, endpointId)) out.push(...chunk);
  return out;
}

export async function collect(parts: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

/** Everything stored: chunks and counters, to show an import changed nothing. */
export async function snapshot(db: DB): Promise<unknown> {
  return { chunks: await db.getAll('chunks'), meta: await db.getAll('meta') };
}

export const sseEndpoint: EndpointConfig = newEndpoint({
  id: 'ep-plans',
  name: 'Plans',
  url: 'https://user:pw@plans.example.com/events?plan=7&access_token=SECRET-query#frag',
  headers: { Authorization: 'Bearer SECRET-header' },
  profile: 'plans',
});

export const wsEndpoint: EndpointConfig = newEndpoint({
  id: 'ep-board',
  name: 'Board',
  url: 'wss://board.example.com/ws?board=42',
  headers: { 'X-Api-Key': 'SECRET-header-2' },
});

type Draft = Omit<StreamEvent, 'seq' | 'size'>;

const sized = (e: Draft): Omit<StreamEvent, 'seq'> => ({ ...e, size: e.opcode === 2 ? atob(e.data).length : utf8Size(e.data) });

/** A mixed timeline of both endpoints: SSE names/ids/retry, WS text/binary/out, markers. */
export const timeline = (t0 = 1_741_948_200_000): Omit<StreamEvent, 'seq'>[] =>
  (
    [
      { endpointId: 'ep-plans', time: t0, dir: 'sys', transport: 'sse', name: 'connected', data: '{"message":"Connected"}' },
      { endpointId: 'ep-plans', time: t0 + 10, dir: 'in', transport: 'sse', name: 'plan_step', id: '1', retry: 3000, data: '{"step":1}' },
      { endpointId: 'ep-board', time: t0 + 15, dir: 'out', transport: 'ws', opcode: 1, data: '{"type":"subscribe"}' },
      { endpointId: 'ep-board', time: t0 + 20, dir: 'in', transport: 'ws', opcode: 1, data: '{"type":"card_moved","id":"c-1","note":"déjà vu\\n"}' },
      { endpointId: 'ep-plans', time: t0 + 25, dir: 'in', transport: 'sse', id: '1', data: 'not json\nsecond line' },
      { endpointId: 'ep-board', time: t0 + 30, dir: 'in', transport: 'ws', opcode: 2, data: 'AAEC/v8=' },
      { endpointId: 'ep-plans', time: t0 + 40, dir: 'in', transport: 'sse', name: 'plan_step', id: '2', data: '' },
    ] satisfies Draft[]
  ).map(sized);

/** Writes events through an EventWriter, as the background does; returns them with their seqs. */
export async function record(db: DB, events: Omit<StreamEvent, 'seq'>[], opts: { maxBatch?: number } = {}): Promise<StreamEvent[]> {
  const w = new EventWriter(db, {}, opts);
  await w.init();
  const out: StreamEvent[] = [];
  for (const e of events) {
    out.push(w.append(e));
    if (opts.maxBatch !== undefined && out.length % opts.maxBatch === 0) await w.flush();
  }
  await w.flush();
  return out;
}
