import type { Page } from 'puppeteer-core';
import type { RecordedStream } from '../lib/exchange/recording';
import type { MockedRecording, MockRecordingOptions } from './playwright';
import { readRecordingFile } from './recording-file';
import { startMockServer } from './server';

/** A recorded endpoint and where the mock server serves it, as the page's script gets them. */
type Redirect = { transport: 'sse' | 'ws'; recorded: string; served: string };

/**
 * Runs in the page before its own scripts: EventSource and WebSocket, for a URL a recording
 * holds (same host and path, the recorded query among its own), connect to the mock server
 * instead. They stay the page's own classes underneath (instanceof, constants, events), and
 * `url` still reads what the page asked for.
 */
function redirectStreams(redirects: Redirect[]): void {
  const target = (transport: Redirect['transport'], asked: string | URL): string | undefined => {
    const url = new URL(asked, location.href);
    const r = redirects.find((d) => {
      if (d.transport !== transport) return false;
      const rec = new URL(d.recorded);
      return rec.host === url.host && rec.pathname === url.pathname && [...rec.searchParams].every(([k, v]) => url.searchParams.getAll(k).includes(v));
    });
    if (!r) return undefined;
    const served = new URL(r.served);
    return `${served.origin}${served.pathname}${url.search}`;
  };
  // No class fields: the function goes to the page as its source text, which a compiler's
  // helpers for them would not travel with.
  const asked = new WeakMap<object, string>();
  const NativeEventSource = window.EventSource;
  const NativeWebSocket = window.WebSocket;
  window.EventSource = class EventSource extends NativeEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      const to = target('sse', url);
      super(to ?? url, init);
      if (to) asked.set(this, new URL(url, location.href).href);
    }
    override get url(): string {
      return asked.get(this) ?? super.url;
    }
  };
  window.WebSocket = class WebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const to = target('ws', url);
      super(to ?? url, protocols);
      if (to) asked.set(this, new URL(url, location.href).href);
    }
    override get url(): string {
      return asked.get(this) ?? super.url;
    }
  };
}

/**
 * `streamscope/playwright`'s `mockRecording` for Puppeteer (Chrome, and Firefox over WebDriver
 * BiDi): the page's SSE and WebSocket connections to the recorded URLs get the recording from a
 * mock server started for the purpose, so pacing, `Last-Event-ID` resume and a dropped
 * connection behave as a server's would. Call it before `page.goto`.
 *
 *     const mock = await mockRecording(page, 'tests/fixtures/board.har');
 *     await page.goto(...);   // its EventSource and WebSocket get the recorded events
 *     await mock.close();
 */
export async function mockRecording(page: Page, recording: string | readonly RecordedStream[], opts: MockRecordingOptions = {}): Promise<MockedRecording> {
  const streams = typeof recording === 'string' ? await readRecordingFile(recording) : recording;
  const server = await startMockServer(streams, { port: 0, speed: opts.speed ?? 0, loop: opts.loop ?? false });
  // The page takes the first that matches: the most specific first (the route with most recorded
  // query parameters), as the server's routes pick, then the recording's order, which a stable
  // sort keeps. The server's endpoints are its routes, in order. A URL that does not parse matches nothing.
  const redirects: Redirect[] = server.endpoints
    .map((e, i) => ({ redirect: { transport: e.transport, recorded: e.recordedUrl, served: e.servedUrl }, params: server.routes[i]!.params.length }))
    .filter(({ redirect }) => URL.canParse(redirect.recorded))
    .sort((a, b) => b.params - a.params)
    .map(({ redirect }) => redirect);
  const script = await page.evaluateOnNewDocument(redirectStreams, redirects);
  return {
    endpoints: server.endpoints,
    disconnect: () => server.disconnect(),
    async close() {
      await page.removeScriptToEvaluateOnNewDocument(script.identifier).catch(() => undefined);
      await server.close();
    },
  };
}
