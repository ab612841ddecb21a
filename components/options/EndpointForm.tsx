import { FAMILIES } from '../../lib/model/typed';
import { defaultRules } from '../../lib/config/default-rules';
import { PROFILES } from '../../lib/protocols/profiles';
import { ConnectionFields } from './ConnectionFields';
import { CustomProfileEditor } from './CustomProfileEditor';
import { Field } from './Field';
import { HeadersEditor } from './HeadersEditor';
import { draftTransport, type EndpointDraft } from '../../lib/options/draft';
import type { OptionsModel } from '../../lib/options/options-model';
import { RulesEditor } from './RulesEditor';
import { TestResult } from './TestResult';

/** Error keys shown next to a field; any other error is listed above the buttons. */
const FIELD_KEYS = /^(name|url|transport|profile|headers|protocols|onHttpError|(heartbeat|reconnect|retention)\.\w+|notify\.\d+\.\w+|customProfile\..+)$/;

/** Adds or edits one endpoint. */
export function EndpointForm({ model }: { model: OptionsModel }) {
  const f = model.form.value;
  if (!f) return null;
  const d = f.draft;
  const e = f.errors;
  const set = (patch: Partial<EndpointDraft>) => model.change(patch);
  const transport = draftTransport(d);
  const other = Object.entries(e).filter(([k]) => !FIELD_KEYS.test(k));
  return (
    <form
      class="endpoint-form"
      data-testid="endpoint-form"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        void model.save();
      }}
    >
      <h2>{f.isNew ? 'New endpoint' : `Edit “${d.name}”`}</h2>
      {d.captured && (
        <p class="hint" data-testid="captured-note">
          Captured from a page (tab {d.captured.tabId}): the page opens it, so the connection settings do not apply; its profile, rules and retention do.
        </p>
      )}
      <Field label="Name" name="name" errors={e}>
        <input data-testid="field-name" value={d.name} onInput={(ev) => set({ name: ev.currentTarget.value })} />
      </Field>
      <Field label="URL" name="url" errors={e} hint="http(s):// reads Server-Sent Events; ws(s):// opens a WebSocket.">
        <input
          data-testid="field-url"
          inputMode="url"
          spellcheck={false}
          placeholder="https://example.com/events"
          value={d.url}
          onInput={(ev) => set({ url: ev.currentTarget.value })}
        />
      </Field>
      <div class="grid">
        <Field label="Transport" name="transport" errors={e}>
          <select data-testid="field-transport" value={d.transport} onChange={(ev) => set({ transport: ev.currentTarget.value as EndpointDraft['transport'] })}>
            <option value="auto">From the URL ({transport === 'ws' ? 'WebSocket' : 'SSE'})</option>
            <option value="sse">Server-Sent Events</option>
            <option value="ws">WebSocket</option>
          </select>
        </Field>
        <Field label="Profile" name="profile" errors={e}>
          <select data-testid="field-profile" value={d.profile} onChange={(ev) => set({ profile: ev.currentTarget.value as EndpointDraft['profile'] })}>
            <option value="auto">Detect from the events</option>
            {FAMILIES.map((fam) => (
              <option key={fam} value={fam}>
                {PROFILES[fam].label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {d.profile === 'custom' && (
        <CustomProfileEditor custom={d.custom} errors={e} transport={transport} recent={model.recent.value} onChange={(custom) => set({ custom })} />
      )}
      <label class="check">
        <input type="checkbox" data-testid="field-enabled" checked={d.enabled} onChange={(ev) => set({ enabled: ev.currentTarget.checked })} />
        Enabled (the background keeps a connection open)
      </label>
      {transport === 'sse' && <HeadersEditor headers={d.headers} errors={e} onChange={(headers) => set({ headers })} />}
      <ConnectionFields draft={d} errors={e} transport={transport} onChange={set} />
      <RulesEditor
        rules={d.notify}
        errors={e}
        onChange={(notify) => set({ notify })}
        onDefaults={() => set({ notify: defaultRules(d.profile).map((r) => ({ type: r.type, match: r.match ?? '' })) })}
      />
      <fieldset>
        <legend>Keep</legend>
        <div class="grid">
          <Field label="At most (events)" name="retention.maxEvents" errors={e}>
            <input inputMode="numeric" data-testid="field-max-events" value={d.retention.maxEvents} onInput={(ev) => set({ retention: { ...d.retention, maxEvents: ev.currentTarget.value } })} />
          </Field>
          <Field label="For (days)" name="retention.maxAgeDays" errors={e}>
            <input inputMode="decimal" data-testid="field-max-age" value={d.retention.maxAgeDays} onInput={(ev) => set({ retention: { ...d.retention, maxAgeDays: ev.currentTarget.value } })} />
          </Field>
        </div>
      </fieldset>
      {other.length > 0 && (
        <ul class="error" role="alert" data-testid="error-form">
          {other.map(([k, m]) => (
            <li key={k}>
              {k}: {m}
            </li>
          ))}
        </ul>
      )}
      {model.saveWarning.value && (
        <div class="save-warning" role="alert" data-testid="save-warning">
          <p>{model.saveWarning.value}</p>
          <p>Saved as it is, the background will keep trying to connect and retry with backoff.</p>
          <button type="button" data-testid="save-anyway" onClick={() => void model.save(true)}>
            Save anyway
          </button>
        </div>
      )}
      <div class="buttons">
        <button type="submit" class="primary" data-testid="save-endpoint">
          Save
        </button>
        <button type="button" data-testid="test-connection" disabled={model.test.value?.running === true} onClick={() => void model.testConnection()}>
          Test connection
        </button>
        <button type="button" data-testid="cancel-endpoint" onClick={() => model.cancel()}>
          Cancel
        </button>
      </div>
      {model.test.value && <TestResult test={model.test.value} />}
    </form>
  );
}
