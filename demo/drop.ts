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
