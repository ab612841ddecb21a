import type { ReadonlySignal } from '@preact/signals';
import type { EndpointConfig } from '../config/endpoint';
import { detectFamily, typeEvent } from '../protocols';
import type { EventHistory } from './history';
import { EventTyping } from '../protocols/typing';

/** The one EventTyping of a page, wired to the endpoint config and to the history's clears. */
export function createTyping(history: Pick<EventHistory, 'onClear'>, endpoints: ReadonlySignal<readonly EndpointConfig[]>): EventTyping {
  let list: readonly EndpointConfig[] | undefined;
  let configs = new Map<string, EndpointConfig>();
  const configOf = (id: string): EndpointConfig | undefined => {
    const now = endpoints.peek();
    if (now !== list) {
      list = now;
      configs = new Map(now.map((c) => [c.id, c]));
    }
    return configs.get(id);
  };
  const typing = new EventTyping((id) => configOf(id)?.profile, { typeEvent, detectFamily }, (id) => configOf(id)?.customProfile);
  history.onClear((endpointId) => typing.clear(endpointId));
  return typing;
}
