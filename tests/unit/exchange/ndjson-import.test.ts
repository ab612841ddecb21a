import { describe, expect, it } from 'vitest';
import { EndpointConfigSchema, newEndpoint } from '../../../lib/config/endpoint';
import { parseEndpointList } from '../../../lib/config/storage';
import type { StreamEvent } from '../../../lib/model/event';
import { ImportError, importProblems } from '../../../lib/exchange/import-error';
import { exportEndpoint, exportView, ndjsonBlob } from '../../../lib/exchange/ndjson-export';
import { importNdjson, parseNdjson } from '../../../lib/exchange/ndjson-import';
import type { StorageArea } from '../../../lib/config/stored';
import { addRecordingEndpoints } from '../../../lib/exchange/recording';
import { importFile } from '../../../lib/exchange/import-file';
import { collect, freshDb, record, snapshot, sseEndpoint, stored, timeline, wsEndpoint } from './helpers';

/** What the timeline shows of an event; seq and endpoint id are the store's own. */
const shown = ({ time, dir, transport, name, id, retry, opcode, data, size }: StreamEvent) => ({ time, dir, transport, name, id, retry, opcode, data, size });
const IMPORTED_AT = new Date(2026, 10, 23, 10, 30).getTime();

async function importError(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return importProblems(e);
  }
  throw new Error('the import did not fail');
}

