import { useState } from 'preact/hooks';
import type { EndpointDraft, Errors } from '../../lib/options/draft';

interface Props {
  headers: EndpointDraft['headers'];
  errors: Errors;
  onChange: (headers: EndpointDraft['headers']) => void;
}

/** SSE request headers as name/value rows; values are masked unless revealed. */
export function HeadersEditor({ headers, errors, onChange }: Props) {
  const [reveal, setReveal] = useState(false);
  const update = (i: number, patch: Partial<EndpointDraft['headers'][number]>) =>
    onChange(headers.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <fieldset class="rows">
      <legend>Request headers</legend>
      <p class="hint">Sent with every SSE request, e.g. Authorization. Stored in this browser only; left out of exports unless you include secrets.</p>
      {headers.map((h, i) => (
        <div class="row" key={i}>
          <input aria-label="Header name" placeholder="Name" data-testid="header-name" value={h.name} onInput={(e) => update(i, { name: e.currentTarget.value })} />
          <input
            aria-label="Header value"
            placeholder="Value"
            data-testid="header-value"
            type={reveal ? 'text' : 'password'}
            autocomplete="off"
            value={h.value}
            onInput={(e) => update(i, { value: e.currentTarget.value })}
          />
          <button type="button" class="link" onClick={() => onChange(headers.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <div class="row">
        <button type="button" data-testid="add-header" onClick={() => onChange([...headers, { name: '', value: '' }])}>
          Add header
        </button>
        {headers.length > 0 && (
          <label>
            <input type="checkbox" data-testid="reveal-headers" checked={reveal} onChange={(e) => setReveal(e.currentTarget.checked)} /> Show values
          </label>
        )}
      </div>
      {errors.headers && (
        <p class="error" role="alert" data-testid="error-headers">
          {errors.headers}
        </p>
      )}
    </fieldset>
  );
}
