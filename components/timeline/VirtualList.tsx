import type { VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { bottomScrollTop, contentHeight, isAtBottom, rowTop, scrollTopForRow, scrollTopToReveal, visibleRange, type ListGeometry } from '../../lib/timeline/virtual';

/** Where the list is: following the live edge, and the first row in view. */
export interface ListPlace {
  follow: boolean;
  firstVisible: number;
}

/** A move asked for whenever `n` changes: to `row` (at the bottom of the view, or at the top with `top`), or to the live edge. */
export interface ListJump {
  row: number;
  n: number;
  top?: boolean;
  live?: boolean;
}

const OVERSCAN = 12;

interface Props {
  count: number;
  rowHeight: number;
  /**
   * `slot`, when given, is the row's place in the window, to key the row by: the window shares
   * no row with the last one drawn, and keyed by place its rows take over the last rows'
   * elements. Otherwise rows are keyed by what they show, and each keeps its element.
   */
  renderRow(index: number, top: number, slot: number | undefined): VNode;
  /** Bumped when the rows were replaced (filters changed): the "new events" count starts over. */
  epoch: number;
  /** Brought into view whenever `key` changes (the selection), once its row is known. */
  reveal: { key: string | undefined; index: number };
  /** Jump to a time, or back to where the list was before a search. */
  jump: ListJump;
  /** Written on every render: where the list is now. */
  place?: { current: ListPlace };
  /** Shown when there are no rows. */
  empty: string;
}

/**
 * Fixed-height rows, only the visible ones (plus overscan) in the DOM, over any number of rows
 * (the scrollbar is the whole history). Follows the live edge until the user scrolls away or
 * selects a row, then offers a pill to jump back.
 */
export function VirtualList(p: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  /** Where the list should be; the DOM is brought in line after each render. */
  const top = useRef(0);
  /** The DOM's scrollTop as of the last sync: a different value means the user scrolled meanwhile. */
  const synced = useRef(0);
  const follow = useRef(true);
  /** Row count when the list stopped following, to count what arrived since. */
  const mark = useRef({ epoch: p.epoch, count: p.count });
  const revealed = useRef<string | undefined>(undefined);
  const jumped = useRef(p.jump.n);
  const lastWindow = useRef({ epoch: p.epoch, start: 0, end: 0, byPlace: false });
  const [viewport, setViewport] = useState(0);
  const [, rerender] = useState(0);

  const g: ListGeometry = { count: p.count, rowHeight: p.rowHeight, viewport };
  if (follow.current) top.current = bottomScrollTop(g);
  else if (top.current > bottomScrollTop(g)) top.current = bottomScrollTop(g);
  if (p.jump.n !== jumped.current && viewport > 0) {
    jumped.current = p.jump.n;
    if (p.jump.live) {
      setFollow(true);
      top.current = bottomScrollTop(g);
    } else {
      top.current = p.jump.top ? scrollTopForRow(g, p.jump.row) : Math.min(bottomScrollTop(g), scrollTopToReveal(g, 0, Math.max(0, p.jump.row)));
      setFollow(false);
    }
  }
  // Wait for the viewport's size and the row: a selection made in another view is revealed on mount.
  if (p.reveal.key !== revealed.current && viewport > 0 && (p.reveal.index >= 0 || p.reveal.key === undefined)) {
    revealed.current = p.reveal.key;
    if (p.reveal.index >= 0) {
      // Selecting stops following the live edge: the selected row stays where it is.
      setFollow(false);
      top.current = scrollTopToReveal(g, top.current, p.reveal.index);
    }
  }

  function setFollow(on: boolean): void {
    if (follow.current && !on) mark.current = { epoch: p.epoch, count: p.count };
    follow.current = on;
  }

  /** Takes the DOM's position as the truth (the user scrolled, or the browser moved the list). */
  function adopt(el: HTMLDivElement): void {
    top.current = el.scrollTop;
    synced.current = el.scrollTop;
    // A list whose size changed since it was measured was moved by the browser, not the user:
    // a panel that grew pulls scrollTop back, and that scroll comes before the resize is
    // observed. Judged as a scroll, following the live edge stopped on every resize. The
    // follow state stays; the next render places the list for the new size.
    const now = el.clientHeight;
    if (now !== viewport) setViewport(now);
    else setFollow(isAtBottom(g, el.scrollTop, p.rowHeight / 2));
    rerender((n) => n + 1);
  }

  function onScroll(e: { currentTarget: HTMLDivElement }): void {
    // Our own assignment coming back needs nothing.
    if (Math.abs(e.currentTarget.scrollTop - synced.current) > 1) adopt(e.currentTarget);
  }

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    // Reading scrollTop forces a layout: only touch it when the list has to move.
    if (!el || Math.abs(top.current - synced.current) <= 1) return;
    // A scroll that happened after the last render but before its event arrived must win over
    // the live edge, or a fast stream would never let the user scroll away.
    if (Math.abs(el.scrollTop - synced.current) > 1) return adopt(el);
    el.scrollTop = top.current;
    synced.current = el.scrollTop;
  });

  const win = visibleRange(g, top.current, OVERSCAN);
  if (p.place) p.place.current = { follow: follow.current, firstVisible: win.firstVisible };
  // A window with none of the last one's rows (the live edge moved a screen or more, new
  // filters, a jump) changes the text of the elements there instead of building new ones:
  // several times cheaper to lay out at 5,000 events/s. A window that overlaps keeps each row's
  // element, so only the rows new to it are laid out (moving reused elements costs more). The
  // same window again keeps its keys.
  const last = lastWindow.current;
  const same = p.epoch === last.epoch && win.start === last.start && win.end === last.end;
  const byPlace = same ? last.byPlace : p.epoch !== last.epoch || win.start >= last.end || win.end <= last.start;
  lastWindow.current = { epoch: p.epoch, start: win.start, end: win.end, byPlace };
  const rows: VNode[] = [];
  for (let i = win.start; i < win.end; i++) rows.push(p.renderRow(i, rowTop(g, top.current, i), byPlace ? i - win.start : undefined));
  const fresh = follow.current ? 0 : p.epoch === mark.current.epoch ? p.count - mark.current.count : 0;

  return (
    <div class="tl-list-wrap">
      <div class="tl-list" ref={scroller} role="grid" aria-rowcount={p.count} onScroll={onScroll}>
        <div class="tl-content" style={{ height: `${contentHeight(g)}px` }}>
          {rows}
        </div>
      </div>
      {p.count === 0 && <div class="tl-empty">{p.empty}</div>}
      {!follow.current && (
        <button
          class="tl-new"
          data-testid="new-events"
          title="Follow the newest events again"
          onClick={() => {
            setFollow(true);
            rerender((n) => n + 1);
          }}
        >
          Live{fresh > 0 ? ` · ${fresh === 1 ? '1 new event' : `${fresh.toLocaleString()} new events`}` : ''} ↓
        </button>
      )}
    </div>
  );
}
