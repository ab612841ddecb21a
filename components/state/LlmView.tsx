import { duration } from '../../lib/protocols/format';
import { responseList, timeToFirstToken, tokensPerSecond, type LlmResponse, type LlmState, type LlmToolCall } from '../../lib/state/llm';
import { Chip } from './Chip';
import { EventLinks } from './EventLinks';
import { Fields, Stat } from './Fields';
import { useShown } from './useShown';
import { touchedClass, useTouched } from './view-context';

const API_LABELS: Record<LlmResponse['api'], string> = {
  'openai-chat': 'OpenAI Chat Completions',
  'openai-responses': 'OpenAI Responses',
  anthropic: 'Anthropic Messages',
  'vercel-ui': 'AI SDK UI stream',
};

const json = (v: unknown): string => JSON.stringify(v, null, 2) ?? String(v);

function ToolCall({ t }: { t: LlmToolCall }) {
  return (
    <li data-testid="llm-tool" data-tool-name={t.name ?? ''}>
      <div class="sv-row">
        <strong class="sv-code">{t.name ?? '?'}</strong>
        {t.id !== undefined && <span class="muted sv-code">{t.id}</span>}
        {t.inputError !== undefined && <span class="sv-error">arguments are not JSON: {t.inputError}</span>}
      </div>
      <pre class="sv-text sv-code" data-testid="llm-tool-args">{t.input !== undefined ? json(t.input) : t.args}</pre>
      {t.output !== undefined && <pre class="sv-text sv-code">→ {json(t.output)}</pre>}
    </li>
  );
}

function Response({ r, open }: { r: LlmResponse; open: boolean }) {
  const touched = useTouched();
  const ttft = timeToFirstToken(r);
  const rate = tokensPerSecond(r);
  return (
    <li class={`sv-detail${touchedClass(touched, 'response', r.id ?? r.key)}`} data-testid="llm-response" data-status={r.status}>
      <details open={open}>
        <summary class="sv-row">
          <strong>{r.model ?? 'model ?'}</strong>
          <Chip status={r.status} />
          <span class="muted">{API_LABELS[r.api]}</span>
          {r.stopReason !== undefined && <span class="sv-tag">{r.stopReason}</span>}
          <EventLinks trace={r.trace} />
        </summary>
        <div class="sv-stats">
          <Stat label="time to first token" value={ttft === undefined ? undefined : duration(ttft)} />
          <Stat label={rate?.estimated ? 'chunks/s (no usage sent)' : 'tokens/s'} value={rate === undefined ? undefined : rate.rate.toFixed(1)} />
          <Stat label="longest stall" value={duration(r.longestStall)} />
          <Stat label="input tokens" value={r.usage?.input} />
          <Stat label="output tokens" value={r.usage?.output} />
        </div>
        <Fields rows={[['Id', r.id], ['Error', r.error !== undefined && <span class="sv-error">{r.error}</span>], ['Not kept', r.cut > 0 && `${r.cut} characters beyond the cap`]]} />
        {r.reasoning !== '' && (
          <section class="sv-section">
            <h4 class="sv-h">Reasoning</h4>
            <div class="sv-text muted" data-testid="llm-reasoning">{r.reasoning}</div>
          </section>
        )}
        <section class="sv-section">
          <h4 class="sv-h">Text</h4>
          {r.text === '' ? <p class="muted">No text.</p> : <div class="sv-text" data-testid="llm-text">{r.text}</div>}
        </section>
        {r.tools.length > 0 && (
          <section class="sv-section">
            <h4 class="sv-h">Tool calls</h4>
            <ul class="sv-tools">
              {r.tools.map((t) => (
                <ToolCall key={t.key} t={t} />
              ))}
            </ul>
          </section>
        )}
      </details>
    </li>
  );
}

/** Each streamed answer assembled: text, reasoning, tool calls, usage and timings; newest first. */
export function LlmView({ s }: { s: LlmState }) {
  const responses = responseList(s);
  const { shown, more } = useShown(responses, 10);
  if (responses.length === 0) return <p class="muted">No responses yet.</p>;
  return (
    <div class="sv-llm">
      <ul class="sv-list">
        {shown.map((r, i) => (
          <Response key={r.key} r={r} open={i === 0} />
        ))}
      </ul>
      {more}
    </div>
  );
}
