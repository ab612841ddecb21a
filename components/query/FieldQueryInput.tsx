import { useSignal } from '@preact/signals';
import { FIELD_QUERY_EXAMPLES, FIELD_QUERY_HELP } from '../../lib/query/field-query';
import './field-query.css';

interface Props {
  value: string;
  error?: string;
  onChange(value: string): void;
}

/** The field query box, wide enough for its hint, with a help popover whose examples fill it in. */
export function FieldQueryInput({ value, error, onChange }: Props) {
  const help = useSignal(false);
  return (
    <span class="fq">
      <input
        class={`fq-input${error ? ' bad' : ''}`}
        placeholder="Fields: n>15 and status in (failed, stopped)"
        title={FIELD_QUERY_HELP}
        spellcheck={false}
        value={value}
        aria-invalid={error !== undefined}
        aria-label="Field query"
        data-testid="filter-field"
        onInput={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && help.value && (help.value = false)}
      />
      <button type="button" class="fq-toggle" aria-expanded={help.value} title="Field query syntax and examples" data-testid="field-help-toggle" onClick={() => (help.value = !help.value)}>
        ?
      </button>
      {help.value && (
        <div class="fq-help" role="dialog" aria-label="Field query help" data-testid="field-help">
          <p>Conditions on the event's JSON data. Click an example to use it.</p>
          <table>
            <tbody>
              {FIELD_QUERY_EXAMPLES.map((ex) => (
                <tr key={ex.query}>
                  <td>
                    <button
                      type="button"
                      class="fq-example"
                      onClick={() => {
                        onChange(ex.query);
                        help.value = false;
                      }}
                    >
                      {ex.query}
                    </button>
                  </td>
                  <td>{ex.means}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Paths work with or without the envelope (<code>payload</code>, <code>data</code>, <code>properties</code>): <code>payload.status</code> and{' '}
            <code>status</code> reach the same field. Tip: "Copy path" in the detail pane.
          </p>
        </div>
      )}
    </span>
  );
}
