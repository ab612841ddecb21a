import type { BrowserContext, Page, Route, WebSocketRoute } from 'playwright-core';
import type { RecordedStream } from '../lib/exchange/recording';
import { matchRoute, type MockRoute } from '../lib/mock/routes';
import type { Transport } from '../lib/model/event';
import { readRecordingFile } from './recording-file';
import { playFrames, startMockServer, type MockServer, type ServedEndpoint } from './server';

export interface MockRecordingOptions {
  /** 1 keeps the recorded pacing, 10 is ten times faster, 0 (the default here) as fast as possible. */
  speed?: number;
  loop?: boolean;
}

export interface MockedRecording {
  endpoints: ServedEndpoint[];
  /** Drops every open stream, as a network failure would: SSE clients resume with Last-Event-ID. */
  disconnect(): void;
  /** Removes the routes and stops serving. */
  close(): Promise<void>;
}

type Target = Pick<Page | BrowserContext, 'route' | 'unroute' | 'routeWebSocket'>;

/**
 * Makes the page's (or context's) SSE and WebSocket requests to the recorded URLs get the
 * recording: SSE requests go to a mock server started for the purpose (so pacing and
 * `Last-Event-ID` resume behave as a server's would), WebSockets are answered in the test
 * process with the recorded server frames. `recording` is a file (NDJSON export or HAR) or the
 * streams read from one.
 *
 *     const mock = await mockRecording(page, 'tests/fixtures/board.har');
 *     await page.goto(...);   // its EventSource and WebSocket get the recorded events
 *     await mock.close();
 */
export async function mockRecording(target: Target, recording: string | readonly RecordedStream[], opts: MockRecordingOptions = {}): Promise<MockedRecording> {
  const streams = typeof recording === 'string' ? await readRecordingFile(recording) : recording;
  const speed = opts.speed ?? 0;
  const loop = opts.loop ?? false;
  const server: MockServer = await startMockServer(streams, { port: 0, speed, loop });
  const hosts = new Map<string, MockRoute[]>();
  for (const r of server.routes) {
    const host = URL.canParse(r.recordedUrl) ? new URL(r.recordedUrl).host : '';
    hosts.set(host, [...(hosts.get(host) ?? []), r]);
  }
  /** The recorded endpoint a request is for: same host, path, and the recorded query. */
  const recorded = (transport: Transport, url: URL): MockRoute | undefined => matchRoute(hosts.get(url.host) ?? [], transport, url.pathname, url.searchParams);

  const isSse = (url: URL): boolean => recorded('sse', url) !== undefined;
  const toServer = (route: Route): Promise<void> => {
    const url = new URL(route.request().url());
    const r = recorded('sse', url)!;
    // Under its host prefix the server picks this endpoint even when another shares its path.
    return route.continue({ url: `${server.origin}${r.prefix}${url.pathname}${url.search}` });
  };

  /** Open page WebSockets and how to stop playing to each. */
  const sockets = new Map<WebSocketRoute, () => void>();
  const play = (ws: WebSocketRoute): void => {
    const r = recorded('ws', new URL(ws.url()))!;
    const stop = playFrames(r, { speed, loop }, (frame) => ws.send(frame));
    sockets.set(ws, stop);
    ws.onClose(() => {
      stop();
      sockets.delete(ws);
    });
  };

  await target.route(isSse, toServer);
  await target.routeWebSocket((url) => recorded('ws', url) !== undefined, play);
  const dropSockets = (): void => {
    for (const [ws, stop] of sockets) {
      stop();
      void ws.close({ code: 1001, reason: 'mock disconnected' }).catch(() => undefined);
    }
    sockets.clear();
  };
  return {
    endpoints: server.endpoints,
    disconnect() {
      server.disconnect();
      dropSockets();
    },
    async close() {
      await target.unroute(isSse, toServer).catch(() => undefined);
      dropSockets();
      await server.close();
    },
  };
}
