import { eventKey, type StreamEvent } from '../../lib/model/event';
import type { TypedEvent } from '../../lib/model/typed';
import { markerText } from '../../lib/format/event-text';
import { formatBytes, formatClock, formatDelta } from '../../lib/format/units';
import { TypeBadge } from './TypeBadge';

export interface RowActions {
  select(key: string): void;
  togglePin(ev: StreamEvent): void;
}

export interface EventRowProps {
  ev: StreamEvent;
  typed: TypedEvent;
  /** The row above, for the relative time. */
  prev: StreamEvent | undefined;
  /** Position in the virtual list; omitted for rows in normal flow (the pinned list). */
  top?: number;
  height: number;
  testId?: string;
  endpointName: string;
  selected: boolean;
  pinned: boolean;
  /** A `connected` marker after an earlier connect: shown as "reconnected". */
  reconnect: boolean;
  actions: RowActions;
}

const DIR_TEXT = { in: '↓ in', out: '↑ out', sys: '• sys' } as const;

/** One timeline row. Connection markers get a full-width band so gaps show where they happened. */
export function EventRow({ ev, typed, prev, top, height, testId = 'event-row', endpointName, selected, pinned, reconnect, actions }: EventRowProps) {
  const key = eventKey(ev);
  const invalid = typed.issues.length > 0;
  const marker = ev.dir === 'sys' ? markerText(ev, reconnect) : undefined;
  const cls = ['tl-row', marker ? `tl-marker cat-${typed.category} mk-${marker.tone}` : '', selected ? 'selected' : ''].join(' ');
  return (
    <div
      class={cls}
      role="row"
      aria-selected={selected}
      style={top === undefined ? { height: `${height}px` } : { position: 'absolute', top: `${top}px`, height: `${height}px` }}
      data-testid={testId}
      data-endpoint-id={ev.endpointId}
      data-seq={ev.seq}
      data-dir={ev.dir}
      data-type={typed.type}
      data-category={typed.category}
      data-invalid={invalid ? 'true' : undefined}
      data-tone={marker?.tone}
      onClick={() => actions.select(key)}
    >
      <button
        class={`tl-pin${pinned ? ' on' : ''}`}
        title={pinned ? 'Unpin' : 'Pin'}
        aria-pressed={pinned}
        onClick={(e) => {
          e.stopPropagation();
          actions.togglePin(ev);
        }}
      >
        {pinned ? '★' : '☆'}
      </button>
      <span class="tl-time" title={new Date(ev.time).toISOString()}>
        {formatClock(ev.time)}
      </span>
      <span class="tl-delta">{prev ? formatDelta(ev.time - prev.time) : ''}</span>
      <span class="tl-endpoint" title={ev.endpointId}>
        {endpointName}
      </span>
      {marker ? (
        <span class="tl-marker-text" title={marker.message}>
          <strong>{marker.label}</strong> <span data-testid="event-summary">{marker.message}</span>
        </span>
      ) : (
        <>
          <span class={`tl-dir dir-${ev.dir}`}>{DIR_TEXT[ev.dir]}</span>
          <span class="tl-type">
            <TypeBadge typed={typed} />
          </span>
          <span class="tl-summary">
            {invalid && (
              <span class="tl-warn" role="img" aria-label="invalid" title={`${typed.issues.length} validation issue(s): ${typed.issues[0]?.message ?? ''}`}>
                ⚠
              </span>
            )}
            {!typed.known && <span class="tl-tag">unknown</span>}
            <span data-testid="event-summary">{typed.summary}</span>
          </span>
          <span class="tl-size">{formatBytes(ev.size)}</span>
        </>
      )}
    </div>
  );
}

/**
 * A row of the virtual list, or its placeholder while its chunk is read. One component with one
 * root element either way, so a row keyed by its place keeps its element when its event loads
 * (or when a loaded row's place is drawn before its event is read again).
 */
export function ListRow({ shown, top, height }: { shown: EventRowProps | undefined; top: number; height: number }) {
  // EventRow has no hooks: called as a function, its root element is this component's.
  return shown ? EventRow(shown) : <div class="tl-row tl-loading" role="row" style={{ position: 'absolute', top: `${top}px`, height: `${height}px` }} />;
}
