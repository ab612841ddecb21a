import type { EndpointDraft, Errors } from '../../lib/options/draft';

interface Props {
  rules: EndpointDraft['notify'];
  errors: Errors;
  onChange: (rules: EndpointDraft['notify']) => void;
  onDefaults: () => void;
}

const MATCH_HELP = 'Optional, like the timeline field filter: payload.state=failed, several separated by spaces.';

/** Which events notify: an event type (or * for any) and an optional field match. */
export function RulesEditor({ rules, errors, onChange, onDefaults }: Props) {
  const update = (i: number, patch: Partial<EndpointDraft['notify'][number]>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="rows">
      <legend>Notify me about</legend>
      {rules.length === 0 && <p class="hint">No rules: this endpoint never notifies.</p>}
      {rules.map((r, i) => (
        <div key={i}>
          <div class="row">
            <input aria-label="Event type" placeholder="Event type or *" data-testid="rule-type" value={r.type} onInput={(e) => update(i, { type: e.currentTarget.value })} />
            <input aria-label="Match" placeholder="field=value" title={MATCH_HELP} data-testid="rule-match" value={r.match} onInput={(e) => update(i, { match: e.currentTarget.value })} />
            <button type="button" class="link" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
              Remove
            </button>
          </div>
          {(['type', 'match'] as const).map(
            (part) =>
              errors[`notify.${i}.${part}`] && (
                <p key={part} class="error" role="alert" data-testid={`error-notify.${i}.${part}`}>
                  {errors[`notify.${i}.${part}`]}
                </p>
              ),
          )}
        </div>
      ))}
      <div class="row">
        <button type="button" data-testid="add-rule" onClick={() => onChange([...rules, { type: '', match: '' }])}>
          Add rule
        </button>
        <button type="button" data-testid="default-rules" onClick={onDefaults}>
          Use defaults for profile
        </button>
      </div>
    </fieldset>
  );
}