describe('NDJSON import', () => {
  it('gives back an identical timeline from an export, as read-only recordings', async () => {
    const source = await freshDb();
    const original = await record(source, timeline());
    const text = await (await ndjsonBlob(exportView(original, [sseEndpoint, wsEndpoint]))).text();

    const db = await freshDb();
    const result = await importNdjson(db, text, IMPORTED_AT);
    expect(result.events).toBe(original.length);
    expect(result.endpoints.map((e) => e.name)).toEqual(['Recording: Plans (imported 2026-11-23 10:30)', 'Recording: Board (imported 2026-11-23 10:30)']);
    for (const ep of result.endpoints) {
      expect(EndpointConfigSchema.safeParse(ep).success).toBe(true);
      expect(ep).toMatchObject({ recording: true, enabled: false, headers: {} });
      expect([sseEndpoint.id, wsEndpoint.id]).not.toContain(ep.id);
    }
    const [plans, board] = result.endpoints;
    expect(plans).toMatchObject({ url: 'https://plans.example.com/events?plan=7', transport: 'sse', profile: 'plans' });
    expect(board).toMatchObject({ url: 'wss://board.example.com/ws?board=42', transport: 'ws', profile: 'auto' });

    // Same order (by time across endpoints, by seq within one), data, names, ids, times, dirs.
    const rename = new Map([[plans!.id, sseEndpoint.id], [board!.id, wsEndpoint.id]]);
    const back = await stored(db);
    const byTime = (a: StreamEvent, b: StreamEvent) => a.time - b.time;
    expect(back.sort(byTime).map((e) => ({ ...shown(e), endpointId: rename.get(e.endpointId) }))).toEqual(
      original.map((e) => ({ ...shown(e), endpointId: e.endpointId })),
    );
    // Sequence numbers and chunks come from the writer, as for live events.
    expect((await stored(db, plans!.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await db.get('meta', plans!.id)).toMatchObject({ lastSeq: 4, count: 4 });
  });

  it('round-trips a whole endpoint streamed from the store, read back in pieces', async () => {
    const source = await freshDb();
    const original = await record(source, Array.from({ length: 3000 }, (_, i) => ({ ...timeline()[i % 7]!, endpointId: 'ep-plans', transport: 'sse' as const, opcode: undefined, time: i })), { maxBatch: 1000 });
    const text = (await collect(exportEndpoint(source, sseEndpoint))).join('');
    const pieces = (async function* () {
      for (let i = 0; i < text.length; i += 777) yield text.slice(i, i + 777);
    })();
    const db = await freshDb();
    const { endpoints, events } = await importNdjson(db, pieces);
    expect(events).toBe(3000);
    expect((await stored(db, endpoints[0]!.id)).map(shown)).toEqual(original.map(shown));
  });

  it('names every bad line and writes nothing', async () => {
    const db = await freshDb();
    await record(db, timeline());
    const before = await snapshot(db);
    const good = exportView(await stored(db), [sseEndpoint, wsEndpoint]).join('').split('\n');
    const bad = [...good.slice(0, 2), '{"v":1, "endpoint": ', good[3], JSON.stringify({ ...JSON.parse(good[4]!), data: undefined }), ...good.slice(5)].join('\n');
    const problems = await importError(importNdjson(db, bad));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 3: not valid JSON/);
    expect(problems[1]).toBe('line 5: "data" is missing');
    expect(await snapshot(db)).toEqual(before);
  });

  it('says what is wrong with a line in plain words', async () => {
    const ev = { v: 1, endpoint: { id: 'a', name: 'A', url: 'https://a.example/', transport: 'sse' }, timeMs: 1, dir: 'in', transport: 'sse', data: 'x', size: 1 };
    const problems = async (...lines: unknown[]) => importError(parseNdjson(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')));
    expect(await problems(ev, { ...ev, dir: 'up', size: -1 })).toEqual(['line 2: "dir" should be "in" or "out" or "sys"; "size" should be at least 0']);
    expect(await problems({ ...ev, v: 2 })).toEqual(['line 1: "v" is not a version this build reads (it reads 1)']);
    expect(await problems(ev, { streamscope: 'ndjson', v: 1, exportedAt: '' })).toEqual(['line 2: a header is only allowed on the first line']);
    expect(await problems('[1]')).toEqual(['line 1: the line should be an object']);
    expect(await problems({ ...ev, opcode: 1 })).toEqual(['line 1: "opcode" is only for WebSocket frames']);
    expect(await problems({ ...ev, transport: 'ws' })).toEqual(['line 1: "transport" is "ws" but its endpoint\'s is "sse"']);
    expect(await problems({ ...ev, endpoint: { ...ev.endpoint, url: 'ftp://a.example/' } })).toEqual([
      'line 1: URL "ftp://a.example/": URL must start with http://, https://, ws:// or wss://',
    ]);
    expect(await problems({ streamscope: 'ndjson', v: 1, exportedAt: '' }, '')).toEqual(['the file has no events']);
    expect(await problems(...Array.from({ length: 12 }, () => '{'))).toHaveLength(11);
  });

  it('accepts a file without header, with CRLF line ends and a BOM', async () => {
    const ev = { v: 1, endpoint: { id: 'a', name: 'A', url: 'https://a.example/', transport: 'sse' }, timeMs: 1, dir: 'in', transport: 'sse', event: null, data: 'x', size: 1 };
    const plans = await parseNdjson(`\uFEFF${JSON.stringify(ev)}\r\n${JSON.stringify({ ...ev, timeMs: 2 })}\r\n`);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.endpoint.profile).toBe('auto');
    expect(plans[0]!.events).toEqual([1, 2].map((time) => ({ endpointId: plans[0]!.endpoint.id, time, dir: 'in', transport: 'sse', data: 'x', size: 1 })));
  });

  it('imports a picked file, telling NDJSON from HAR', async () => {
    const db = await freshDb();
    const text = exportView(await record(await freshDb(), timeline()), [sseEndpoint, wsEndpoint]).join('');
    const result = await importFile(db, new File([text], 'export.txt'));
    expect(result.events).toBe(7);
  });
});

describe('addRecordingEndpoints', () => {
  it('appends to the stored list and leaves other entries as they were', async () => {
    const existing = newEndpoint({ url: 'https://live.example/', name: 'Live' });
    let data: Record<string, unknown> = { endpoints: [existing, { broken: true }], other: 1 };
    const storage: StorageArea = {
      get: async (key) => ({ [key]: data[key] }),
      set: async (items) => void (data = { ...data, ...items }),
    };
    const plans = await parseNdjson(exportView(timeline().map((e, i) => ({ ...e, seq: i + 1 })), [sseEndpoint]).join(''));
    const endpoints = plans.map((p) => p.endpoint);
    await addRecordingEndpoints(storage, endpoints);
    const list = data.endpoints as unknown[];
    expect(list.slice(0, 2)).toEqual([existing, { broken: true }]);
    expect(parseEndpointList(list).valid.map((e) => e.recording ?? false)).toEqual([false, true, true]);
    expect(data.other).toBe(1);
  });
});
