import { ATTEMPTS_SHOWN } from '../../lib/diagnostics/attempts';
import { describeAttempt } from '../../lib/diagnostics/attempt-text';
import type { AttemptsResult } from './useAttempts';

/** The endpoint's connection attempts, newest first, as stored by the background. */
export function AttemptTable({ rows, error }: AttemptsResult) {
  return (
    <section class="diag-attempts">
      <h4>Attempts (newest first, last {ATTEMPTS_SHOWN})</h4>
      {error && <p class="diag-error">Could not read the attempts: {error}</p>}
      {rows === undefined ? (
        !error && <p class="muted">Reading…</p>
      ) : rows.length === 0 ? (
        <p class="muted">No attempts stored.</p>
      ) : (
        <div class="diag-table-wrap">
          <table class="diag-table">
            <thead>
              <tr>
                <th>#</th>
                <th>Started</th>
                <th>To open</th>
                <th>Code</th>
                <th>Outcome</th>
                <th>Next wait</th>
                <th>Last-Event-ID sent</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const a = describeAttempt(row, i === 0);
                return (
                  <tr key={row.key ?? `${row.n}@${row.startedAt}`} class={`tone-${a.tone}`} data-testid="diag-attempt">
                    <td>{row.n}</td>
                    <td title={a.startedFull}>{a.started}</td>
                    <td>{a.toOpen}</td>
                    <td>{a.code}</td>
                    <td title={a.outcome}>{a.outcome}</td>
                    <td title={a.delayWhy || undefined}>
                      {a.delay} {a.delayWhy && <span class="muted">({a.delayWhy})</span>}
                    </td>
                    <td title={a.lastEventId}>{a.lastEventId}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
