import { useContext, useEffect, useMemo, useRef } from 'preact/hooks';
import { eventKey, type StreamEvent } from '../../lib/model/event';
import { PROFILES } from '../../lib/protocols';
import { findEventIndex } from '../../lib/panel/lookup';
import { followPageTheme } from '../../lib/panel/theme';
import { typeList } from '../../lib/timeline/type-list';
import { familyLabel } from '../../lib/protocols/typing';
import { PanelContext } from '../panel/context';
import { ComposeBox } from './ComposeBox';
import { DetailPane } from './DetailPane';
import { EventRow, type RowActions } from './EventRow';
import type { Option } from './MultiSelect';
import { PinnedList } from './PinnedList';
import { timelineSession } from './session';
import { Toolbar } from './Toolbar';
import { useTimelineKeys } from './useTimelineKeys';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 22;

/** One live timeline across all endpoints: filters, virtualised rows, detail and compose. */
export function TimelineView() {
  const ctx = useContext(PanelContext);
  void ctx.version.value; // re-render on every history change
  const s = timelineSession(ctx);
  const { model, typing } = s;
  const history = ctx.history;
  model.paused = s.paused.value;
  model.setFilter(s.applied.value, { pins: s.pins.value, after: s.after.value });
  model.sync(history.events);

  const configs = ctx.endpoints.value;
  const names = useMemo(() => new Map(configs.map((c) => [c.id, c.name])), [configs]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const selectedKey = ctx.selected.value;
  const selectedIndex = selectedKey === undefined ? -1 : model.indexOf(selectedKey);
  const selected = useSelected(selectedKey, selectedIndex >= 0 ? model.rows[selectedIndex] : undefined, history.events);
  const pins = s.pins.value;
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(followPageTheme, []);
  useTimelineKeys(ctx, s, searchRef);

  const actions = useMemo<RowActions>(
    () => ({
      select: (key) => (ctx.selected.value = key),
      togglePin: (ev) => {
        const next = new Set(s.pins.value);
        const key = eventKey(ev);
        if (!next.delete(key)) next.add(key);
        s.pins.value = next;
      },
    }),
    [ctx, s],
  );
  const loadOlder = () =>
    void history.loadOlder().catch((e: unknown) => (ctx.problems.value = [...ctx.problems.value, `Could not read older events: ${String(e)}`]));

  const f = s.filter.value;
  const endpointOptions: Option[] = configs.map((c) => ({ value: c.id, label: c.name, hint: familyLabel(typing.family(c.id)) }));
  for (const id of f.endpoints) if (!names.has(id)) endpointOptions.push({ value: id, label: id });
  const profileTypes = configs.flatMap((c) => Object.keys(PROFILES[typing.family(c.id).family].types));
  const typeOptions: Option[] = typeList(model.typeCounts, [...f.types, ...profileTypes]).map((t) => ({ value: t.type, label: t.type, count: t.count }));
  const wsEndpoints = configs.filter((c) => c.transport === 'ws' && !c.recording);

  const renderRow = (i: number, top: number) => {
    const ev = model.rows[i]!;
    const key = eventKey(ev);
    return (
      <EventRow
        key={key}
        ev={ev}
        typed={typing.typed(ev)}
        prev={model.rows[i - 1]}
        top={top}
        height={ROW_HEIGHT}
        endpointName={nameOf(ev.endpointId)}
        selected={key === selectedKey}
        pinned={pins.has(key)}
        reconnect={model.isReconnect(ev)}
        actions={actions}
      />
    );
  };

  return (
    <div class="timeline">
      <Toolbar
        session={s}
        endpoints={endpointOptions}
        types={typeOptions}
        errors={model.errors}
        shown={model.rows.length}
        total={history.events.length}
        waiting={model.waiting}
        older={{ available: history.hasOlder, loading: history.loading, load: loadOlder }}
        searchRef={searchRef}
      />
      <div class="tl-body">
        <div class="tl-main">
          {!f.pinnedOnly && <PinnedList session={s} rowHeight={ROW_HEIGHT} selectedKey={selectedKey} nameOf={nameOf} actions={actions} />}
          <div class="tl-row tl-head" aria-hidden="true">
            <span />
            <span>Time</span>
            <span>Δ</span>
            <span>Endpoint</span>
            <span>Dir</span>
            <span>Type</span>
            <span>Summary</span>
            <span class="tl-size">Size</span>
          </div>
          <VirtualList
            count={model.rows.length}
            rowHeight={ROW_HEIGHT}
            renderRow={renderRow}
            takePrepended={() => model.takePrepended()}
            appended={model.appended}
            epoch={model.epoch}
            reveal={{ key: selectedKey, index: selectedIndex }}
            onNearTop={() => history.hasOlder && loadOlder()}
            empty={history.events.length === 0 ? 'No events yet.' : 'No events match the filters.'}
          />
          {wsEndpoints.length > 0 && <ComposeBox endpoints={wsEndpoints} status={history.status} send={(endpointId, data) => ctx.link.send({ type: 'send', endpointId, data })} />}
        </div>
        {selected && (
          <DetailPane
            ev={selected}
            typing={typing}
            events={history.events}
            nameOf={nameOf}
            pinned={pins.has(eventKey(selected))}
            togglePin={actions.togglePin}
            select={(key) => (ctx.selected.value = key)}
          />
        )}
      </div>
    </div>
  );
}

/** The selected event: from the rows when shown there, else from the whole history (selected elsewhere, or filtered out). */
function useSelected(key: string | undefined, shown: StreamEvent | undefined, events: readonly StreamEvent[]): StreamEvent | undefined {
  const found = useMemo(() => {
    if (key === undefined || shown) return undefined;
    return events[findEventIndex(events, key)];
  }, [key, shown, events]);
  return shown ?? found;
}
