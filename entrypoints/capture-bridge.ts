import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CAPTURE_EVENT, CAPTURE_PORT, COMMAND_EVENT, MAX_BATCH_CHARS } from '../lib/capture/channel';

// The isolated half of page capture: passes the page hook's batches to the background as they
// are (the background validates them) and the background's commands to the hook.
export default defineUnlistedScript(() => {
  const command = (c: object) => window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: JSON.stringify(c) }));
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let stopped = false;
  const connect = () => {
    port = browser.runtime.connect({ name: CAPTURE_PORT });
    port.onMessage.addListener((m: unknown) => {
      if (typeof m !== 'object' || m === null) return;
      command(m);
      if ((m as { op?: unknown }).op === 'stop') {
        stopped = true;
        port?.disconnect();
      }
    });
    // Chrome drops the port when it stops the service worker: connecting again restarts it.
    port.onDisconnect.addListener(() => {
      port = undefined;
    });
  };
  connect();
  window.addEventListener(CAPTURE_EVENT, (e) => {
    const detail = (e as CustomEvent<unknown>).detail;
    if (stopped || typeof detail !== 'string') return;
    if (detail === 'hello') return command({ op: 'ready' });
    if (detail.length > MAX_BATCH_CHARS) return;
    if (!port) connect();
    port?.postMessage(detail);
  });
  command({ op: 'ready' });
});
