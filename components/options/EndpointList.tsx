import { isDemoEndpoint } from '../../lib/config/demo-endpoints';
import type { OptionsModel } from '../../lib/options/options-model';

/** The configured endpoints, with the actions on each. */
export function EndpointList({ model }: { model: OptionsModel }) {
  const entries = model.entries.value;
  if (entries.length === 0) return <p class="hint">No endpoints yet. Add one to start watching a stream.</p>;
  return (
    <table class="endpoint-list">
      <tbody>
        {entries.map((entry) => {
          if (!entry.ok) {
            return (
              <tr key={entry.id} data-testid="endpoint-row" data-endpoint-id={entry.id} class="broken">
                <td />
                <td>
                  <div class="ep-name">{entry.name}</div>
                  <div class="error">Not used: {entry.error}</div>
                </td>
                <td class="actions">
                  <button class="link" data-testid="delete-endpoint" onClick={() => void model.remove(entry.id)}>
                    Delete
                  </button>
                </td>
              </tr>
            );
          }
          const c = entry.cfg;
          return (
            <tr key={c.id} data-testid="endpoint-row" data-endpoint-id={c.id} class={c.enabled ? '' : 'disabled'}>
              <td>
                <input
                  type="checkbox"
                  data-testid="endpoint-enabled"
                  title={c.enabled ? 'Connected: click to disconnect' : 'Disconnected: click to connect'}
                  aria-label={`Connect ${c.name}`}
                  checked={c.enabled}
                  disabled={c.recording === true}
                  onChange={(ev) => void model.setEnabled(c.id, ev.currentTarget.checked)}
                />
              </td>
              <td>
                <div class="ep-name">
                  {c.name} <span class="tag">{c.transport === 'ws' ? 'WebSocket' : 'SSE'}</span>
                  {c.recording && <span class="tag">recording</span>}
                  {isDemoEndpoint(c) && <span class="tag" data-testid="demo-tag">demo</span>}
                </div>
                <div class="url">{c.url}</div>
              </td>
              <td class="actions">
                <button class="link" data-testid="edit-endpoint" onClick={() => model.edit(c.id)}>
                  Edit
                </button>
                <button class="link" data-testid="duplicate-endpoint" onClick={() => model.duplicate(c.id)}>
                  Duplicate
                </button>
                <button class="link" data-testid="delete-endpoint" onClick={() => void model.remove(c.id)}>
                  Delete
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
