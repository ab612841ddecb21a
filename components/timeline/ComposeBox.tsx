import { useState } from 'preact/hooks';
import type { EndpointConfig } from '../../lib/config/endpoint';
import type { EndpointStatus } from '../../lib/messaging/protocol';
import { composeError } from '../../lib/timeline/compose';

interface Props {
  /** WebSocket endpoints the user can send on. */
  endpoints: EndpointConfig[];
  status: ReadonlyMap<string, EndpointStatus>;
  send(endpointId: string, data: string): void;
}

/** Sends a frame on a WebSocket endpoint; it shows up as an outgoing row once recorded. */
export function ComposeBox({ endpoints, status, send }: Props) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [json, setJson] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const target = endpoints.find((c) => c.id === chosen) ?? endpoints[0];
  if (!target) return null;
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
      <select data-testid="compose-endpoint" value={target.id} aria-label="Send on" onChange={(e) => setChosen(e.currentTarget.value)}>
        {endpoints.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {status.get(c.id)?.state === 'open' ? '' : ' (not connected)'}
          </option>
        ))}
      </select>
      <textarea
        data-testid="compose-text"
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
