import type { AlertSettingsModel } from '../../lib/options/alert-settings';

/** The per-endpoint cap on desktop alerts. Every matched event is still stored and listed in the popup. */
export function AlertSettings({ model }: { model: AlertSettingsModel }) {
  const error = model.error.value;
  return (
    <section class="settings" data-testid="alert-settings">
      <h2>Desktop alerts</h2>
      <label class="inline-field">
        At most one desktop alert per endpoint every
        <input
          inputMode="numeric"
          size={6}
          data-testid="alert-every"
          aria-invalid={error !== undefined}
          class={error ? 'invalid' : undefined}
          value={model.text.value}
          onInput={(e) => void model.change(e.currentTarget.value)}
        />
        seconds
        {model.saved.value && <span class="saved">saved</span>}
      </label>
      {error && (
        <p class="error" role="alert" data-testid="error-alert-every">
          {error}
        </p>
      )}
      <p class="hint">
        Events in between are summed up in the next alert. 0 alerts on every event. Notifications are always stored and listed in the popup; do-not-disturb
        (in the popup) stops alerts altogether.
      </p>
    </section>
  );
}
