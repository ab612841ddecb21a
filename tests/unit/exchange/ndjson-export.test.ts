import { describe, expect, it } from 'vitest';
import { exportEndpoint, exportFileName, exportView, ndjsonBlob } from '../../../lib/exchange/ndjson-export';
import { redactUrl } from '../../../lib/format/redact-url';
import { collect, freshDb, record, sseEndpoint, timeline, wsEndpoint } from './helpers';

const NOW = Date.UTC(2026, 10, 23, 9, 30);
const lines = (parts: string[]): Record<string, unknown>[] =>
  parts
    .join('')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const events = timeline().map((e, i) => ({ ...e, seq: i + 1 }));

describe('NDJSON export', () => {
  it('writes a header, then one self-contained line per event in a fixed key order', () => {
    const [header, ...rest] = lines(exportView(events, [sseEndpoint, wsEndpoint], { now: NOW }));
    expect(header).toEqual({
      streamscope: 'ndjson',
      v: 1,
      exportedAt: '2026-11-23T09:30:00.000Z',
      endpoints: [
        { id: 'ep-plans', name: 'Plans', url: 'https://plans.example.com/events?plan=7', transport: 'sse', profile: 'plans' },
        { id: 'ep-board', name: 'Board', url: 'wss://board.example.com/ws?board=42', transport: 'ws', profile: 'auto' },
      ],
    });
    expect(rest).toHaveLength(events.length);
    const step = rest[1]!;
    expect(Object.keys(step)).toEqual([
      'v', 'endpoint', 'seq', 'time', 'timeMs', 'dir', 'transport', 'event', 'opcode', 'id', 'retry', 'data', 'size', 'parsed', 'type', 'valid', 'issues',
    ]);
    expect(step).toMatchObject({
      v: 1,
      endpoint: { id: 'ep-plans', name: 'Plans', url: 'https://plans.example.com/events?plan=7', transport: 'sse' },
      seq: 2,
      time: '2025-03-14T10:30:00.010Z',
      timeMs: 1_741_948_200_010,
      dir: 'in',
      transport: 'sse',
      event: 'plan_step',
      opcode: null,
      id: '1',
      retry: 3000,
      data: '{"step":1}',
      size: 10,
      parsed: { step: 1 },
      type: 'plan_step',
    });
    expect(typeof step.valid).toBe('boolean');
    expect(Array.isArray(step.issues)).toBe(true);
  });

  it('writes null for what an event does not have, raw text for non-JSON and base64 for binary', () => {
    const [, , , , , text, binary] = lines(exportView(events, [sseEndpoint, wsEndpoint], { now: NOW }));
    expect(text).toMatchObject({ event: null, opcode: null, data: 'not json\nsecond line', parsed: null, type: 'message', valid: true, issues: [] });
    expect(text).not.toHaveProperty('retry');
    expect(binary).toMatchObject({ transport: 'ws', opcode: 2, data: 'AAEC/v8=', size: 5, parsed: null, type: 'binary', event: null, id: null });
  });

  it('never writes endpoint headers or credentials in the URL', async () => {
    const text = await (await ndjsonBlob(exportView(events, [sseEndpoint, wsEndpoint], { now: NOW }))).text();
    expect(text).not.toMatch(/SECRET|headers|Authorization|user:pw|#frag/);
  });

  it('uses the view typing when given, and names endpoints removed since', () => {
    const orphan = { ...events[2]!, endpointId: 'ep-gone' };
    const [header, line] = lines(
      exportView([orphan], [], { now: NOW, typed: () => ({ family: 'kanban', type: 'T', category: 'data', summary: '', entities: [], payload: { a: 1 }, known: true, issues: [{ path: 'a', message: 'bad' }] }) }),
    );
    expect(header!.endpoints).toEqual([{ id: 'ep-gone', name: 'ep-gone', url: 'ws://removed-endpoint.invalid/', transport: 'ws' }]);
    expect(line).toMatchObject({ type: 'T', parsed: { a: 1 }, valid: false, issues: [{ path: 'a', message: 'bad' }] });
  });

  it('streams a whole endpoint from the store one part per chunk', async () => {
    const db = await freshDb();
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...timeline()[1]!, time: 1_000 + i, id: String(i) }));
    await record(db, [...many, ...timeline().filter((e) => e.endpointId === 'ep-board')], { maxBatch: 1000 });
    const parts = await collect(exportEndpoint(db, sseEndpoint, { now: NOW }));
    expect(parts).toHaveLength(1 + 3);
    const [header, ...rest] = lines(parts);
    expect(header).toMatchObject({ streamscope: 'ndjson', endpoints: [{ id: 'ep-plans', profile: 'plans' }] });
    expect(rest.map((l) => l.seq)).toEqual(many.map((_, i) => i + 1));
    expect(rest.every((l) => (l.endpoint as { id: string }).id === 'ep-plans')).toBe(true);
    expect(parts.join('')).not.toContain('SECRET');
  });

  it('names files after what was exported and when', () => {
    expect(exportFileName('Plans: prod / EU', NOW)).toMatch(/^streamscope-plans-prod-eu-\d{8}-\d{6}\.ndjson$/);
    expect(exportFileName('***', NOW)).toMatch(/^streamscope-export-\d{8}-\d{6}\.ndjson$/);
  });
});

describe('redactUrl', () => {
  it('drops credentials, secret-looking parameters and the fragment, and keeps the rest', () => {
    expect(redactUrl('wss://a:b@h.example/ws?room=1&token=x&apiKey=y&X-Amz-Signature=z&sessionId=s#t=1')).toBe('wss://h.example/ws?room=1');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
