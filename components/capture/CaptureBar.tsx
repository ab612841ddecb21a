import { useSignal } from '@preact/signals';
import type { Signal } from '@preact/signals';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { adoptProblem } from '../../lib/capture/site';
import { editHash } from '../../lib/options/options-model';
import type { TabCapture } from '../../lib/capture/tab-capture';
import './capture.css';

const KIND = { ws: 'WebSocket', es: 'EventSource', fetch: 'fetch', xhr: 'XHR' } as const;

/** Send a frame on the page's socket as the page, or deliver one to the page as the server. */
function SocketActions({ capture, src }: { capture: TabCapture; src: EndpointConfig }) {
  const text = useSignal('');
  return (
    <span class="cap-act">
      <input data-testid="capture-text" placeholder="Frame text" value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
      <button data-testid="capture-send" disabled={text.value === ''} title="Sent on the page's socket, as if the page had sent it" onClick={() => capture.act(src.id, 'send', text.value)}>
        Send as the page
      </button>
      <button data-testid="capture-inject" disabled={text.value === ''} title="Delivered to the page's listeners, as if the server had sent it" onClick={() => capture.act(src.id, 'inject', text.value)}>
        Deliver to the page
      </button>
    </span>
  );
}

function SourceRow({ capture, src, live }: { capture: TabCapture; src: EndpointConfig; live: boolean }) {
  const adopted = useSignal<string | undefined>(undefined);
  const problem = adoptProblem(src);
  return (
    <li data-testid="captured-source" data-endpoint-id={src.id}>
      <span class={live ? 'cap-live' : 'muted'}>{live ? '●' : '○'}</span> {KIND[src.captured!.kind]} {src.captured?.method && src.captured.method !== 'GET' ? `${src.captured.method} ` : ''}
      <span class="cap-url" title={`${src.url}\nin ${src.captured!.frameUrl}`}>
        {src.url}
      </span>
      {adopted.value ? (
        <span class="muted" data-testid="capture-adopted">
          Added as endpoint “{adopted.value}”
        </span>
      ) : (
        <button data-testid="capture-adopt" disabled={problem !== undefined} title={problem ?? 'Add an endpoint that reads this stream itself, also with the page closed'} onClick={() => void capture.adopt(src).then((cfg) => (adopted.value = cfg.name))}>
          Adopt
        </button>
      )}
      <button
        class="link"
        data-testid="capture-profile"
        title="Pick how this stream is typed (a profile, or a custom one), as for an endpoint"
        onClick={() => void window.open(`/options.html${editHash(src.id)}`, '_blank')}
      >
        Profile: {src.profile === 'auto' ? 'detect' : src.profile}
      </button>
      {live && src.captured!.kind === 'ws' && <SocketActions capture={capture} src={src} />}
    </li>
  );
}

/** "Capture streams on this site" for a tab, with the joined-late notice and its one-click reload. */
export function CaptureSwitch({ capture }: { capture: TabCapture }) {
  const origin = capture.origin.value;
  const on = capture.on.value;
  return (
    <>
      <label class="cap-toggle">
        <input type="checkbox" data-testid="capture-toggle" checked={on} disabled={!origin} onChange={(e) => capture.toggle(e.currentTarget.checked)} />
        Capture streams on {origin ?? 'this site (not an http or https page)'}
      </label>
      {on && !capture.active.value && (
        <span class="cap-late" data-testid="capture-late">
          Joined late: streams this page opened before capture was on are not seen.{' '}
          <button data-testid="capture-reload" onClick={() => capture.reload()}>
            Reload to capture from the start
          </button>
        </span>
      )}
      {capture.problem.value && (
        <span class="cap-problem" role="alert">
          {capture.problem.value}
        </span>
      )}
    </>
  );
}

/** The inspected tab's page capture: switch it for the site, joined-late notice, the tab's captured streams. */
export function CaptureBar({ capture, endpoints }: { capture: TabCapture; endpoints: Signal<EndpointConfig[]> }) {
  const live = new Set(capture.live.value);
  const { shown, hidden } = capture.list(endpoints.value);
  const sources = shown.filter((e) => e.captured?.tabId === capture.tabId);
  return (
    <section class="capture-bar" data-testid="capture-bar">
      <CaptureSwitch capture={capture} />
      {(hidden > 0 || capture.showAll.value) && (
        <label class="cap-toggle" title="Captured streams of other tabs and of this tab's earlier page loads stay stored; this lists them in the panel too">
          <input type="checkbox" data-testid="capture-show-all" checked={capture.showAll.value} onChange={(e) => (capture.showAll.value = e.currentTarget.checked)} />
          {capture.showAll.value ? 'Showing every captured stream' : `Show ${hidden} captured from other tabs and earlier page loads`}
        </label>
      )}
      {sources.length > 0 && (
        <details class="cap-sources" open>
          <summary>Captured on this tab{capture.showAll.value ? '' : ', this page load'} ({sources.length})</summary>
          <ul>
            {sources.map((src) => (
              <SourceRow key={src.id} capture={capture} src={src} live={live.has(src.id)} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
