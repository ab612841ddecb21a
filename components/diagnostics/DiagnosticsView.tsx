import { useContext, useMemo } from 'preact/hooks';
import { groupByEndpoint } from '../../lib/diagnostics/digest';
import type { StreamEvent } from '../../lib/model/event';
import { PanelContext } from '../panel/context';
import { EndpointCard } from './EndpointCard';
import { useNow } from './useNow';

const NO_EVENTS: readonly StreamEvent[] = [];

/** The "Connections" tab: per-endpoint reconnect diagnostics. */
export function DiagnosticsView() {
  const ctx = useContext(PanelContext);
  const version = ctx.version.value; // re-render on every history change
  const history = ctx.history;
  const now = useNow();
  // The live tail (bounded): recent markers and rates; whole-store counts come from the counters.
  const byEndpoint = useMemo(() => groupByEndpoint(history.tail), [history, version]);
  const configs = ctx.endpoints.value;
  const cfgById = new Map(configs.map((c) => [c.id, c]));
  // Configured endpoints in their order, then any the background reports that are not (invalid ones).
  const ids = [...new Set([...cfgById.keys(), ...history.status.keys()])];
  const loadedFrom = history.tail[0]?.time;

  return (
    <div class="diag">
      {!history.online && (
        <p class="diag-offline" role="status" data-testid="diag-offline">
          Offline: connections wait for the network and reconnect as soon as it is back.
        </p>
      )}
      {ids.length === 0 && <p class="muted">No endpoints yet: add one in the options.</p>}
      {ids.map((id) => (
        <EndpointCard
          key={id}
          endpointId={id}
          cfg={cfgById.get(id)}
          status={history.status.get(id)}
          stored={history.counters.get(id)}
          events={byEndpoint.get(id) ?? NO_EVENTS}
          now={now}
          loadedFrom={loadedFrom}
          loadAttempts={ctx.attempts}
          send={(m) => ctx.link.send(m)}
        />
      ))}
    </div>
  );
}
