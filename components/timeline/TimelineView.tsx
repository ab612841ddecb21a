import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { eventKey, type StreamEvent } from '../../lib/model/event';
import { PROFILES } from '../../lib/protocols';
import type { EventHistory } from '../../lib/panel/history';
import { followPageTheme } from '../../lib/panel/theme';
import { COLUMN_IDS, detailSize, fitColumns, placementFor, SPLITTER, withDetailSize } from '../../lib/timeline/layout';
import { SearchReturn, type Place } from '../../lib/timeline/search-return';
import { typeList } from '../../lib/timeline/type-list';
import { viewPaths } from '../../lib/timeline/field-paths';
import { familyLabel } from '../../lib/protocols/typing';
import { PanelContext } from '../panel/context';
import { ColumnHeader } from './ColumnHeader';
import { ComposeBox } from './ComposeBox';
import { DetailPane } from './DetailPane';
import { ListRow, type RowActions } from './EventRow';
import type { Option } from './MultiSelect';
import { PinnedList } from './PinnedList';
import { Splitter } from './Splitter';
import { timelineSession } from './session';
import { Toolbar } from './Toolbar';
import { useSize } from './useSize';
import { useTimelineKeys } from './useTimelineKeys';
import { VirtualList, type ListJump, type ListPlace } from './VirtualList';

const ROW_HEIGHT = 22;

