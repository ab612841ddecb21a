import { useContext, useMemo, useState } from 'preact/hooks';
import { groupByEndpoint } from '../../lib/diagnostics/digest';
import { overviewRows } from '../../lib/diagnostics/overview';
import type { StreamEvent } from '../../lib/model/event';
import { PanelContext } from '../panel/context';
import { EndpointCard } from './EndpointCard';
import { OverviewTable } from './OverviewTable';
import { useNow } from './useNow';

const NO_EVENTS: readonly StreamEvent[] = [];

/** The "Connections" tab: an overview of every endpoint, problems first, and one endpoint's card on click. */
export function DiagnosticsView() {
  const ctx = useContext(PanelContext);
  const version = ctx.version.value; // re-render on every history change
  const history = ctx.history;
  const now = useNow();
  // The live tail (bounded): recent markers and rates; whole-store counts come from the counters.
  const byEndpoint = useMemo(() => groupByEndpoint(history.tail), [history, version]);
  const configs = ctx.endpoints.value;
  const cfgById = new Map(configs.map((c) => [c.id, c]));
  const rows = useMemo(
    () => overviewRows({ configs, status: history.status, counters: history.counters, chunks: history.chunks, tail: byEndpoint, now }),
    [configs, history, version, byEndpoint, now],
  );
  const [picked, pick] = useState<string | undefined>(undefined);
  // With one endpoint there is nothing to pick from: its card shows at once.
  const shown = rows.length === 1 ? rows[0]!.endpointId : rows.some((r) => r.endpointId === picked) ? picked : undefined;
  const loadedFrom = history.tail[0]?.time;

  return (
    <div class="diag">
      {!history.online && (
        <p class="diag-offline" role="status" data-testid="diag-offline">
          Offline: connections wait for the network and reconnect as soon as it is back.
        </p>
      )}
      {rows.length === 0 && <p class="muted">No endpoints yet: add one in the options.</p>}
      {rows.length > 1 && <OverviewTable rows={rows} selected={shown} select={pick} loadAttempts={ctx.attempts} now={now} />}
      {rows.length > 1 && shown === undefined && <p class="muted">Pick an endpoint for its attempts, markers and controls.</p>}
      {shown !== undefined && (
        <EndpointCard
          key={shown}
          endpointId={shown}
          cfg={cfgById.get(shown)}
          status={history.status.get(shown)}
          stored={history.counters.get(shown)}
          events={byEndpoint.get(shown) ?? NO_EVENTS}
          now={now}
          loadedFrom={loadedFrom}
          loadAttempts={ctx.attempts}
          send={(m) => ctx.link.send(m)}
        />
      )}
    </div>
  );
}
