import { clip } from '../../lib/protocols/format';
import { eventTypeName, parseData } from '../../lib/protocols/parse';
import { PROFILES } from '../../lib/protocols/profiles';
import type { TestState } from '../../lib/options/options-model';

/** Events listed from a connection test. */
const SHOWN = 5;

/** What "Test connection" found: status, content type, first events, the family they look like. */
export function TestResult({ test }: { test: TestState }) {
  if (test.running) {
    return (
      <div class="test-result" data-testid="test-result" data-state="running">
        Listening for a few seconds…
      </div>
    );
  }
  const r = test.result;
  const detected = r.detected ? `${PROFILES[r.detected.family].label} (${Math.round(r.detected.confidence * 100)} % sure)` : 'not recognised from these events';
  return (
    <div class={r.ok ? 'test-result ok' : 'test-result failed'} data-testid="test-result" data-state={r.ok ? 'ok' : 'failed'}>
      <p>
        <strong>{r.ok ? '✓ ' : '✗ '}</strong>
        {r.status}
      </p>
      {r.contentType !== undefined && <p>Content type: {r.contentType || 'none'}</p>}
      {r.ok && (
        <p>
          {r.received} event{r.received === 1 ? '' : 's'} in the test; profile: {detected}
        </p>
      )}
      {r.ended && <p>Then: {r.ended}</p>}
      {r.events.length > 0 && (
        <ol class="test-events">
          {r.events.slice(0, SHOWN).map((ev) => (
            <li key={ev.seq}>
              <code>{eventTypeName(ev, parseData(ev).payload)}</code> {clip(ev.data, 200)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
