import { useMemo } from 'preact/hooks';
import type { EndpointConfig } from '../../lib/config/endpoint';
import type { AttemptLoader } from '../../lib/diagnostics/attempts';
import { digestEvents } from '../../lib/diagnostics/digest';
import { recentRate } from '../../lib/diagnostics/rate';
import { controlsFor, stateReason } from '../../lib/diagnostics/state';
import { formatCountdown } from '../../lib/format/units';
import type { EndpointStatus, PageMessage } from '../../lib/messaging/protocol';
import type { StreamEvent } from '../../lib/model/event';
import { ActivityChart } from './ActivityChart';
import { AttemptTable } from './AttemptTable';
import { ConnectionActions } from './ConnectionActions';
import { Counters } from './Counters';
import type { EndpointCounters } from '../../lib/panel/store-view';
import { MarkerList } from './MarkerList';
import { StateTrack } from './StateTrack';
import { useAttempts } from './useAttempts';

interface Props {
  endpointId: string;
  cfg: EndpointConfig | undefined;
  status: EndpointStatus | undefined;
  /** Whole-store counters of the endpoint. */
  stored?: EndpointCounters;
  /** This endpoint's loaded events, oldest first. */
  events: readonly StreamEvent[];
  now: number;
  loadedFrom?: number;
  loadAttempts: AttemptLoader;
  send(m: PageMessage): void;
}

/** Everything about one endpoint's connection: where it stands, what it did, what to do. */
export function EndpointCard({ endpointId, cfg, status, stored, events, now, loadedFrom, loadAttempts, send }: Props) {
  const digest = useMemo(() => digestEvents(events), [events]);
  const state = status?.state ?? 'idle';
  const reason = status ? stateReason(status) : 'No status from the background yet';
  const controls = controlsFor(state, cfg);
  // A new link marker or status change means the background wrote or updated an attempt.
  const refreshKey = `${state}|${status?.attempt}|${digest.link[digest.link.length - 1]?.seq}`;
  const attempts = useAttempts(loadAttempts, endpointId, refreshKey);
  const name = cfg?.name ?? endpointId;
  const retryAt = state === 'backoff' ? status?.nextRetryAt : undefined;

  return (
    <section class="diag-card" data-testid="diag-endpoint" data-endpoint-id={endpointId} data-state={state}>
      <header class="diag-head">
        <h3 title={cfg?.url}>{name}</h3>
        {cfg && <span class="diag-transport">{cfg.transport.toUpperCase()}</span>}
        <StateTrack state={state} />
        <ConnectionActions
          name={name}
          controls={controls}
          stored={status?.events ?? 0}
          onReconnect={() => send({ type: 'reconnect', endpointId })}
          onPause={(type) => send({ type, endpointId })}
          onClear={() => send({ type: 'clear', endpointId })}
        />
      </header>
      {reason !== undefined && (
        <p class={`diag-reason st-${state}`}>
          <span data-testid="diag-reason">{reason}</span>
          {retryAt !== undefined && (
            <span class="diag-countdown">
              {' '}
              · next attempt {formatCountdown(retryAt - now)} (failed {status?.attempt} in a row)
            </span>
          )}
        </p>
      )}
      <Counters status={status} digest={digest} stored={stored} rate={recentRate(events, now)} now={now} />
      <ActivityChart events={events} link={digest.link} openNow={state === 'open'} now={now} loadedFrom={loadedFrom} />
      <div class="diag-lists">
        <MarkerList title="Gaps and duplicates" entries={digest.idIssues} />
        <MarkerList title="Malformed" entries={digest.malformed} />
        <MarkerList title="Background stops and restarts" entries={digest.worker} />
      </div>
      <AttemptTable {...attempts} />
    </section>
  );
}
