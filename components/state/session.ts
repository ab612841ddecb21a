import { effect, signal, type Signal } from '@preact/signals';
import { parseEventKey } from '../../lib/panel/lookup';
import type { PanelContextValue } from '../../lib/panel/panel-context';
import { EndpointTravel } from '../../lib/stateview/endpoint-travel';

export interface StateSession {
  /** Follow the newest event of the endpoint shown. */
  live: Signal<boolean>;
  /** The endpoint whose state is shown; undefined until one is picked or selected. */
  endpoint: Signal<string | undefined>;
  /** Seq of the endpoint's event shown while not live. */
  seq: Signal<number | undefined>;
  /** The position is the event selected in the timeline (not one moved to here). */
  fromSelection: Signal<boolean>;
  search: Signal<string>;
  /** Bumped when the newest state of an endpoint moved (live events folded in). */
  liveTick: Signal<number>;
  travel(endpointId: string): EndpointTravel;
  /** Moves to the endpoint's event `seq`, which becomes the selection the timeline shows too. */
  moveTo(endpointId: string, seq: number): void;
}

function createSession(ctx: PanelContextValue): StateSession {
  const travels = new Map<string, EndpointTravel>();
  const live = signal(true);
  const endpoint = signal<string | undefined>(undefined);
  const seq = signal<number | undefined>(undefined);
  const fromSelection = signal(false);
  const liveTick = signal(0);
  /** The key this view selected last: its own moves are not a selection made elsewhere. */
  let moved: string | undefined;
  const travel = (id: string): EndpointTravel => {
    let t = travels.get(id);
    if (!t) travels.set(id, (t = new EndpointTravel(id, ctx.history, ctx.typing)));
    return t;
  };
  ctx.history.onLive((events) => {
    let any = false;
    for (const t of travels.values()) any = t.takeLive(events) || any;
    if (any) liveTick.value++;
  });
  ctx.history.onClear((id) => {
    for (const t of travels.values()) if (id === undefined || t.endpointId === id) t.reset();
  });
  // A selection made elsewhere (the timeline, an entity's event link) is a request to see that
  // moment: stop following the newest event and show the event's endpoint at that event.
  effect(() => {
    const key = ctx.selected.value;
    const own = key === moved;
    moved = undefined;
    const k = key === undefined ? undefined : parseEventKey(key);
    if (!k || own) return;
    live.value = false;
    endpoint.value = k.endpointId;
    seq.value = k.seq;
    fromSelection.value = true;
  });
  return {
    live,
    endpoint,
    seq,
    fromSelection,
    search: signal(''),
    liveTick,
    travel,
    moveTo(endpointId, to) {
      moved = `${endpointId}#${to}`;
      live.value = false;
      endpoint.value = endpointId;
      seq.value = to;
      fromSelection.value = false;
      ctx.selected.value = moved;
    },
  };
}

const sessions = new WeakMap<PanelContextValue, StateSession>();

/** One per page: the endpoint and the position survive switching tabs. */
export function stateSession(ctx: PanelContextValue): StateSession {
  let s = sessions.get(ctx);
  if (!s) {
    s = createSession(ctx);
    sessions.set(ctx, s);
  }
  return s;
}
