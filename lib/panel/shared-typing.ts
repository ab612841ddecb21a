import type { ReadonlySignal } from '@preact/signals';
import type { EndpointConfig, ProfileChoice } from '../config/endpoint';
import { detectFamily, typeEvent } from '../protocols';
import type { EventHistory } from './history';
import { EventTyping } from '../protocols/typing';

/** The one EventTyping of a page, wired to the endpoint config and to the history's clears. */
export function createTyping(history: Pick<EventHistory, 'onClear'>, endpoints: ReadonlySignal<readonly EndpointConfig[]>): EventTyping {
  let list: readonly EndpointConfig[] | undefined;
  let profiles = new Map<string, ProfileChoice>();
  const profileOf = (id: string): ProfileChoice | undefined => {
    const now = endpoints.peek();
    if (now !== list) {
      list = now;
      profiles = new Map(now.map((c) => [c.id, c.profile]));
    }
    return profiles.get(id);
  };
  const typing = new EventTyping(profileOf, { typeEvent, detectFamily });
  history.onClear((endpointId) => typing.clear(endpointId));
  return typing;
}
