import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { dropAfterFlush } from './drop';
import { endRule } from './knobs';
import { startPacer } from './pacer';
import type { ServeOptions } from './sse';
import { openStream } from './streams';
import { encodeData } from './wire';

/** Above this many buffered bytes the pacer waits for the socket to drain. */
const HIGH_WATER_BYTES = 4 * 1024 * 1024;

const isPing = (text: string): boolean => {
  try {
    return (JSON.parse(text) as { type?: unknown }).type === 'ping';
  } catch {
    return false;
  }
};

/** Serves one WebSocket connection; WS has no resume, every connection starts at frame 1. */
export function serveWs(ws: WebSocket, socket: Duplex, o: ServeOptions): void {
  const conn = o.book.open(o.route.key, 'ws', 0);
  const { events, origin } = openStream(o.route, { seed: o.seed, rate: o.rate, heartbeats: true, now: Date.now(), after: 0 });
  const rule = endRule(o.knobs);
  // A stalled socket sends its first frame, then nothing, and stays open.
  const stalled = o.knobs.stallHeartbeat && rule.limit > 1;

  const stop = startPacer({
    events,
    origin,
    rate: o.rate,
    limit: stalled ? 1 : rule.limit,
    send(batch) {
      for (const e of batch) {
        const text = encodeData(e, o.knobs);
        ws.send(o.knobs.binaryEvery && e.seq % o.knobs.binaryEvery === 0 ? Buffer.from(text) : text);
      }
      conn.sent(batch[0]?.seq ?? 0, batch[batch.length - 1]?.seq ?? 0);
    },
    congested: () => ws.bufferedAmount > HIGH_WATER_BYTES,
    done() {
      if (stalled) return;
      if (rule.drop) {
        conn.close('drop');
        dropAfterFlush(socket, () => ws.terminate());
      } else {
        const counted = Number.isFinite(rule.limit);
        conn.close(counted ? 'count' : 'end');
        ws.close(1000, counted ? 'count reached' : 'stream ended');
      }
    },
  });
  ws.on('message', (raw, isBinary) => {
    if (!o.route.answersPing || o.knobs.stallHeartbeat || isBinary || !isPing(raw.toString())) return;
    ws.send(JSON.stringify({ type: 'pong', timestamp: new Date().toISOString() }));
    conn.pong();
  });
  // A protocol error from the client is followed by 'close'; without a listener it would crash the server.
  ws.on('error', () => undefined);
  ws.on('close', () => {
    stop();
    conn.close('client');
  });
}
