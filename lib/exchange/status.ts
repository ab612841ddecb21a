import { importProblems } from './import-error';

/** What the Replay & files tab does: export a view or an endpoint, import a file, load events to replay. */
export type ExchangeOp = 'export' | 'import' | 'replay';

/**
 * The one outcome the tab shows. Every operation replaces it as it starts and as it ends, so a
 * later success never leaves an earlier failure on screen (and a failure clears an old notice).
 */
export type ExchangeStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; op: ExchangeOp; what: string }
  | { kind: 'done'; op: ExchangeOp; notice: string }
  | { kind: 'failed'; op: ExchangeOp; problems: string[] };

export const IDLE_STATUS: ExchangeStatus = { kind: 'idle' };

/** The heading over a failure's problems, in words that fit what failed. */
export function failureTitle(op: ExchangeOp): string {
  switch (op) {
    case 'import':
      return 'Nothing was imported:';
    case 'export':
      return 'The export failed:';
    case 'replay':
      return 'The events to replay could not be read:';
  }
}

/**
 * Runs one operation and reports its outcome through `set`: busy while it runs, then its notice
 * or its problems. An import failure lists each problem the file has (`line 3: not valid JSON`).
 */
export async function runExchange(op: ExchangeOp, what: string, work: () => Promise<string>, set: (s: ExchangeStatus) => void): Promise<void> {
  set({ kind: 'busy', op, what });
  try {
    set({ kind: 'done', op, notice: await work() });
  } catch (e) {
    set({ kind: 'failed', op, problems: importProblems(e) });
  }
}
