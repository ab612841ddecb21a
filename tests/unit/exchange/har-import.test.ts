import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EndpointConfigSchema } from '../../../lib/config/endpoint';
import { importHar, parseHar } from '../../../lib/exchange/har-import';
import { ImportError } from '../../../lib/exchange/import-error';
import { importFile } from '../../../lib/exchange/import-file';
import type { StreamEvent } from '../../../lib/model/event';
import { freshDb, record, snapshot, stored, timeline } from './helpers';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/exchange/${name}`, import.meta.url), 'utf8');
const T0 = Date.UTC(2025, 2, 14, 10, 30);

function problems(text: string): string[] {
  try {
    parseHar(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).problems;
  }
  throw new Error('the import did not fail');
}

const har = (...entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });
const wsEntry = (messages: unknown[]) => ({ startedDateTime: '2025-03-14T10:30:00.000Z', request: { url: 'wss://h.example/ws' }, response: {}, _webSocketMessages: messages });

describe('HAR import', () => {
  it('makes a WebSocket recording from Chrome frames: dirs, opcodes, sizes, control frames', async () => {
    const db = await freshDb();
    const { endpoints, events } = await importHar(db, fixture('chrome-websocket.har'), new Date(2026, 10, 23, 10, 30).getTime());
    expect(events).toBe(6);
    expect(endpoints).toHaveLength(1);
    const ep = endpoints[0]!;
    expect(EndpointConfigSchema.safeParse(ep).success).toBe(true);
    expect(ep).toMatchObject({
      name: 'Recording: board.example.com/ws (imported 2026-11-23 10:30)',
      url: 'wss://board.example.com/ws?board=42',
      transport: 'ws',
      recording: true,
      enabled: false,
      headers: {},
      protocols: [],
    });
    const evs = await stored(db, ep.id);
    expect(evs.map((e) => [e.seq, e.time - T0, e.dir, e.opcode, e.size, e.name])).toEqual([
      [1, 15, 'out', 1, 31, undefined],
      [2, 42, 'in', 1, 82, undefined],
      [3, 1501, 'in', 2, 7, undefined],
      [4, 30_000, 'sys', undefined, expect.any(Number), 'ping'],
      [5, 30_001, 'sys', undefined, expect.any(Number), 'pong'],
      [6, 31_250, 'sys', undefined, expect.any(Number), 'dropped'],
    ]);
    expect(evs[2]!.data).toBe('AAEC/v8QIA==');
    expect(JSON.parse(evs[5]!.data)).toMatchObject({ message: 'Close frame received', opcode: 8 });
    expect(JSON.parse(evs[4]!.data)).toMatchObject({ message: 'Pong sent' });
  });

  it('keeps no cookies, headers or tokens from the HAR', async () => {
    const db = await freshDb();
    const { endpoints } = await importHar(db, fixture('chrome-websocket.har'));
    const everything = JSON.stringify({ endpoints, store: await snapshot(db) });
    expect(everything).not.toContain('SECRET');
    expect(everything).not.toMatch(/cookie|Sec-WebSocket-Key/i);
  });

  it('makes SSE recordings from event-source messages and from an event-stream body', async () => {
    const db = await freshDb();
    const { endpoints, events } = await importHar(db, fixture('event-stream.har'));
    expect(events).toBe(6);
    expect(endpoints.map((e) => [e.url, e.transport, e.name.replace(/ \(imported .*/, '')])).toEqual([
      ['https://plans.example.com/events?plan=7', 'sse', 'Recording: plans.example.com/events'],
      ['https://opencode.example.com/event', 'sse', 'Recording: opencode.example.com/event'],
    ]);
    const fields = (e: StreamEvent) => ({ t: e.time - T0, dir: e.dir, name: e.name, id: e.id, retry: e.retry, data: e.data, size: e.size });
    expect((await stored(db, endpoints[0]!.id)).map(fields)).toEqual([
      { t: 60_100, dir: 'in', data: '{"type":"hello"}', size: 16 },
      { t: 61_200, dir: 'in', name: 'plan_step', id: '17', data: '{"step":1,"state":"running"}', size: 28 },
      { t: 62_300, dir: 'in', name: 'plan_step', id: '18', data: 'line one\nline two', size: 17 },
    ]);
    // HAR keeps no per-event times for a body: every event gets the request's start.
    expect((await stored(db, endpoints[1]!.id)).map(fields)).toEqual([
      { t: 120_250, dir: 'in', name: 'server.connected', retry: 3000, data: '{}', size: 2 },
      { t: 120_250, dir: 'in', id: '5', data: '{"type":"session.updated",\n"properties":{}}', size: 43 },
      { t: 120_250, dir: 'in', name: 'ping', id: '6', data: '', size: 0 },
    ]);
  });

  it('reads a base64 event-stream body', () => {
    const text = 'event: tick\ndata: 1\n\n';
    const [plan] = parseHar(
      har({ startedDateTime: '2025-03-14T10:30:00Z', request: { url: 'https://h.example/s' }, response: { content: { mimeType: 'text/event-stream', text: btoa(text), encoding: 'base64' } } }),
    );
    expect(plan!.events).toMatchObject([{ name: 'tick', data: '1', time: T0 }]);
  });

  it('explains files it cannot use, and writes nothing', async () => {
    const db = await freshDb();
    await record(db, timeline());
    const before = await snapshot(db);
    await expect(importHar(db, har(wsEntry([{ type: 'receive', time: 1, opcode: 1, data: 'ok' }, { type: 'receive', time: 'x', opcode: 1, data: 'a' }])))).rejects.toThrow(
      'entry 1 (wss://h.example/ws): message 2: "time" should be a number',
    );
    expect(await snapshot(db)).toEqual(before);

    expect(problems('<html>')[0]).toMatch(/^not a HAR file: the text is not valid JSON/);
    expect(problems('{"log":{}}')).toEqual(['not a HAR file: it has no "log.entries" list']);
    expect(problems(har({ request: { url: 'https://h.example/' }, response: { content: { mimeType: 'text/html', text: '<p>' } } }))).toEqual([
      'no WebSocket or event-stream messages found',
    ]);
    expect(problems(har(wsEntry([])))).toEqual(['no WebSocket or event-stream messages found']);
    expect(
      problems(
        har(
          wsEntry([
            { type: 'receive', time: 1, opcode: 3, data: '' },
            { type: 'receive', time: 1, opcode: 2, data: '%%%' },
            { type: 'sent', time: 1, opcode: 1 },
          ]),
        ),
      ),
    ).toEqual([
      'entry 1 (wss://h.example/ws): message 1: "opcode" 3 is not a WebSocket frame type',
      'entry 1 (wss://h.example/ws): message 2: "data" of a binary frame should be base64',
      'entry 1 (wss://h.example/ws): message 3: "type" should be "send" or "receive"; "data" is missing',
    ]);
    expect(problems(har({ ...wsEntry([{ type: 'send', time: 1, opcode: 1, data: '' }]), request: { url: 'https://h.example/ws' } }))).toEqual([
      'entry 1: transport: An http(s):// URL cannot be opened as a WebSocket',
    ]);
  });

  it('is chosen for a .har file or a file that looks like one', async () => {
    const db = await freshDb();
    expect((await importFile(db, new File([fixture('chrome-websocket.har')], 'capture.json'))).events).toBe(6);
    await expect(importFile(db, new File(['{"a":1}'], 'capture.har'))).rejects.toThrow('not a HAR file: it has no "log.entries" list');
  });
});
