import { failureTitle, type ExchangeStatus } from '../../lib/exchange/status';

/** The outcome of the tab's last operation: what is running, what it did, or what went wrong (as text). */
export function ExchangeStatusLine({ status }: { status: ExchangeStatus }) {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <p class="ex-status ex-busy" role="status" data-testid="exchange-busy">
          {status.what}
        </p>
      );
    case 'done':
      return (
        <p class="ex-status ex-done" role="status" data-testid="exchange-notice">
          {status.notice}
        </p>
      );
    case 'failed':
      return (
        <div class="ex-status ex-failed" role="alert" data-testid="exchange-error">
          <p>{failureTitle(status.op)}</p>
          <ul>
            {status.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </div>
      );
  }
}
