import { effect, signal, type Signal } from '@preact/signals';
import type { PanelContextValue } from '../../lib/panel/panel-context';
import type { TimelineFilter } from '../../lib/timeline/filter';
import { searchPoolSize, StoreSearch } from '../../lib/timeline/search-client';
import { TimelineModel } from '../../lib/timeline/timeline-model';
import type { TimelineLayout } from '../../lib/timeline/layout';
import { loadFilter, loadLayout, loadPins, pageStorage, saveFilter, saveLayout, savePins } from '../../lib/timeline/ui-storage';
import type { EventTyping } from '../../lib/protocols/typing';

/** Typing in the search boxes waits this long before the (possibly large) list is refiltered. */
const SETTLE_MS = 150;

export interface TimelineSession {
  typing: EventTyping;
  model: TimelineModel;
  /** What the inputs show. */
  filter: Signal<TimelineFilter>;
  /** What the list is filtered by: `filter`, with text edits settled. */
  applied: Signal<TimelineFilter>;
  pins: Signal<ReadonlySet<string>>;
  paused: Signal<boolean>;
  /** "Clear view" time. */
  after: Signal<number | undefined>;
  /** Split and columns, remembered across reopening the panel. */
  layout: Signal<TimelineLayout>;
}

function createSession(ctx: PanelContextValue): TimelineSession {
  const store = pageStorage();
  const typing = ctx.typing;
  const filter = signal(loadFilter(store));
  const applied = signal(filter.peek());
  const pins = signal<ReadonlySet<string>>(new Set(loadPins(store)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const f = filter.value;
    const was = applied.peek();
    clearTimeout(timer);
    if (f.text !== was.text || f.field !== was.field) timer = setTimeout(() => (applied.value = f), SETTLE_MS);
    else applied.value = f;
  });
  effect(() => saveFilter(store, filter.value));
  effect(() => savePins(store, pins.value));
  const layout = signal(loadLayout(store));
  effect(() => saveLayout(store, layout.value));
  const history = ctx.history;
  // Search progress re-renders the views like any other change of the history.
  const workers = () => Array.from({ length: searchPoolSize(navigator.hardwareConcurrency) }, () => ctx.startSearchWorker());
  const search = new StoreSearch(workers, (cid) => history.placeOf(cid), () => ctx.version.value++);
  return { typing, model: new TimelineModel(history, typing, search), filter, applied, pins, paused: signal(false), after: signal(undefined), layout };
}

const sessions = new WeakMap<PanelContextValue, TimelineSession>();

/** One per page: switching tabs away and back keeps the list, pause and clear-view as they were. */
export function timelineSession(ctx: PanelContextValue): TimelineSession {
  let s = sessions.get(ctx);
  if (!s) {
    s = createSession(ctx);
    sessions.set(ctx, s);
  }
  return s;
}
