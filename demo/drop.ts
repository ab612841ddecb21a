import type { Duplex } from 'node:stream';

/**
 * Kills the connection abruptly, but only after what was already written has gone out, so a
 * client of `dropAfter=N` really receives N events before the break. The socket is ended (FIN)
 * before it is destroyed: closing it at once can make the peer see a reset, and a reset makes
 * the client's side throw away what it received but had not read yet.
 */
export function dropAfterFlush(socket: Duplex | null, kill: () => void): void {
  if (!socket || socket.destroyed) return kill();
  socket.end(() => kill());
}

/**
 * How long a dropped SSE connection stays open after its last event. A browser that has the
 * events and the break in hand at once can report the break first and throw the unread events
 * away (seen in Chromium with a busy renderer): its client then resumes from an earlier id, gets
 * the same events and the same drop, backing off longer each time.
 */
export const DROP_GRACE_MS = 250;
