import type { VNode } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  bottomScrollTop,
  contentHeight,
  isAtBottom,
  rowTop,
  scrollTopAfterPrepend,
  scrollTopToReveal,
  visibleRange,
  type ListGeometry,
} from '../../lib/timeline/virtual';

const OVERSCAN = 12;
/** Rows from the top at which older history is asked for. */
const NEAR_TOP = 40;

interface Props {
  count: number;
  rowHeight: number;
  renderRow(index: number, top: number): VNode;
  /** Rows put in front since the last call; the same rows stay in view. */
  takePrepended(): number;
  /** Rows appended since the last rebuild, and the rebuild counter: they count the "new events" pill. */
  appended: number;
  epoch: number;
  /** Brought into view whenever `key` changes (the selection). */
  reveal: { key: string | undefined; index: number };
  onNearTop(): void;
  /** Shown when there are no rows. */
  empty: string;
}

/**
 * Fixed-height rows, only the visible ones (plus overscan) in the DOM. Follows the live edge
 * until the user scrolls away, then offers a pill to jump back.
 */
export function VirtualList(p: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  /** Where the list should be; the DOM is brought in line after each render. */
  const top = useRef(0);
  /** The DOM's scrollTop as of the last sync: a different value means the user scrolled meanwhile. */
  const synced = useRef(0);
  const follow = useRef(true);
  const mark = useRef({ epoch: p.epoch, appended: p.appended });
  const revealed = useRef<string | undefined>(undefined);
  const [viewport, setViewport] = useState(0);
  const [, rerender] = useState(0);

  const g: ListGeometry = { count: p.count, rowHeight: p.rowHeight, viewport };
  const added = p.takePrepended();
  if (follow.current) top.current = bottomScrollTop(g);
  else if (added > 0) top.current = scrollTopAfterPrepend({ ...g, count: p.count - added }, top.current, added);
  else if (top.current > bottomScrollTop(g)) {
    // The list got shorter (filters) than where the user was: they are at the end now.
    top.current = bottomScrollTop(g);
    setFollow(true);
  }
  // Wait for the viewport's size: a selection made in another view is revealed on mount.
  if (p.reveal.key !== revealed.current && viewport > 0) {
    revealed.current = p.reveal.key;
    if (p.reveal.index >= 0) {
      const to = scrollTopToReveal(g, top.current, p.reveal.index);
      if (to !== top.current) {
        top.current = to;
        setFollow(isAtBottom(g, to, p.rowHeight / 2));
      }
    }
  }

  function setFollow(on: boolean): void {
    if (follow.current && !on) mark.current = { epoch: p.epoch, appended: p.appended };
    follow.current = on;
  }

  /** Takes the DOM's position as the truth (the user scrolled). */
  function adopt(el: HTMLDivElement): void {
    top.current = el.scrollTop;
    synced.current = el.scrollTop;
    setFollow(isAtBottom(g, el.scrollTop, p.rowHeight / 2));
    if (visibleRange(g, el.scrollTop, 0).firstVisible < NEAR_TOP) p.onNearTop();
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
  const rows: VNode[] = [];
  for (let i = win.start; i < win.end; i++) rows.push(p.renderRow(i, rowTop(g, top.current, i)));
  const fresh = follow.current ? 0 : p.epoch === mark.current.epoch ? p.appended - mark.current.appended : p.appended;

  return (
    <div class="tl-list-wrap">
      <div class="tl-list" ref={scroller} role="grid" aria-rowcount={p.count} onScroll={onScroll}>
        <div class="tl-content" style={{ height: `${contentHeight(g)}px` }}>
          {rows}
        </div>
      </div>
      {p.count === 0 && <div class="tl-empty">{p.empty}</div>}
      {fresh > 0 && (
        <button
          class="tl-new"
          data-testid="new-events"
          onClick={() => {
            setFollow(true);
            rerender((n) => n + 1);
          }}
        >
          {fresh === 1 ? '1 new event' : `${fresh.toLocaleString()} new events`} ↓
        </button>
      )}
    </div>
  );
}