/** The timeline over the whole stored history and the live edge: filters, rows read as they come into view, detail and compose. */
export function TimelineView() {
  const ctx = useContext(PanelContext);
  void ctx.version.value; // re-render on every history change
  const s = timelineSession(ctx);
  const { model, typing } = s;
  const history = ctx.history;
  model.setPaused(s.paused.value);
  model.setFilter(s.applied.value, { pins: s.pins.value, after: s.after.value });
  model.sync();

  const configs = ctx.endpoints.value;
  const names = useMemo(() => new Map(configs.map((c) => [c.id, c.name])), [configs]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const selectedKey = ctx.selected.value;
  const selectedIndex = selectedKey === undefined ? -1 : model.rowOf(selectedKey);
  const selected = useSelected(ctx, selectedKey);
  const pins = s.pins.value;
  const searchRef = useRef<HTMLInputElement>(null);
  const jump = useRef<ListJump>({ row: -1, n: 0 });
  const [, rerender] = useState(0);
  const place = useRef<ListPlace>({ follow: true, firstVisible: 0 });
  const placeKey = useRef<Place>({ live: true });
  const searchReturn = useMemo(() => new SearchReturn(), []);
  const [bodyRef, body] = useSize<HTMLDivElement>();

  // Esc after a search goes back to the selected row, the place before the search, or the live edge.
  searchReturn.observe(s.applied.value.text, () => placeKey.current);
  const back = searchReturn.take(selectedKey, (k) => model.rowOf(k), !model.search.progress.running);
  if (back) jump.current = 'live' in back ? { row: -1, n: jump.current.n + 1, live: true } : { row: back.row, n: jump.current.n + 1, top: true };
  useLayoutEffect(() => {
    // Kept as a key: row numbers change meaning when the filter changes.
    const p = place.current;
    if (p.follow) return void (placeKey.current = { live: true });
    const key = model.keyAt(p.firstVisible);
    if (key !== undefined) placeKey.current = { key }; // a row still being read keeps the last known place
  });

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

  const f = s.filter.value;
  const endpointOptions: Option[] = configs.map((c) => ({ value: c.id, label: c.name, hint: familyLabel(typing.family(c.id)) }));
  for (const id of f.endpoints) if (!names.has(id)) endpointOptions.push({ value: id, label: id });
  const profileTypes = configs.flatMap((c) => Object.keys(PROFILES[typing.family(c.id).family].types));
  const typeOptions: Option[] = typeList(model.typeCounts(), [...f.types, ...profileTypes]).map((t) => ({ value: t.type, label: t.type, count: t.count }));
  const wsEndpoints = configs.filter((c) => c.transport === 'ws' && !c.recording);

  const renderRow = (i: number, top: number, slot: number | undefined) => {
    const ev = model.eventAt(i);
    if (!ev) return <ListRow key={slot ?? `row-${i}`} top={top} height={ROW_HEIGHT} shown={undefined} />;
    const key = eventKey(ev);
    const shown = {
      ev,
      typed: typing.typed(ev),
      prev: model.eventAt(i - 1),
      top,
      height: ROW_HEIGHT,
      endpointName: nameOf(ev.endpointId),
      selected: key === selectedKey,
      pinned: pins.has(key),
      reconnect: model.isReconnect(ev),
      actions,
    };
    return <ListRow key={slot ?? key} top={top} height={ROW_HEIGHT} shown={shown} />;
  };

  // The split: beside the list when there is room, under it when the panel is narrow.
  const layout = s.layout.value;
  const placement = placementFor(body.width);
  const extent = placement === 'side' ? body.width : body.height;
  const paneSize = detailSize(layout, placement, extent);
  const listWidth = selected && placement === 'side' ? body.width - paneSize - SPLITTER : body.width;
  const fit = fitColumns(layout, listWidth);
  const hide = COLUMN_IDS.filter((id) => !fit.shown.includes(id)).join(' ');

  const progress = model.search.progress;
  return (
    <div class="timeline">
      <Toolbar
        session={s}
        endpoints={endpointOptions}
        types={typeOptions}
        errors={model.errors}
        shown={model.count}
        total={history.total}
        filtered={model.filtered}
        progress={progress}
        waiting={model.waiting}
        jumpToTime={(t) => {
          jump.current = { row: model.rowAtTime(t), n: jump.current.n + 1 };
          rerender((n) => n + 1);
        }}
        searchRef={searchRef}
        fieldPaths={() => {
          const only = f.endpoints.length > 0 ? new Set(f.endpoints) : undefined;
          const rows = Math.ceil(body.height / ROW_HEIGHT) + 1;
          const newest = { count: history.total, eventAt: (row: number) => history.eventAt(row) };
          return viewPaths(model, place.current.firstVisible, rows, newest, (ev) => !only || only.has(ev.endpointId));
        }}
      />
      <div
        ref={bodyRef}
        class={`tl-body ${placement}`}
        data-testid="timeline-body"
        data-placement={placement}
        style={{ '--tl-detail-size': `${paneSize}px`, '--tl-cols': fit.template, '--tl-marker-start': fit.markerStart }}
      >
        <div class="tl-main" data-hide={hide}>
          {!f.pinnedOnly && <PinnedList session={s} rowHeight={ROW_HEIGHT} selectedKey={selectedKey} nameOf={nameOf} actions={actions} />}
          <ColumnHeader fit={fit} layout={layout} change={(l) => (s.layout.value = l)} />
          <VirtualList
            count={model.count}
            rowHeight={ROW_HEIGHT}
            renderRow={renderRow}
            epoch={model.epoch}
            reveal={{ key: selectedKey, index: selectedIndex }}
            jump={jump.current}
            place={place}
            empty={!history.ready ? 'Reading the history…' : history.total === 0 ? 'No events yet.' : progress.running ? 'Searching…' : 'No events match the filters.'}
          />
          {wsEndpoints.length > 0 && <ComposeBox endpoints={wsEndpoints} status={history.status} filtered={f.endpoints} send={(endpointId, data) => ctx.link.send({ type: 'send', endpointId, data })} />}
        </div>
        {selected && <Splitter placement={placement} size={paneSize} resize={(size) => (s.layout.value = withDetailSize(s.layout.value, placement, extent, size))} />}
        {selected && (
          <DetailPane
            ev={selected.ev}
            typing={typing}
            events={selected.around}
            nameOf={nameOf}
            pinned={pins.has(eventKey(selected.ev))}
            togglePin={actions.togglePin}
            select={(key) => (ctx.selected.value = key)}
          />
        )}
      </div>
    </div>
  );
}

/** The selected event, found on disk or in the live tail, with the events around it (same-entity neighbours). */
function useSelected(ctx: { history: EventHistory }, key: string | undefined) {
  const [found, setFound] = useState<{ key: string; ev: StreamEvent; around: readonly StreamEvent[] } | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) return setFound(undefined);
    let live = true;
    void ctx.history.find(key).then((r) => {
      if (live) setFound(r && { key, ev: r.ev, around: r.chunk ?? ctx.history.tail });
    });
    return () => {
      live = false;
    };
  }, [key, ctx.history.indexVersion]);
  return found && found.key === key ? found : undefined;
}
