import { useState } from 'preact/hooks';
import type { EndpointConfig } from '../../lib/config/endpoint';
import type { EndpointStatus } from '../../lib/messaging/protocol';
import { composeError, composeTarget } from '../../lib/timeline/compose';

interface Props {
  /** WebSocket endpoints the user can send on. */
  endpoints: EndpointConfig[];
  status: ReadonlyMap<string, EndpointStatus>;
  /** The endpoints the timeline is filtered to: one WebSocket among them is the target. */
  filtered: readonly string[];
  send(endpointId: string, data: string): void;
}

/** Sends a frame on a WebSocket endpoint; it shows up as an outgoing row once recorded. */
export function ComposeBox({ endpoints, status, filtered, send }: Props) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [json, setJson] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const to = composeTarget(endpoints, filtered, chosen);
  if (!to) return null;
  const { target, fromFilter } = to;
  const connected = status.get(target.id)?.state === 'open';
  const submit = () => {
    const problem = composeError(text, json);
    setError(problem);
    if (!problem) send(target.id, text);
  };
  return (
    <form
      class="tl-compose"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <span class="tl-compose-to">To</span>
      {fromFilter ? (
        <strong data-testid="compose-target-name" title="The endpoint the timeline is filtered to">
          {target.name}
        </strong>
      ) : (
        <select data-testid="compose-endpoint" value={target.id} aria-label="Send on" onChange={(e) => setChosen(e.currentTarget.value)}>
          {endpoints.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
      <span class="tl-compose-target" data-testid="compose-target" data-endpoint-id={target.id} title={target.url}>
        {target.url}
      </span>
      <span class={connected ? 'tl-compose-state ok' : 'tl-compose-state'} data-testid="compose-state">
        {connected ? 'connected' : 'not connected'}
      </span>
      <textarea
        data-testid="compose-text"
        aria-label={`Message to ${target.name}`}
        rows={1}
        placeholder={json ? '{"type":"ping"}' : 'Message to send (Ctrl+Enter)'}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setError(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <label class="tl-toggle" title="Check that the message is valid JSON before sending">
        <input
          type="checkbox"
          data-testid="compose-json"
          checked={json}
          onChange={(e) => {
            setJson(e.currentTarget.checked);
            setError(undefined);
          }}
        />
        JSON
      </label>
      <button type="submit" data-testid="compose-send">
        Send
      </button>
      {error && (
        <span class="tl-error" role="alert" data-testid="compose-error">
          {error}
        </span>
      )}
    </form>
  );
}
