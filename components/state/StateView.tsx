import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { own } from '../../lib/state/immutable';
import { touchedBy } from '../../lib/stateview/entities';
import type { Moment } from '../../lib/stateview/endpoint-travel';
import { familyLabel } from '../../lib/protocols/typing';
import { PanelContext } from '../panel/context';
import { EndpointPicker } from './EndpointPicker';
import { EventPane } from './EventPane';
import { FamilyView } from './FamilyView';
import { stateSession, type StateSession } from './session';
import { StateJson } from './StateJson';
import { TravelBar } from './TravelBar';
import { StateViewContext, type StateViewContextValue } from './view-context';

/** The moment to show: the newest one while live, else the endpoint's event at the chosen seq. Keeps the last one shown while the next is read. */
function useMoment(s: StateSession, endpointId: string | undefined, live: boolean, seq: number | undefined, tick: number): { moment?: Moment; error?: string } {
  const [shown, setShown] = useState<{ moment?: Moment; error?: string }>({});
  useEffect(() => {
    if (endpointId === undefined) return setShown({});
    const travel = s.travel(endpointId);
    let current = true;
    const read = live || seq === undefined ? travel.live() : travel.momentAt(seq);
    read.then(
      (moment) => current && setShown({ moment }),
      (e: unknown) => current && setShown({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [s, endpointId, live, seq, live ? tick : 0]);
  return shown.moment && shown.moment.endpointId !== endpointId ? {} : shown;
}

/** The application state the streams describe, per endpoint, at any of its stored events. */
export function StateView() {
  const ctx = useContext(PanelContext);
  void ctx.version.value; // re-render on every history change
  const s = stateSession(ctx);
  const configs = ctx.endpoints.value;
  const names = useMemo(() => new Map(configs.map((c) => [c.id, c.name])), [configs]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const ids = [...new Set([...configs.map((c) => c.id), ...ctx.history.counters.keys()])];
  const wanted = s.endpoint.value;
  const picked = wanted !== undefined && ids.includes(wanted) ? wanted : ids[0];
  const live = s.live.value;
  const travel = picked === undefined ? undefined : s.travel(picked);
  const range = travel?.range();
  const seq = live ? undefined : s.seq.value;
  const { moment, error } = useMoment(s, picked, live, seq, s.liveTick.value);
  const slice = picked === undefined || !moment ? undefined : own(moment.after.endpoints, picked);
  const ev = moment?.ev;
  const typed = ev && ctx.typing.typed(ev);
  const touched = useMemo(() => touchedBy(typed), [typed]);
  const viewCtx = useMemo<StateViewContextValue>(() => ({ select: (key) => (ctx.selected.value = key), touched }), [ctx, touched]);

  return (
    <StateViewContext.Provider value={viewCtx}>
      <div class="state-view" data-testid="state-view">
        <TravelBar
          seq={moment?.seq ?? range?.last ?? 0}
          range={range}
          live={live}
          time={ev?.time}
          fromSelection={s.fromSelection.value}
          jumpMs={moment?.ms ?? 0}
          moveTo={(to) => picked !== undefined && s.moveTo(picked, to)}
          goLive={() => {
            s.live.value = true;
            s.fromSelection.value = false;
          }}
        />
        {error && (
          <p class="sv-error" role="alert">
            Could not read the state: {error}
          </p>
        )}
        <div class="sv-body">
          <section class="sv-main">
            <header class="sv-head">
              <EndpointPicker
                ids={ids}
                value={picked}
                nameOf={nameOf}
                pick={(id) => {
                  s.endpoint.value = id;
                  s.live.value = true;
                  s.fromSelection.value = false;
                }}
              />
              {picked !== undefined && <span class="muted">{familyLabel(ctx.typing.family(picked))}</span>}
            </header>
            {slice ? (
              <FamilyView key={picked} slice={slice} />
            ) : (
              <p class="sv-empty muted">{picked === undefined ? 'No events yet.' : moment ? 'Nothing from this endpoint up to this point.' : 'Reading the state…'}</p>
            )}
          </section>
          <aside class="sv-side">
            {moment && <EventPane ev={ev} typed={typed} before={moment.before} after={moment.after} nameOf={nameOf} />}
            <header class="sv-row sv-json-head">
              <h4 class="sv-h">Raw state</h4>
            </header>
            <StateJson value={slice ?? {}} label={picked ?? 'state'} search={s.search} />
          </aside>
        </div>
      </div>
    </StateViewContext.Provider>
  );
}
