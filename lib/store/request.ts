/**
 * A request whose failure its transaction reports: a failed request aborts the transaction, whose
 * `done` then rejects with why. Caught here, so an aborted transaction leaves no unhandled
 * rejection for each of the requests it had queued.
 */
export const request = (p: Promise<unknown>): void => void p.catch(() => undefined);
