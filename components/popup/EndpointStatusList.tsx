import type { EndpointStatus } from '../../lib/messaging/protocol';
import type { ConnState } from '../../lib/model/connection';
import { isDemoEndpoint } from '../../lib/config/demo-endpoints';
import { needsReconnect } from '../../lib/notify/popup-model';

const LABELS: Record<ConnState, string> = {
  idle: 'idle',
  connecting: 'connecting',
  open: 'connected',
  backoff: 'reconnecting',
  given_up: 'given up',
  paused: 'paused',
};

interface Props {
  status: EndpointStatus[];
  name: (endpointId: string) => string;
  onReconnect: (endpointId: string) => void;
}

/** States whose reason the row spells out: the user has to know why nothing arrives. */
const SAY_WHY = new Set<ConnState>(['backoff', 'given_up']);

/**
 * One line per endpoint: a coloured dot, its name and state, and Reconnect when that helps;
 * under an endpoint that is retrying or gave up, why.
 */
export function EndpointStatusList({ status, name, onReconnect }: Props) {
  if (status.length === 0) return <p class="muted">No endpoints configured.</p>;
  return (
    <ul class="endpoints">
      {status.map((s) => (
        <li key={s.endpointId} title={s.reason} class={`st-${s.state}`}>
          <span class={`dot dot-${s.state}`} data-testid="endpoint-status" data-endpoint-id={s.endpointId} data-state={s.state} />
          <span class="ep-name">
            {name(s.endpointId)}
            {isDemoEndpoint({ id: s.endpointId }) && <span class="tag">demo</span>}
          </span>
          <span class="ep-state">{LABELS[s.state]}</span>
          {needsReconnect(s) && (
            <button class="link" data-testid="reconnect" data-endpoint-id={s.endpointId} onClick={() => onReconnect(s.endpointId)}>
              Reconnect
            </button>
          )}
          {SAY_WHY.has(s.state) && s.reason && (
            <span class="ep-why" data-testid="endpoint-why">
              {s.reason}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
