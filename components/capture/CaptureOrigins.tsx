import { useSignal } from '@preact/signals';
import type { CaptureOriginsModel } from '../../lib/capture/origins-model';
import './capture.css';

/** Options: the sites whose pages' own streams are captured. */
export function CaptureOrigins({ model }: { model: CaptureOriginsModel }) {
  const text = useSignal('');
  const origins = model.origins.value;
  return (
    <section class="capture-origins" data-testid="capture-origins">
      <h2>Page capture</h2>
      <p class="muted">
        Pages of these sites have their own WebSocket, EventSource and streamed fetch / XHR responses recorded, from the moment they load. Pages already open are
        captured after a reload.
      </p>
      {origins.length === 0 ? (
        <p class="muted">No site yet.</p>
      ) : (
        <ul>
          {origins.map((o) => (
            <li key={o} data-testid="capture-origin">
              <code>{o}</code> <button onClick={() => model.remove(o)}>Stop capturing</button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          model.add(text.value);
          text.value = '';
        }}
      >
        <input data-testid="capture-origin-input" placeholder="https://example.com" value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />{' '}
        <button type="submit">Capture this site</button>
      </form>
      {model.error.value && <p class="cap-problem" role="alert">{model.error.value}</p>}
    </section>
  );
}
