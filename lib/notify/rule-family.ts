import type { ProfileChoice } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { detectFamily } from '../protocols/detect';
import { typeEvent } from '../protocols/type-event';
import { EventTyping, tellsFamily } from '../protocols/typing';

/**
 * The family whose framing rules are matched in, per endpoint. A configured profile is used as
 * it is; `auto` endpoints are detected from their first frames and the subprotocol of their
 * `connected` marker, as the panel detects them, so that the rules of a protocol with a framing
 * of its own (SignalR's `close`, STOMP's `ERROR`) fire there too. Detection starts over when
 * the background does (a few frames) and never holds more than its sample per endpoint.
 */
export class RuleFamilies {
  private readonly choices = new Map<string, ProfileChoice>();
  private readonly typing = new EventTyping((id) => this.choices.get(id), { typeEvent, detectFamily });

  /** Feeds `ev` to detection; the family to match `ev` in, undefined while `auto` cannot tell. */
  familyFor(ev: StreamEvent, endpointId: string, choice: ProfileChoice): Family | undefined {
    if (this.choices.get(endpointId) !== choice) {
      this.choices.set(endpointId, choice);
      this.typing.refresh();
    }
    if (choice !== 'auto') return choice;
    if (tellsFamily(ev)) this.typing.observe([ev]);
    const info = this.typing.family(endpointId);
    return info.source === 'detected' && info.family !== 'generic' ? info.family : undefined;
  }
}
