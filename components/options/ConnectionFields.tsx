import { RECONNECT_PRESETS, type ReconnectPolicy } from '../../lib/config/reconnect';
import { Field } from './Field';
import type { EndpointDraft, Errors } from '../../lib/options/draft';

interface Props {
  draft: EndpointDraft;
  errors: Errors;
  transport: 'sse' | 'ws';
  onChange: (patch: Partial<EndpointDraft>) => void;
}

const PRESET_LABELS: Record<ReconnectPolicy['preset'], string> = {
  forever: 'Keep trying (1 s doubling to 30 s, never gives up)',
  kanban: 'Kanban (1.5 s doubling to 12 s, 8 attempts)',
  opencode: 'OpenCode (1 s doubling to 16 s, 5 attempts)',
  notifications: 'Notifications (1 s doubling to 30 s, 5 attempts)',
  custom: 'Custom',
};

/** WebSocket options, reconnect policy and what an HTTP error does. */
export function ConnectionFields({ draft: d, errors: e, transport, onChange }: Props) {
  const hb = d.heartbeat;
  const r = d.reconnect;
  const setHb = (patch: Partial<EndpointDraft['heartbeat']>) => onChange({ heartbeat: { ...hb, ...patch } });
  const setR = (patch: Partial<EndpointDraft['reconnect']>) => onChange({ reconnect: { ...r, ...patch } });
  const choosePreset = (preset: ReconnectPolicy['preset']) => {
    // Custom starts from the policy in use, so the fields are filled with something sensible.
    const from = preset === 'custom' && d.reconnectPreset !== 'custom' ? RECONNECT_PRESETS[d.reconnectPreset] : undefined;
    onChange({
      reconnectPreset: preset,
      ...(from && {
        reconnect: { baseMs: String(from.baseMs), factor: String(from.factor), maxMs: String(from.maxMs), maxAttempts: from.maxAttempts === null ? '' : String(from.maxAttempts) },
      }),
    });
  };
  return (
    <>
      {transport === 'ws' && (
        <fieldset>
          <legend>WebSocket</legend>
          <Field label="Subprotocols" name="protocols" errors={e} hint="Comma-separated; leave empty for none.">
            <input data-testid="field-protocols" value={d.protocols} onInput={(ev) => onChange({ protocols: ev.currentTarget.value })} />
          </Field>
          <label class="check">
            <input type="checkbox" data-testid="field-heartbeat" checked={d.heartbeatOn} onChange={(ev) => onChange({ heartbeatOn: ev.currentTarget.checked })} />
            Send a heartbeat and treat a missing reply as a dead connection
          </label>
          {d.heartbeatOn && (
            <div class="grid">
              <Field label="Message" name="heartbeat.message" errors={e}>
                <input value={hb.message} onInput={(ev) => setHb({ message: ev.currentTarget.value })} />
              </Field>
              <Field label="Every (s)" name="heartbeat.intervalSec" errors={e}>
                <input inputMode="decimal" value={hb.intervalSec} onInput={(ev) => setHb({ intervalSec: ev.currentTarget.value })} />
              </Field>
              <Field label="Reply within (s)" name="heartbeat.timeoutSec" errors={e}>
                <input inputMode="decimal" value={hb.timeoutSec} onInput={(ev) => setHb({ timeoutSec: ev.currentTarget.value })} />
              </Field>
              <Field label="Reply contains" name="heartbeat.replyContains" errors={e}>
                <input value={hb.replyContains} onInput={(ev) => setHb({ replyContains: ev.currentTarget.value })} />
              </Field>
            </div>
          )}
        </fieldset>
      )}
      <fieldset>
        <legend>Reconnecting</legend>
        <Field label="Policy" name="reconnect.preset" errors={e}>
          <select data-testid="field-reconnect" value={d.reconnectPreset} onChange={(ev) => choosePreset(ev.currentTarget.value as ReconnectPolicy['preset'])}>
            {Object.entries(PRESET_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        {d.reconnectPreset === 'custom' && (
          <div class="grid">
            <Field label="First delay (ms)" name="reconnect.baseMs" errors={e}>
              <input inputMode="numeric" value={r.baseMs} onInput={(ev) => setR({ baseMs: ev.currentTarget.value })} />
            </Field>
            <Field label="Factor" name="reconnect.factor" errors={e}>
              <input inputMode="decimal" value={r.factor} onInput={(ev) => setR({ factor: ev.currentTarget.value })} />
            </Field>
            <Field label="Longest delay (ms)" name="reconnect.maxMs" errors={e}>
              <input inputMode="numeric" value={r.maxMs} onInput={(ev) => setR({ maxMs: ev.currentTarget.value })} />
            </Field>
            <Field label="Give up after (attempts)" name="reconnect.maxAttempts" errors={e} hint="Empty: never give up.">
              <input inputMode="numeric" value={r.maxAttempts} onInput={(ev) => setR({ maxAttempts: ev.currentTarget.value })} />
            </Field>
          </div>
        )}
        {transport === 'sse' && (
          <Field label="On an HTTP 4xx or a wrong content type" name="onHttpError" errors={e}>
            <select data-testid="field-onHttpError" value={d.onHttpError} onChange={(ev) => onChange({ onHttpError: ev.currentTarget.value as EndpointDraft['onHttpError'] })}>
              <option value="stop">Stop and show the error</option>
              <option value="retry">Keep retrying with backoff</option>
            </select>
          </Field>
        )}
      </fieldset>
    </>
  );
}
