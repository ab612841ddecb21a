import type { StreamEvent } from '../../../lib/model/event';
import type { TypedEvent, TypedStreamEvent } from '../../../lib/model/typed';
import type { Typing } from '../../../lib/stateview/endpoint-travel';

/** Typing for events that already carry their TypedEvent (the state tests' generators make those). */
export class FakeTyping implements Typing {
  revision = 0;
  typedCalls = 0;
  typed(ev: StreamEvent): TypedEvent {
    this.typedCalls++;
    return (ev as TypedStreamEvent).typed;
  }
}
