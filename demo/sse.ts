import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS_HEADERS } from './cors';
import { dropAfterFlush } from './drop';
import type { Knobs } from './knobs';
import { endRule, resumeAfter } from './knobs';
import { startPacer } from './pacer';
import type { StatsBook } from './stats';
import type { StreamRoute } from './streams';
import { openStream } from './streams';
import { encodeData, sseBlock } from './wire';

export interface ServeOptions {
  route: StreamRoute;
  knobs: Knobs;
  seed: number;
  rate: number;
  book: StatsBook;
}

/** Serves one SSE connection, resuming after Last-Event-ID when the client sends one. */
export function serveSse(req: IncomingMessage, res: ServerResponse, url: URL, o: ServeOptions): void {
  const after = resumeAfter(req.headers['last-event-id'] as string | undefined, url);
  const conn = o.book.open(o.route.key, 'sse', after);
  const { events, origin } = openStream(o.route, { seed: o.seed, rate: o.rate, heartbeats: !o.knobs.stallHeartbeat, now: Date.now(), after });
  const rule = endRule(o.knobs);

  req.socket.setNoDelay(true);
  res.writeHead(200, {
    ...CORS_HEADERS,
    'Content-Type': o.knobs.contentType ?? 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 1000\n\n');

  const stop = startPacer({
    events,
    origin,
    rate: o.rate,
    limit: rule.limit,
    send(batch) {
      res.write(batch.map((e) => sseBlock(e, encodeData(e, o.knobs))).join(''));
      conn.sent(batch[0]?.seq ?? 0, batch[batch.length - 1]?.seq ?? 0);
    },
    congested: () => res.writableNeedDrain,
    done() {
      if (rule.drop) {
        conn.close('drop');
        dropAfterFlush(res.socket, () => res.destroy());
      } else {
        conn.close(Number.isFinite(rule.limit) ? 'count' : 'end');
        res.end();
      }
    },
  });
  res.on('close', () => {
    stop();
    conn.close('client');
  });
}
