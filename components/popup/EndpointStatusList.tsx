import type { EndpointStatus } from '../../lib/messaging/protocol';
import type { ConnState } from '../../lib/model/connection';
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

/** One line per endpoint: a coloured dot, its name and state, and Reconnect when that helps. */
export function EndpointStatusList({ status, name, onReconnect }: Props) {
  if (status.length === 0) return <p class="muted">No endpoints configured.</p>;
  return (
    <ul class="endpoints">
      {status.map((s) => (
        <li key={s.endpointId} title={s.reason}>
          <span class={`dot dot-${s.state}`} data-testid="endpoint-status" data-endpoint-id={s.endpointId} data-state={s.state} />
          <span class="ep-name">{name(s.endpointId)}</span>
          <span class="muted">{LABELS[s.state]}</span>
          {needsReconnect(s) && (
            <button class="link" data-testid="reconnect" data-endpoint-id={s.endpointId} onClick={() => onReconnect(s.endpointId)}>
              Reconnect
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
