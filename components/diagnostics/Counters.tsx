import type { EndpointDigest } from '../../lib/diagnostics/digest';
import { formatRate } from '../../lib/diagnostics/rate';
import type { EndpointStatus } from '../../lib/messaging/protocol';
import type { EndpointCounters } from '../../lib/panel/store-view';
import { clip } from '../../lib/protocols/format';
import { formatAgo, formatBytes, formatClock } from '../../lib/format/units';

interface Props {
  status: EndpointStatus | undefined;
  digest: EndpointDigest;
  /** Whole-store counters; the loaded events count until the store's are read. */
  stored?: EndpointCounters;
  /** Received events per second, recently. */
  rate: number;
  now: number;
}

/** The endpoint's numbers: totals from the background, problems counted over the whole store. */
export function Counters({ status, digest, stored, rate, now }: Props) {
  const gaps = stored?.gaps ?? digest.gaps;
  const duplicates = stored?.duplicates ?? digest.duplicates;
  const malformed = stored?.malformed ?? digest.malformed.length;
  const lastAt = Math.max(status?.lastEventAt ?? -Infinity, digest.lastTrafficAt ?? -Infinity);
  const heard = Number.isFinite(lastAt);
  return (
    <dl class="diag-counters">
      <dt>Stored</dt>
      <dd>
        {status ? `${status.events.toLocaleString()} events · ${formatBytes(status.bytes)}` : '—'}
      </dd>
      <dt>Rate</dt>
      <dd title="Received events per second over the last 10 seconds">{formatRate(rate)}</dd>
      <dt>Last event or heartbeat</dt>
      <dd title={heard ? new Date(lastAt).toLocaleString() : undefined}>{heard ? `${formatAgo(now - lastAt)} (${formatClock(lastAt)})` : 'nothing yet'}</dd>
      <dt>Resumes from id</dt>
      <dd class="diag-mono">{status?.lastEventId !== undefined ? clip(status.lastEventId, 80) : 'none'}</dd>
      <dt>Gaps · duplicates · malformed</dt>
      <dd>
        <b class={gaps > 0 ? 'diag-bad' : undefined} data-testid="diag-gaps">
          {gaps}
        </b>
        {' · '}
        <b class={duplicates > 0 ? 'diag-bad' : undefined}>{duplicates}</b>
        {' · '}
        <b class={malformed > 0 ? 'diag-bad' : undefined}>{malformed}</b>
        <span class="muted">{stored ? ' in everything stored' : ' in the recent events'}</span>
      </dd>
      <dt>Disk queue</dt>
      <dd>
        {status?.overloaded && <span class="diag-flag">overloaded</span>} {status ? `${status.queued.toLocaleString()} waiting` : '—'}
      </dd>
    </dl>
  );
}
