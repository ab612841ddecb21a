import { describe, expect, it } from 'vitest';
import { convertStreams } from '../../../lib/exchange/convert';
import { exportEndpointHar, exportViewHar } from '../../../lib/exchange/har-export';
import { importHar, readHar } from '../../../lib/exchange/har-import';
import { readRecording } from '../../../lib/exchange/import-file';
import { exportView, exportFileName } from '../../../lib/exchange/ndjson-export';
import { readNdjson } from '../../../lib/exchange/ndjson-import';
import type { StreamEvent } from '../../../lib/model/event';
import { collect, freshDb, record, sseEndpoint, stored, timeline, wsEndpoint } from './helpers';

/** What the timeline shows of an event; seq and endpoint id are the store's own. */
const shown = ({ time, dir, transport, name, id, retry, opcode, data, size }: Omit<StreamEvent, 'seq' | 'endpointId'>) => ({ time, dir, transport, name, id, retry, opcode, data, size });
const NOW = Date.UTC(2026, 10, 23, 10, 30);

/** The timeline with the markers a live connection writes around its events. */
const withMarkers = () => {
  const t = timeline();
  const t0 = t[0]!.time;
  return [
    ...t,
    { endpointId: 'ep-board', time: t0 + 50, dir: 'sys' as const, transport: 'ws' as const, name: 'dropped', data: '{"message":"Closed 1006"}', size: 25 },
    { endpointId: 'ep-board', time: t0 + 60, dir: 'in' as const, transport: 'ws' as const, opcode: 1 as const, data: '{"after":"reconnect"}', size: 21 },
  ];
};

describe('HAR export', () => {
  it("writes Chrome's _webSocketMessages and _eventSourceMessages, and no secrets", async () => {
    const events = await record(await freshDb(), withMarkers());
    const text = (await collect(exportViewHar(events, [sseEndpoint, wsEndpoint], { now: NOW }))).join('');
    expect(text.split('\n', 1)[0]).toBe('{');
    const har = JSON.parse(text) as { log: { version: string; entries: Record<string, unknown>[] } };
    expect(har.log.version).toBe('1.2');
    const [sse, ws] = har.log.entries as { request: { url: string; headers: unknown[] }; _eventSourceMessages?: unknown[]; _webSocketMessages?: unknown[] }[];
    expect(sse!.request.url).toBe('https://plans.example.com/events?plan=7');
    expect(sse!._eventSourceMessages![0]).toEqual({ time: 1_741_948_200.01, eventName: 'plan_step', eventId: '1', data: '{"step":1}', retry: 3000 });
    expect(sse!._eventSourceMessages![1]).toMatchObject({ eventName: 'message', eventId: '1', data: 'not json\nsecond line' });
    expect(ws!._webSocketMessages!.slice(0, 3)).toEqual([
      { type: 'send', time: 1_741_948_200.015, opcode: 1, data: '{"type":"subscribe"}' },
      { type: 'receive', time: 1_741_948_200.02, opcode: 1, data: '{"type":"card_moved","id":"c-1","note":"déjà vu\\n"}' },
      { type: 'receive', time: 1_741_948_200.03, opcode: 2, data: 'AAEC/v8=' },
    ]);
    for (const secret of ['SECRET', 'user:pw', 'frag', 'Authorization', 'X-Api-Key']) expect(text).not.toContain(secret);
    expect(exportFileName('Board', NOW, 'har')).toMatch(/^streamscope-board-\d{8}-\d{6}\.har$/);
  });

  it('re-imports to the same timeline: events, markers, retry, binary, order', async () => {
    const source = await freshDb();
    const original = await record(source, withMarkers());
    const text = (await collect(exportViewHar(original, [sseEndpoint, wsEndpoint], { now: NOW }))).join('');

    const db = await freshDb();
    const { endpoints } = await importHar(db, text);
    expect(endpoints.map((e) => [e.name.replace(/ \(imported.*/, ''), e.transport, e.profile])).toEqual([
      ['Recording: Plans', 'sse', 'plans'],
      ['Recording: Board', 'ws', 'auto'],
    ]);
    for (const [i, ep] of endpoints.entries()) {
      const want = original.filter((e) => e.endpointId === [sseEndpoint.id, wsEndpoint.id][i]).map(shown);
      expect((await stored(db, ep.id)).map(shown)).toEqual(want);
    }
  });

  it('streams a whole endpoint from the store, a chunk at a time, into a file that reads back', async () => {
    const source = await freshDb();
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...timeline()[3]!, time: 1_741_948_200_000 + i, data: `{"n":${i}}`, size: 6 + String(i).length }));
    await record(source, many, { maxBatch: 1000 });
    const parts = await collect(exportEndpointHar(source, wsEndpoint, { now: NOW }));
    expect(parts.length).toBeGreaterThanOrEqual(5); // head, entry start, a part per chunk, entry end, tail
    const [stream] = readHar(parts.join(''));
    expect(stream!.source).toMatchObject({ id: 'ep-board', name: 'Board', url: 'wss://board.example.com/ws?board=42', transport: 'ws' });
    expect(stream!.events.map(shown)).toEqual(many.map(shown));
  });
});

describe('convert', () => {
  it('round-trips NDJSON → HAR → NDJSON line for line', async () => {
    const original = await record(await freshDb(), withMarkers());
    const ndjson = exportView(original, [sseEndpoint, wsEndpoint], { now: NOW }).join('');
    const file = (text: string, name: string) => new File([text], name);

    const har = (await collect(convertStreams(await readRecording(file(ndjson, 'in.ndjson')), 'har', NOW) as AsyncIterable<string>)).join('');
    const back = (await collect(convertStreams(await readRecording(file(har, 'mid.har')), 'ndjson', NOW) as AsyncIterable<string>)).join('');
    // The same text: ids, names, profiles, every field of every line (seq too, as the extension numbered them).
    expect(back).toBe(ndjson);
    expect((await readNdjson(back)).map((s) => s.events.length)).toEqual([4, 5]);
  });

  it('names streams from another tool and keeps two with one id apart', async () => {
    const chrome = readHar(JSON.stringify({ log: { entries: [0, 1].map(() => ({ startedDateTime: '2025-03-14T10:30:00.000Z', request: { url: 'wss://h.example/ws' }, _webSocketMessages: [{ type: 'receive', time: 1, opcode: 1, data: 'x' }] })) } }));
    const text = (await collect(convertStreams(chrome, 'ndjson', NOW) as AsyncIterable<string>)).join('');
    expect(JSON.parse(text.split('\n')[0]!).endpoints.map((e: { id: string; name: string }) => [e.id, e.name])).toEqual([
      ['recording-1', 'h.example/ws'],
      ['recording-2', 'h.example/ws'],
    ]);
  });
});
