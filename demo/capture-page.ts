import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { PAGE_HTML, FRAME_HTML } from './capture-html';
import { DROP_GRACE_MS } from './drop';
import { ES_DROP_AFTER, ES_RETRY_MS, esEvents, llmEvents, ndjsonLines, wsEcho, wsFrames, xhrEvents, type EsEvent } from './capture-streams';

/** Paths of the page-capture demo: a page that opens one stream of every kind the extension captures. */
export const CAPTURE_PAGE_PATH = '/capture';
export const CAPTURE_WS_PATH = '/capture/ws';

const GAP_MS = 25;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sseBlock = (e: EsEvent) => `${e.name ? `event: ${e.name}\n` : ''}id: ${e.id}\ndata: ${e.data}\n\n`;

async function writeSlowly(res: ServerResponse, parts: string[]): Promise<void> {
  for (const p of parts) {
    if (res.destroyed) return;
    res.write(p);
    await sleep(GAP_MS);
  }
}

function streamHead(res: ServerResponse, type: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
  res.socket?.setNoDelay(true);
}

/** Serves the demo page, its iframe and its HTTP streams; false when the path is not ours. */
export function serveCapturePage(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  switch (route) {
    case `GET ${CAPTURE_PAGE_PATH}`:
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE_HTML);
      return true;
    case `GET ${CAPTURE_PAGE_PATH}/frame`:
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(FRAME_HTML);
      return true;
    case `GET ${CAPTURE_PAGE_PATH}/es`: {
      // Resumes after Last-Event-ID; the first connection is dropped after ES_DROP_AFTER events.
      const after = Number(req.headers['last-event-id'] ?? 0) || 0;
      const events = esEvents().filter((e) => Number(e.id) > after);
      streamHead(res, 'text/event-stream; charset=utf-8');
      res.write(`retry: ${ES_RETRY_MS}\n\n`);
      const first = after === 0;
      void writeSlowly(res, (first ? events.slice(0, ES_DROP_AFTER) : events).map(sseBlock)).then(() => (first ? sleep(DROP_GRACE_MS).then(() => res.destroy()) : res.end()));
      return true;
    }
    case `POST ${CAPTURE_PAGE_PATH}/llm`:
      req.resume();
      streamHead(res, 'text/event-stream; charset=utf-8');
      void writeSlowly(res, llmEvents().map((d) => `data: ${d}\n\n`)).then(() => res.end());
      return true;
    case `GET ${CAPTURE_PAGE_PATH}/ndjson`:
      streamHead(res, 'application/x-ndjson');
      void writeSlowly(res, ndjsonLines().map((l) => `${l}\n`)).then(() => res.end());
      return true;
    case `GET ${CAPTURE_PAGE_PATH}/xhr`:
      streamHead(res, 'text/event-stream; charset=utf-8');
      void writeSlowly(res, xhrEvents().map(sseBlock)).then(() => res.end());
      return true;
    default:
      return false;
  }
}

/** The demo page's WebSockets: the server's frames, then an echo of whatever the page sends. */
export function serveCaptureWs(ws: WebSocket, url: URL): void {
  const who = url.searchParams.get('who') === 'frame' ? 'frame' : 'page';
  ws.on('message', (raw, isBinary) => {
    if (!isBinary) ws.send(wsEcho(raw.toString()));
  });
  ws.on('error', () => undefined);
  void (async () => {
    for (const f of wsFrames(who)) {
      await sleep(GAP_MS);
      if (ws.readyState !== ws.OPEN) return;
      ws.send(f.text ?? Buffer.from(f.bytes ?? []), { binary: f.text === undefined });
    }
  })();
}
