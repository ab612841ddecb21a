import { useMemo } from 'preact/hooks';
import type { AttemptLoader } from '../../lib/diagnostics/attempts';
import { OVERVIEW_BUCKETS, OVERVIEW_SPAN_MS, windowUptime, type OverviewRow } from '../../lib/diagnostics/overview';
import { STATE_TRACK } from '../../lib/diagnostics/state';
import { formatAgo } from '../../lib/format/units';
import { RateSpark } from './RateSpark';
import { useAttempts } from './useAttempts';

interface Props {
  rows: readonly OverviewRow[];
  selected: string | undefined;
  select(endpointId: string | undefined): void;
  loadAttempts: AttemptLoader;
  now: number;
}

const STATE_LABEL = new Map(STATE_TRACK.map((s) => [s.state, s.label]));

function Row({ row, selected, select, loadAttempts, now }: { row: OverviewRow; selected: boolean; select(id: string | undefined): void; loadAttempts: AttemptLoader; now: number }) {
  // A new attempt changes the state or the count: read the stored attempts again then.
  const attempts = useAttempts(loadAttempts, row.endpointId, `${row.state}|${row.failing}`);
  const up = useMemo(() => windowUptime(attempts.rows ?? [], now - OVERVIEW_SPAN_MS, now), [attempts.rows, Math.floor(now / 10_000)]);
  const toggle = () => select(selected ? undefined : row.endpointId);
  return (
    <tr
      class={`sev-${row.severity}${selected ? ' selected' : ''}`}
      aria-selected={selected}
      data-testid="diag-overview-row"
      data-endpoint-id={row.endpointId}
      data-state={row.state}
      data-severity={row.severity}
      onClick={toggle}
    >
      <td class="diag-ov-name">
        <button class="diag-link" title={row.url} aria-expanded={selected} onClick={(e) => {
            e.stopPropagation(); // the row's own click would toggle it back
            toggle();
          }}
        >
          {row.name}
        </button>
        {row.transport && <span class="diag-transport">{row.transport.toUpperCase()}</span>}
      </td>
      <td>
        <span class={`diag-state st-${row.state}`}>{STATE_LABEL.get(row.state) ?? row.state}</span>
      </td>
      <td>
        <RateSpark buckets={row.rate} bucketMs={OVERVIEW_SPAN_MS / OVERVIEW_BUCKETS} />
      </td>
      <td title="Share of the last 10 minutes the connection was open (from the stored attempts)">{up.share === undefined ? '—' : `${Math.round(up.share * 100)} %`}</td>
      <td title={row.lastEventAt !== undefined ? new Date(row.lastEventAt).toLocaleString() : undefined}>{row.lastEventAt !== undefined ? formatAgo(now - row.lastEventAt) : 'nothing yet'}</td>
      <td title={`Attempts started in the last 10 minutes${row.failing > 0 ? `; ${row.failing} failed in a row` : ''}`}>
        {up.attempts}
        {row.failing > 0 && <span class="diag-bad"> · {row.failing} failing</span>}
      </td>
      <td class="diag-ov-problem" title={row.problem}>
        {row.problem ?? ''}
      </td>
    </tr>
  );
}

/** One row per endpoint, problems first; a click opens the endpoint's card below. */
export function OverviewTable({ rows, selected, select, loadAttempts, now }: Props) {
  return (
    <div class="diag-table-wrap">
      <table class="diag-table diag-overview" data-testid="diag-overview">
        <thead>
          <tr>
            <th>Endpoint</th>
            <th>State</th>
            <th>Rate, 10 min</th>
            <th>Uptime</th>
            <th>Last event</th>
            <th>Attempts</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.endpointId} row={row} selected={row.endpointId === selected} select={select} loadAttempts={loadAttempts} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
