import type { Browser } from 'wxt/browser';
import { PORT_NAME, type BackgroundMessage } from '../../../lib/messaging/protocol';

/**
 * A page's end of a `runtime.Port`, as the background sees it: wxt's fake browser has no
 * `runtime.connect` or Port. `received` is what the background posted to the page.
 */
export function fakePort(name = PORT_NAME) {
  const received: BackgroundMessage[] = [];
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  let broken = false;
  const port = {
    name,
    postMessage(m: BackgroundMessage) {
      if (broken) throw new Error('Attempting to use a disconnected port object');
      received.push(m);
    },
    onMessage: { addListener: (fn: (m: unknown) => void) => void onMessage.push(fn) },
    onDisconnect: { addListener: (fn: () => void) => void onDisconnect.push(fn) },
    disconnect: () => undefined,
  } as unknown as Browser.runtime.Port;
  return {
    port,
    received,
    /** The page sends a message. */
    send: (m: unknown) => onMessage.forEach((fn) => fn(m)),
    /** The page goes away and says so. */
    disconnect: () => onDisconnect.forEach((fn) => fn()),
    /** The page goes away without a word: posting to it throws. */
    vanish: () => void (broken = true),
    ofType: <T extends BackgroundMessage['type']>(type: T) => received.filter((m): m is Extract<BackgroundMessage, { type: T }> => m.type === type),
  };
}
