import { browser } from 'wxt/browser';
import { BackgroundMessageSchema, PORT_NAME, type BackgroundMessage, type PageMessage } from './protocol';

export interface BackgroundLink {
  send(m: PageMessage): void;
  /** Also hands every validated message to `fn` (views with requests of their own); returns an unsubscribe. */
  listen(fn: (m: BackgroundMessage) => void): () => void;
  close(): void;
}

/**
 * A page's link to the background. Chrome drops the port when it stops the service worker;
 * the link reconnects at once (which restarts the worker) and says hello again, so the page
 * gets a fresh `welcome` and carries on. Messages are validated on receipt.
 */
export function connectBackground(
  page: 'panel' | 'popup' | 'options' | 'streams',
  onMessage: (m: BackgroundMessage) => void,
  onProblem: (message: string) => void = () => undefined,
): BackgroundLink {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let closed = false;
  const extra = new Set<(m: BackgroundMessage) => void>();
  const open = () => {
    port = browser.runtime.connect({ name: PORT_NAME });
    port.onMessage.addListener((raw: unknown) => {
      const r = BackgroundMessageSchema.safeParse(raw);
      if (r.success) {
        onMessage(r.data);
        for (const fn of extra) fn(r.data);
      }
      else onProblem(`Ignored a malformed message from the background: ${r.error.issues[0]?.message ?? ''}`);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!closed) setTimeout(open, 100);
    });
    port.postMessage({ type: 'hello', page } satisfies PageMessage);
  };
  open();
  return {
    send: (m) => {
      if (!port) open();
      port?.postMessage(m);
    },
    listen: (fn) => {
      extra.add(fn);
      return () => extra.delete(fn);
    },
    close: () => {
      closed = true;
      port?.disconnect();
    },
  };
}
