import { describe, expect, it } from 'vitest';
import { createSseTransport } from '../../../lib/transport/sse';
import { FakeServer, flush, sseEndpoint } from './fakes';

describe('SSE transport', () => {
  it('reports an oversize event as malformed and carries on', async () => {
    const server = new FakeServer();
    const s = server.stream();
    const transport = createSseTransport(sseEndpoint(), { fetch: server.fetch, maxEventBytes: 1024 });
    const frames: string[] = [];
    const markers: string[] = [];
    const attempt = transport.connect({
      opened: () => undefined,
      frame: (f) => frames.push(f.data),
      activity: () => undefined,
      marker: (kind, message) => markers.push(`${kind}: ${message}`),
      ended: () => undefined,
    });
    await flush();
    s.send(`data: ${'x'.repeat(2 * 1024 * 1024)}\n\ndata: fine\n\n`);
    await flush();
    expect(markers).toEqual(['malformed: Skipped a 2 MiB event: the limit is 1 KiB']);
    expect(frames).toEqual(['fine']);
    attempt.close();
  });

  it('tells detection where the stream comes from: URL without credentials, content type, telling headers', async () => {
    const server = new FakeServer();
    server.stream({ 'x-vercel-ai-ui-message-stream': 'v1', 'x-other': 'kept out' });
    const transport = createSseTransport(sseEndpoint({ url: 'http://test.local/api/chat?token=s3cret&room=1' }), { fetch: server.fetch });
    const details: Record<string, unknown>[] = [];
    const attempt = transport.connect({
      opened: (_message, detail) => details.push(detail),
      frame: () => undefined,
      activity: () => undefined,
      marker: () => undefined,
      ended: () => undefined,
    });
    await flush();
    expect(details).toEqual([
      {
        httpStatus: 200,
        lastEventId: undefined,
        url: 'http://test.local/api/chat?room=1',
        contentType: 'text/event-stream; charset=utf-8',
        headers: { 'x-vercel-ai-ui-message-stream': 'v1' },
      },
    ]);
    attempt.close();
  });
});
