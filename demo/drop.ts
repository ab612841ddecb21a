import type { Duplex } from 'node:stream';

/**
 * Kills the connection abruptly, but only after what was already written has gone out, so a
 * client of `dropAfter=N` really receives N events before the break.
 */
export function dropAfterFlush(socket: Duplex | null, kill: () => void): void {
  if (!socket || socket.destroyed) return kill();
  socket.write('', () => kill());
}
