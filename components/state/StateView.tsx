import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { eventKey } from '../../lib/model/event';
import { own } from '../../lib/state/immutable';
import type { MergedState } from '../../lib/state/index';
import { touchedBy } from '../../lib/stateview/entities';
import type { HistoryTravel } from '../../lib/stateview/history-travel';
import { resolvePosition } from '../../lib/stateview/position';
import { familyLabel } from '../../lib/protocols/typing';
import { PanelContext } from '../panel/context';
import { EndpointPicker } from './EndpointPicker';
import { EventPane } from './EventPane';
import { FamilyView } from './FamilyView';
import { stateSession } from './session';
import { StateJson } from './StateJson';
import { TravelBar } from './TravelBar';
import { StateViewContext, type StateViewContextValue } from './view-context';

/** Events folded per render while a long history is read in: a few tens of milliseconds' work. */
const SYNC_BUDGET = 4000;

interface Moment {
  before: MergedState;
  state: MergedState;
  /** Time taken to compute both. */
  ms: number;
}

/** The states just before and after the event at `index`; the earlier one first, so the later is one step on. */
function momentAt(travel: HistoryTravel, index: number): Moment {
  const t0 = performance.now();
  const before = travel.stateAt(index - 1);
  const state = travel.stateAt(index);
  return { before, state, ms: performance.now() - t0 };
}

/** While the history is still being read in, render again soon to fold the next part. */
function useCatchUp(behind: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (behind === 0) return;
    const t = setTimeout(() => setTick((n) => n + 1), 0);
    return () => clearTimeout(t);
  });
}

/** The application state the streams describe, at any point of the event history. */
export function StateView() {
  const ctx = useContext(PanelContext);
  void ctx.version.value; // re-render on every history change
  const s = stateSession(ctx);
  const { travel } = s;
  travel.sync(ctx.history.events, SYNC_BUDGET);
  useCatchUp(travel.behind);

  const length = travel.length;
  const live = s.live.value;
  const index = resolvePosition({ live, selected: ctx.selected.value, length, indexOf: (k) => travel.indexOf(k), previous: s.shown });
  const moment = useMemo(() => momentAt(travel, index), [travel, travel.epoch, index]);
  const ev = travel.eventAt(index);
  // While the history is read in again, positions are provisional: keep the one to come back to.
  if (travel.behind === 0) s.shown = { key: ev && eventKey(ev), index };
  const typed = travel.typedAt(index);

  const configs = ctx.endpoints.value;
  const names = useMemo(() => new Map(configs.map((c) => [c.id, c.name])), [configs]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const ids = [...new Set([...configs.map((c) => c.id), ...Object.keys(travel.latest().endpoints)])];
  const wanted = s.endpoint.value;
  const picked = wanted !== undefined && ids.includes(wanted) ? wanted : ids[0];
  const slice = picked === undefined ? undefined : own(moment.state.endpoints, picked);
  const whole = s.wholeState.value;
  // Entity ids are per endpoint: an event elsewhere touched nothing shown here.
  const touched = useMemo(() => touchedBy(ev?.endpointId === picked ? typed : undefined), [ev, picked, typed]);
  const viewCtx = useMemo<StateViewContextValue>(() => ({ select: (key) => (ctx.selected.value = key), touched }), [ctx, touched]);

  return (
    <StateViewContext.Provider value={viewCtx}>
      <div class="state-view" data-testid="state-view">
        <TravelBar
          index={index}
          length={length}
          live={live}
          eventKey={ev && eventKey(ev)}
          jumpMs={moment.ms}
          behind={travel.behind}
          moveTo={s.moveTo}
          goLive={() => (s.live.value = true)}
        />
        <div class="sv-body">
          <section class="sv-main">
            <header class="sv-head">
              <EndpointPicker ids={ids} value={picked} nameOf={nameOf} pick={(id) => (s.endpoint.value = id)} />
              {picked !== undefined && <span class="muted">{familyLabel(ctx.typing.family(picked))}</span>}
            </header>
            {slice ? (
              <FamilyView key={picked} slice={slice} />
            ) : (
              <p class="sv-empty muted">{picked === undefined ? 'No events yet.' : 'Nothing from this endpoint up to this point.'}</p>
            )}
          </section>
          <aside class="sv-side">
            <EventPane ev={ev} typed={typed} before={moment.before} after={moment.state} nameOf={nameOf} />
            <header class="sv-row sv-json-head">
              <h4 class="sv-h">Raw state</h4>
              <label class="sv-toggle">
                <input type="checkbox" checked={whole} onChange={(e) => (s.wholeState.value = e.currentTarget.checked)} /> all endpoints
              </label>
            </header>
            <StateJson value={whole ? moment.state : (slice ?? {})} label={whole ? 'state' : (picked ?? 'state')} search={s.search} />
          </aside>
        </div>
      </div>
    </StateViewContext.Provider>
  );
}
