/**
 * Window math for a list of fixed-height rows. Browsers cap element heights (Firefox near
 * 17.9M px), so past MAX_CONTENT_HEIGHT the scrollbar range is scaled: "offset" below is the
 * unscaled position in the full list, "scrollTop" the element's actual scroll position.
 */
export const MAX_CONTENT_HEIGHT = 8_000_000;

export interface ListGeometry {
  count: number;
  rowHeight: number;
  /** Height of the scrolling viewport. */
  viewport: number;
}

export const contentHeight = (g: ListGeometry): number => Math.min(g.count * g.rowHeight, MAX_CONTENT_HEIGHT);

/** Unscaled px per scrollTop px (1 unless the list is taller than the cap). */
function ratio(g: ListGeometry): number {
  const full = g.count * g.rowHeight;
  const shown = contentHeight(g);
  return full > shown && shown > g.viewport ? (full - g.viewport) / (shown - g.viewport) : 1;
}

const offsetForScrollTop = (g: ListGeometry, scrollTop: number): number => scrollTop * ratio(g);
const scrollTopForOffset = (g: ListGeometry, offset: number): number => offset / ratio(g);

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** First row actually in view (no overscan). */
  firstVisible: number;
}

export function visibleRange(g: ListGeometry, scrollTop: number, overscan: number): RowWindow {
  if (g.count === 0 || g.rowHeight <= 0) return { start: 0, end: 0, firstVisible: 0 };
  const offset = Math.max(0, offsetForScrollTop(g, scrollTop));
  const firstVisible = Math.min(g.count - 1, Math.floor(offset / g.rowHeight));
  const lastVisible = Math.min(g.count, Math.ceil((offset + Math.max(g.viewport, 0)) / g.rowHeight));
  return {
    start: Math.max(0, firstVisible - overscan),
    end: Math.min(g.count, Math.max(lastVisible, firstVisible + 1) + overscan),
    firstVisible,
  };
}

/** Where to place row `i` inside the content element, given the scrollTop the window was computed for. */
export const rowTop = (g: ListGeometry, scrollTop: number, i: number): number =>
  i * g.rowHeight - offsetForScrollTop(g, scrollTop) + scrollTop;

/** Within `slack` px of the end: the list follows the live edge. */
export const isAtBottom = (g: ListGeometry, scrollTop: number, slack: number): boolean =>
  scrollTop + g.viewport >= contentHeight(g) - slack;

export const bottomScrollTop = (g: ListGeometry): number => Math.max(0, contentHeight(g) - g.viewport);

/** The scrollTop that keeps the same rows in view after `added` rows were put in front. */
export function scrollTopAfterPrepend(before: ListGeometry, scrollTop: number, added: number): number {
  const after = { ...before, count: before.count + added };
  return scrollTopForOffset(after, offsetForScrollTop(before, scrollTop) + added * before.rowHeight);
}

/** The scrollTop that brings row `i` fully into view with the least movement (unchanged if it is). */
export function scrollTopToReveal(g: ListGeometry, scrollTop: number, i: number): number {
  const offset = offsetForScrollTop(g, scrollTop);
  const top = i * g.rowHeight;
  const bottom = top + g.rowHeight;
  if (top < offset) return scrollTopForOffset(g, top);
  if (bottom > offset + g.viewport) return scrollTopForOffset(g, bottom - g.viewport);
  return scrollTop;
}

/** The scrollTop that puts row `i` at the top of the viewport (or as near as the end allows). */
export const scrollTopForRow = (g: ListGeometry, i: number): number => Math.min(bottomScrollTop(g), scrollTopForOffset(g, Math.max(0, i) * g.rowHeight));
