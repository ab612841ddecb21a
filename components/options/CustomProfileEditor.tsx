import { useState } from 'preact/hooks';
import type { StreamEvent } from '../../lib/model/event';
import { fromCustomDraft, previewCustom, sampleEvent, type CustomDraft } from '../../lib/options/custom-draft';
import type { Errors } from '../../lib/options/draft';
import { Field } from './Field';

interface Props {
  custom: CustomDraft;
  /** Errors of the last save check; the definition is also checked as it is typed. */
  errors: Errors;
  transport: StreamEvent['transport'];
  /** The endpoint's most recent stored frames, when it has any. */
  recent: readonly StreamEvent[];
  onChange: (custom: CustomDraft) => void;
}

const SUMMARY_HELP = 'Text with {path} placeholders, e.g. {payload.id} → {payload.state}; {{ and }} for braces. A path missing in an event shows ?.';
const EXAMPLE = '{"event":"item.updated","payload":{"id":"i-1","state":"open"}}';

/** The fields of a custom profile, checked as they are typed, with a preview against sample frames. */
export function CustomProfileEditor({ custom, errors, transport, recent, onChange }: Props) {
  const [sample, setSample] = useState('');
  const [eventName, setEventName] = useState('');
  const checked = fromCustomDraft(custom);
  const shown: Errors = { ...errors, ...(checked.errors ?? {}) };
  const set = (patch: Partial<CustomDraft>) => onChange({ ...custom, ...patch });
  const setEntity = (i: number, patch: Partial<CustomDraft['entities'][number]>) =>
    set({ entities: custom.entities.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const frames = [...(sample.trim() ? [sampleEvent(sample, transport, eventName.trim() || undefined)] : []), ...recent];
  const rows = checked.def ? previewCustom(checked.def, frames) : [];
  return (
    <fieldset class="rows custom-profile" data-testid="custom-profile">
      <legend>Custom profile</legend>
      <p class="hint">Say where things are in your stream’s JSON; paths read fields like payload.id or items[0].id.</p>
      <Field label="Type field" name="customProfile.typePath" errors={shown} hint="Where the event’s type is, e.g. event or payload.kind. Empty or absent: the SSE event name, else the JSON type.">
        <input data-testid="custom-type-path" spellcheck={false} placeholder="payload.kind" value={custom.typePath} onInput={(e) => set({ typePath: e.currentTarget.value })} />
      </Field>
      <span class="label">Entity ids</span>
      {custom.entities.length === 0 && <p class="hint">None: the State view counts types only. Add the path of an id and what it names.</p>}
      {custom.entities.map((e, i) => (
        <div key={i}>
          <div class="row">
            <input aria-label="Id path" placeholder="payload.id" spellcheck={false} data-testid="custom-entity-path" value={e.path} onInput={(ev) => setEntity(i, { path: ev.currentTarget.value })} />
            <input aria-label="Kind" placeholder="item" spellcheck={false} data-testid="custom-entity-kind" value={e.kind} onInput={(ev) => setEntity(i, { kind: ev.currentTarget.value })} />
            <button type="button" class="link" onClick={() => set({ entities: custom.entities.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
          {(['path', 'kind'] as const).map((part) => {
            const key = `customProfile.entities.${i}.${part}`;
            return (
              shown[key] && (
                <p key={part} class="error" role="alert" data-testid={`error-${key}`}>
                  {shown[key]}
                </p>
              )
            );
          })}
        </div>
      ))}
      {shown['customProfile.entities'] && (
        <p class="error" role="alert" data-testid="error-customProfile.entities">
          {shown['customProfile.entities']}
        </p>
      )}
      <div class="row">
        <button type="button" data-testid="custom-add-entity" onClick={() => set({ entities: [...custom.entities, { path: '', kind: '' }] })}>
          Add entity id
        </button>
      </div>
      <Field label="Summary" name="customProfile.summary" errors={shown} hint={SUMMARY_HELP}>
        <input data-testid="custom-summary" spellcheck={false} placeholder="{payload.id} → {payload.state}" value={custom.summary} onInput={(e) => set({ summary: e.currentTarget.value })} />
      </Field>
      <details class="custom-preview" open>
        <summary>Preview</summary>
        <div class="row">
          <textarea aria-label="Sample frame" data-testid="custom-sample" rows={2} spellcheck={false} placeholder={`Paste a frame’s data, e.g. ${EXAMPLE}`} value={sample} onInput={(e) => setSample(e.currentTarget.value)} />
          {transport === 'sse' && <input aria-label="SSE event name" placeholder="event name (optional)" data-testid="custom-sample-name" value={eventName} onInput={(e) => setEventName(e.currentTarget.value)} />}
        </div>
        {!checked.def && <p class="hint">Fix the definition to see the preview.</p>}
        {checked.def && frames.length === 0 && <p class="hint">Paste a sample frame; once the endpoint has stored events, its latest ones show here too.</p>}
        {rows.length > 0 && (
          <table class="custom-preview-table">
            <thead>
              <tr>
                <th>Type</th>
                <th>Summary</th>
                <th>Entities</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-testid="custom-preview-row" data-sample={i === 0 && sample.trim() ? 'pasted' : 'stored'}>
                  <td class="mono">{r.type}</td>
                  <td>
                    {r.summary}
                    {r.issues.map((m) => (
                      <p key={m} class="error">
                        {m}
                      </p>
                    ))}
                  </td>
                  <td class="mono">{r.entities.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </fieldset>
  );
}
