import { effect, signal, type Signal } from '@preact/signals';
import { eventKey } from '../../lib/model/event';
import { HistoryTravel } from '../../lib/stateview/history-travel';
import type { Shown } from '../../lib/stateview/position';
import { parseEventKey } from '../../lib/panel/lookup';
import type { PanelContextValue } from '../../lib/panel/panel-context';

export interface StateSession {
  travel: HistoryTravel;
  /** Follow the newest event. */
  live: Signal<boolean>;
  /** The endpoint whose state is shown; undefined until one is picked or selected. */
  endpoint: Signal<string | undefined>;
  /** Show the whole state in the raw tree, not just the endpoint's part. */
  wholeState: Signal<boolean>;
  search: Signal<string>;
  /** The position shown last, kept when the selection leaves the history. */
  shown: Shown;
  /** Moves the slider to the event at `index`, which becomes the selection the timeline shows too. */
  moveTo(index: number): void;
}

function createSession(ctx: PanelContextValue): StateSession {
  const travel = new HistoryTravel(ctx.typing);
  const live = signal(true);
  const endpoint = signal<string | undefined>(undefined);
  /** The key the slider selected last: its moves must not switch the endpoint shown. */
  let moved: string | undefined;
  // A selection made elsewhere (the timeline, an entity's event link) is a request to see that
  // moment: stop following the newest event and show the event's endpoint.
  effect(() => {
    const key = ctx.selected.value;
    const own = key === moved;
    moved = undefined;
    if (key === undefined || own) return;
    live.value = false;
    endpoint.value = parseEventKey(key)?.endpointId ?? endpoint.peek();
  });
  const session: StateSession = {
    travel,
    live,
    endpoint,
    wholeState: signal(false),
    search: signal(''),
    shown: { index: -1 },
    moveTo(index) {
      const ev = travel.eventAt(index);
      if (!ev) return;
      moved = eventKey(ev);
      live.value = false;
      ctx.selected.value = moved;
    },
  };
  return session;
}

const sessions = new WeakMap<PanelContextValue, StateSession>();

/** One per page: the folded history and the position survive switching tabs. */
export function stateSession(ctx: PanelContextValue): StateSession {
  let s = sessions.get(ctx);
  if (!s) {
    s = createSession(ctx);
    sessions.set(ctx, s);
  }
  return s;
}
