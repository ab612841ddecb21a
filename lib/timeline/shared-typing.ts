import type { EndpointConfig, ProfileChoice } from '../config/endpoint';
import { detectFamily, typeEvent } from '../protocols';
import type { PanelContextValue } from './panel-context';
import { EventTyping } from './typing';

const shared = new WeakMap<PanelContextValue['history'], EventTyping>();

/** The one EventTyping of a page, shared by every view over the same history. */
export function typingFor(ctx: Pick<PanelContextValue, 'history' | 'endpoints'>): EventTyping {
  let typing = shared.get(ctx.history);
  if (!typing) {
    let list: readonly EndpointConfig[] | undefined;
    let profiles = new Map<string, ProfileChoice>();
    const profileOf = (id: string): ProfileChoice | undefined => {
      const now = ctx.endpoints.peek();
      if (now !== list) {
        list = now;
        profiles = new Map(now.map((c) => [c.id, c.profile]));
      }
      return profiles.get(id);
    };
    typing = new EventTyping(profileOf, { typeEvent, detectFamily });
    const t = typing;
    ctx.history.onClear((endpointId) => t.clear(endpointId));
    shared.set(ctx.history, typing);
  }
  return typing;
}
