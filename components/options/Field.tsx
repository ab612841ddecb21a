import type { ComponentChildren } from 'preact';
import type { Errors } from '../../lib/options/draft';

interface Props {
  label: string;
  /** The config field path its error is filed under, e.g. `url` or `reconnect.baseMs`. */
  name: string;
  errors: Errors;
  hint?: string;
  children: ComponentChildren;
}

/** A labelled input with its error, in plain words, right below it. */
export function Field({ label, name, errors, hint, children }: Props) {
  const error = errors[name];
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label>
        <span class="label">{label}</span>
        {children}
      </label>
      {hint && <span class="hint">{hint}</span>}
      {error && (
        <p class="error" role="alert" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
