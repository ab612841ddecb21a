import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { convertStreams } from '../../../lib/exchange/convert';
import type { RecordedEvent, RecordedStream } from '../../../lib/exchange/recording';
import { createSseDecoder } from '../../../lib/transport/sse-decoder';
import { startMockServer, type MockServer } from '../../../mock/server';

const T0 = 1_741_948_200_000;
const sseEvents: RecordedEvent[] = Array.from({ length: 6 }, (_, i) => ({
  time: T0 + i * 40,
  dir: 'in',
  transport: 'sse',
  name: i % 2 ? 'plan_step' : undefined,
  id: String(i + 1),
  ...(i === 0 ? { retry: 500 } : {}),
  data: `{"n":${i}}`,
  size: 7,
}));
const wsEvents: RecordedEvent[] = [
  { time: T0, dir: 'out', transport: 'ws', opcode: 1, data: '{"type":"subscribe"}', size: 20 },
  { time: T0 + 5, dir: 'in', transport: 'ws', opcode: 1, data: '{"type":"hello"}', size: 16 },
  { time: T0 + 9, dir: 'in', transport: 'ws', opcode: 2, data: 'AAEC/v8=', size: 5 },
  { time: T0 + 12, dir: 'in', transport: 'ws', opcode: 1, data: 'déjà vu', size: 9 },
];
const streams: RecordedStream[] = [
  { source: { id: 'plans', name: 'Plans', url: 'https://plans.example.com/api/plans/events', transport: 'sse' }, where: 'line 2', events: sseEvents },
  { source: { id: 'board', name: 'Board', url: 'wss://board.example.com/ws?board=42', transport: 'ws' }, where: 'line 8', events: wsEvents },
];

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Reads SSE events from `url` until `count` arrived or the server ends the stream, with the extension's own decoder. */
async function readSse(url: string, count: number, lastEventId?: string): Promise<{ name?: string; id?: string; data: string }[]> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {}, signal: abort.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  const got: { name?: string; id?: string; data: string }[] = [];
  const decoder = createSseDecoder({ event: (e) => got.push(e), bareId: () => undefined, retry: () => undefined, comment: () => undefined, oversize: () => undefined });
  const reader = res.body!.getReader();
  while (got.length < count) {
    const read = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (read.done) break;
    decoder.push(read.value);
  }
  abort.abort();
  return got;
}

const want = (from: number) => sseEvents.slice(from).map((e) => ({ name: e.name, id: e.id, data: e.data }));

describe('mock server', () => {
  it('serves SSE events with names, ids and data, and resumes after Last-Event-ID with no gap and no duplicate', async () => {
    server = await startMockServer(streams, { speed: 0 });
    const url = server.endpoints[0]!.servedUrl;
    expect(url).toBe(`${server.origin}/api/plans/events`);
    const first = await readSse(url, 3);
    expect(first.slice(0, 3)).toEqual(want(0).slice(0, 3));
    const rest = await readSse(url, 3, first[2]!.id);
    expect([...first.slice(0, 3), ...rest]).toEqual(want(0));
    expect(await readSse(url, 1, '5')).toEqual(want(5));
  });

  it('drops each SSE connection after --drop-after events; resuming each time loses and repeats nothing', async () => {
    server = await startMockServer(streams, { speed: 0, dropAfter: 4 });
    const url = server.endpoints[0]!.servedUrl;
    const got: { name?: string; id?: string; data: string }[] = [];
    let connections = 0;
    while (got.length < sseEvents.length && connections < 5) {
      connections++;
      got.push(...(await readSse(url, sseEvents.length - got.length, got.at(-1)?.id)));
    }
    expect(got).toEqual(want(0));
    expect(connections).toBe(2);
  });

  it('keeps the recorded pacing at speed 1', async () => {
    server = await startMockServer(streams, { speed: 1 });
    const started = performance.now();
    await readSse(server.endpoints[0]!.servedUrl, 6);
    // 5 gaps of 40 ms were recorded.
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('serves WebSocket server frames in order, text and binary intact', async () => {
    server = await startMockServer(streams, { speed: 0 });
    expect(server.endpoints[1]).toMatchObject({ transport: 'ws', servedUrl: `${server.origin.replace('http', 'ws')}/ws?board=42`, events: 3 });
    const ws = new WebSocket(`${server.endpoints[1]!.servedUrl}&token=whatever`);
    const frames: [boolean, string][] = [];
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (data: Buffer, binary) => {
        frames.push([binary, binary ? data.toString('base64') : data.toString()]);
        if (frames.length === 3) resolve();
      });
      ws.on('error', reject);
    });
    ws.close();
    expect(frames).toEqual([
      [false, '{"type":"hello"}'],
      [true, 'AAEC/v8='],
      [false, 'déjà vu'],
    ]);
  });

  it('answers an unknown path with what it serves, and says a port is in use', async () => {
    server = await startMockServer(streams, { speed: 0 });
    const res = await fetch(`${server.origin}/nope`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('/api/plans/events');
    await expect(startMockServer(streams, { port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

// Each run starts Node and tsx: seconds on a busy machine.
describe('streamscope command line', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'streamscope-cli-'));
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.resolve('bin/streamscope.js'), ...args], { encoding: 'utf8', timeout: 30_000 });

  it('converts, and refuses a malformed file naming the line, with a non-zero exit', async () => {
    const har = path.join(dir, 'in.har');
    const parts: string[] = [];
    for await (const p of convertStreams(streams, 'har')) parts.push(p);
    writeFileSync(har, parts.join(''));
    const out = path.join(dir, 'out.ndjson');
    const ok = cli('convert', har, '--to', 'ndjson', '-o', out);
    expect(ok.stdout).toContain(`Wrote ${out}: 2 endpoints, 10 events.`);
    expect(ok.status).toBe(0);

    const bad = path.join(dir, 'bad.ndjson');
    writeFileSync(bad, `${'{"v":1}\n'}`);
    const refused = cli('serve', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is not a recording Streamscope can read');
    expect(refused.stderr).toContain('line 1: "endpoint" is missing');

  });

  it('says plainly that a port is in use', async () => {
    server = await startMockServer(streams, { speed: 0 });
    const file = path.join(dir, 'busy.har');
    const parts: string[] = [];
    for await (const p of convertStreams(streams, 'har')) parts.push(p);
    writeFileSync(file, parts.join(''));
    const busy = cli('serve', file, '--port', String(server.port));
    expect(busy.status).toBe(1);
    expect(busy.stderr.trim()).toBe(`Port ${server.port} is in use on 127.0.0.1: pick another with --port (0 picks any free port).`);
  });
});
