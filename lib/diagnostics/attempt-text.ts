import type { AttemptRow } from '../store/schema';
import { clip } from '../protocols/format';
import { formatClock, formatSpan } from '../format/units';

/** One attempt as the table shows it: every field already text. */
export interface AttemptText {
  started: string;
  /** Local date and time, for a tooltip: the table's clock time has no day. */
  startedFull: string;
  toOpen: string;
  /** `HTTP 503` or `close 1006`, when the server said one. */
  code: string;
  outcome: string;
  delay: string;
  delayWhy: string;
  lastEventId: string;
  /** `ok`: it opened; `failed`: it ended without opening; `pending`: still trying. */
  tone: 'ok' | 'failed' | 'pending';
}

/**
 * Words for one stored attempt. Only the newest can still be under way: an older one that
 * never ended was cut short when the background stopped.
 */
export function describeAttempt(a: AttemptRow, newest: boolean): AttemptText {
  const code = a.httpStatus !== undefined ? `HTTP ${a.httpStatus}` : a.closeCode !== undefined ? `close ${a.closeCode}` : '';
  let outcome: string;
  if (a.endedAt === undefined) outcome = a.openedAt !== undefined ? 'open' : newest ? 'connecting…' : 'no ending recorded';
  else {
    outcome = clip(a.outcome ?? 'ended', 200);
    if (a.openedAt !== undefined) outcome += ` (after ${formatSpan(a.endedAt - a.openedAt)} open)`;
  }
  const pending = a.openedAt === undefined && a.endedAt === undefined && newest;
  return {
    started: formatClock(a.startedAt),
    startedFull: new Date(a.startedAt).toLocaleString(),
    toOpen: a.openedAt !== undefined ? formatSpan(a.openedAt - a.startedAt) : '—',
    code,
    outcome,
    delay: a.delayMs !== undefined ? formatSpan(a.delayMs) : '—',
    delayWhy: clip(a.delayWhy ?? '', 120),
    lastEventId: a.lastEventIdSent !== undefined ? clip(a.lastEventIdSent, 80) : 'none',
    tone: a.openedAt !== undefined ? 'ok' : pending ? 'pending' : 'failed',
  };
}
