/**
 * The capture demo page: one stream of every kind Streamscope captures from a page. It keeps
 * what it received in `window.demoReceived` (the page's own state, which the tests compare
 * with and without capture) and shows counts.
 */

const STYLE = 'body{font:14px system-ui;margin:1.5em}td{padding:2px 12px}code{background:#eee;padding:0 4px}';

const PAGE_SCRIPT = `
const received = { ws: [], es: [], llm: '', ndjson: '', xhr: '', done: {} };
window.demoReceived = received;
const show = () => {
  for (const [k, v] of Object.entries(received)) {
    const cell = document.getElementById('n-' + k);
    if (cell) cell.textContent = (Array.isArray(v) ? v.length + ' messages' : v.length + ' characters') + (received.done[k] ? ' (done)' : '');
  }
};
setInterval(show, 200);

const ws = new WebSocket('ws://' + location.host + '/capture/ws');
ws.binaryType = 'arraybuffer';
window.demoSocket = ws;
ws.onopen = () => ws.send('hello');
ws.addEventListener('message', (e) => {
  received.ws.push(typeof e.data === 'string' ? e.data : 'bytes:' + Array.from(new Uint8Array(e.data)).join(','));
  if (received.ws.length === 10) ws.send('halfway');
});

const es = new EventSource('/capture/es');
es.onmessage = (e) => received.es.push(e.lastEventId + ' message ' + e.data);
es.addEventListener('update', (e) => received.es.push(e.lastEventId + ' update ' + e.data));
es.addEventListener('done', (e) => {
  received.es.push(e.lastEventId + ' done ' + e.data);
  received.done.es = true;
  es.close();
});

fetch('/capture/llm', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt: 'Say something', stream: true }) })
  .then(async (res) => {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received.llm += decoder.decode(value, { stream: true });
    }
    received.done.llm = true;
  });

fetch('/capture/ndjson').then((r) => r.text()).then((t) => { received.ndjson = t; received.done.ndjson = true; });

const xhr = new XMLHttpRequest();
xhr.open('GET', '/capture/xhr');
xhr.onloadend = () => { received.xhr = xhr.responseText; received.done.xhr = true; };
xhr.send();
`;

const FRAME_SCRIPT = `
const received = { ws: [] };
window.demoReceived = received;
const ws = new WebSocket('ws://' + location.host + '/capture/ws?who=frame');
ws.onmessage = (e) => {
  received.ws.push(e.data);
  document.getElementById('n').textContent = received.ws.length + ' messages';
};
`;

export const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Streamscope capture demo</title><style>${STYLE}</style></head>
<body>
<h1>Streamscope capture demo</h1>
<p>This page opens its own streams. Switch capture on for this site (Streamscope popup →
<em>Capture streams on this site</em>, or the DevTools <em>Streams</em> panel), reload, and every
stream below shows up in the timeline.</p>
<table>
<tr><td>WebSocket (sends and receives, text and binary)</td><td id="n-ws">…</td></tr>
<tr><td>EventSource (named events, ids, retry, one reconnect)</td><td id="n-es">…</td></tr>
<tr><td><code>fetch</code> POST answered with an LLM-style event stream</td><td id="n-llm">…</td></tr>
<tr><td><code>fetch</code> NDJSON stream</td><td id="n-ndjson">…</td></tr>
<tr><td>XMLHttpRequest event stream</td><td id="n-xhr">…</td></tr>
</table>
<p>An iframe with its own WebSocket:</p>
<iframe id="frame" src="/capture/frame" style="height:4em;width:30em;border:1px solid #ccc"></iframe>
<script>${PAGE_SCRIPT}</script>
</body></html>`;

export const FRAME_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><style>${STYLE}</style></head>
<body>iframe WebSocket: <span id="n">…</span><script>${FRAME_SCRIPT}</script></body></html>`;
