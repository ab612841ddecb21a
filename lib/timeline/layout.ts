import { z } from 'zod';

/**
 * The timeline's layout: where the detail pane goes and how big it is, which columns show and
 * how wide they are. Pure: the panel measures, this decides, the session persists.
 */

export const COLUMN_IDS = ['pin', 'time', 'delta', 'endpoint', 'dir', 'type', 'summary', 'size'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnSpec {
  id: ColumnId;
  /** Header text (and the column menu's). */
  label: string;
  width: number;
  min: number;
  /** Neither hidden nor resized: the pin toggle and the summary, which takes what is left. */
  fixed?: boolean;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { id: 'pin', label: '', width: 18, min: 18, fixed: true },
  { id: 'time', label: 'Time', width: 92, min: 88 }, // HH:MM:SS.mmm stays whole
  { id: 'delta', label: 'Δ', width: 60, min: 44 },
  { id: 'endpoint', label: 'Endpoint', width: 130, min: 50 },
  { id: 'dir', label: 'Dir', width: 44, min: 36 },
  { id: 'type', label: 'Type', width: 170, min: 60 },
  { id: 'summary', label: 'Summary', width: 0, min: 150, fixed: true },
  { id: 'size', label: 'Size', width: 60, min: 40 },
];

const SPEC = new Map(COLUMNS.map((c) => [c.id, c]));
export const columnSpec = (id: ColumnId): ColumnSpec => SPEC.get(id)!;

/** The summary never gets less than this; other columns shrink, then step aside, first. */
export const SUMMARY_MIN = 150;
/** When the panel is too narrow to be cut in two, the columns that give way first. */
const GIVE_WAY: readonly ColumnId[] = ['delta', 'size', 'dir', 'endpoint', 'type', 'time'];
/** Must match `.tl-row`'s column gap and right padding (panel.css). */
export const COLUMN_GAP = 6;
const ROW_PADDING = 6;
/** Room left for the list's own vertical scrollbar. */
const SCROLLBAR = 16;

/** Below this width the detail pane goes under the list instead of beside it. */
export const NARROW_WIDTH = 700;
export const SPLITTER = 5;
const DETAIL_MIN = { side: 240, below: 100 };
const LIST_MIN = { side: 420, below: 120 };

export type Placement = 'side' | 'below';

const ColumnPrefsSchema = z.object({ width: z.number().positive().optional(), hidden: z.boolean().optional() });

export const TimelineLayoutSchema = z.object({
  /** Detail pane width beside the list, px. */
  detailWidth: z.number().positive(),
  /** Detail pane height under the list, px. */
  detailHeight: z.number().positive(),
  columns: z.partialRecord(z.enum(COLUMN_IDS), ColumnPrefsSchema),
});
export type TimelineLayout = z.infer<typeof TimelineLayoutSchema>;

export const DEFAULT_LAYOUT: TimelineLayout = { detailWidth: 440, detailHeight: 260, columns: {} };

export const placementFor = (panelWidth: number): Placement => (panelWidth < NARROW_WIDTH ? 'below' : 'side');

/** The detail pane's size along the split, kept so that both the list and the pane stay usable. */
export function detailSize(layout: TimelineLayout, placement: Placement, extent: number): number {
  const wanted = placement === 'side' ? layout.detailWidth : layout.detailHeight;
  const max = extent - SPLITTER - LIST_MIN[placement];
  return Math.round(Math.max(DETAIL_MIN[placement], Math.min(wanted, max)));
}

/** The layout after the splitter was moved to make the detail pane `size` px. */
export function withDetailSize(layout: TimelineLayout, placement: Placement, extent: number, size: number): TimelineLayout {
  const at = Math.round(Math.max(DETAIL_MIN[placement], Math.min(size, extent - SPLITTER - LIST_MIN[placement])));
  return placement === 'side' ? { ...layout, detailWidth: at } : { ...layout, detailHeight: at };
}

export const isHidden = (layout: TimelineLayout, id: ColumnId): boolean => !columnSpec(id).fixed && layout.columns[id]?.hidden === true;

export function withHidden(layout: TimelineLayout, id: ColumnId, hidden: boolean): TimelineLayout {
  if (columnSpec(id).fixed) return layout;
  return { ...layout, columns: { ...layout.columns, [id]: { ...layout.columns[id], hidden } } };
}

export function columnWidth(layout: TimelineLayout, id: ColumnId): number {
  const spec = columnSpec(id);
  return Math.max(spec.min, layout.columns[id]?.width ?? spec.width);
}

export function withWidth(layout: TimelineLayout, id: ColumnId, width: number): TimelineLayout {
  const spec = columnSpec(id);
  if (spec.fixed) return layout;
  return { ...layout, columns: { ...layout.columns, [id]: { ...layout.columns[id], width: Math.round(Math.max(spec.min, width)) } } };
}

/** Every column shown again at its default width; the split is kept. */
export const withDefaultColumns = (layout: TimelineLayout): TimelineLayout => ({ ...layout, columns: {} });

export interface ColumnFit {
  /** Shown columns, in order. */
  shown: ColumnId[];
  /** Width of each shown column but the summary, px. */
  widths: Partial<Record<ColumnId, number>>;
  /** `grid-template-columns` for every row and the header. */
  template: string;
  /** Grid line where a connection marker's text starts: right after the endpoint column. */
  markerStart: number;
}

const fixedRoom = (ids: readonly ColumnId[], widths: Partial<Record<ColumnId, number>>): number =>
  ids.reduce((sum, id) => sum + (id === 'summary' ? SUMMARY_MIN : (widths[id] ?? 0)), 0) + COLUMN_GAP * (ids.length - 1) + ROW_PADDING + SCROLLBAR;

/**
 * Fits the chosen columns into a list `listWidth` px wide so the summary keeps at least
 * SUMMARY_MIN: columns shrink toward their minimum (in proportion to what each can give), and
 * if that is not enough, columns step aside in GIVE_WAY order (only for this width: the
 * user's choice is kept for when there is room again).
 */
export function fitColumns(layout: TimelineLayout, listWidth: number): ColumnFit {
  const shown = COLUMN_IDS.filter((id) => !isHidden(layout, id));
  const widths: Partial<Record<ColumnId, number>> = {};
  for (const id of shown) if (id !== 'summary') widths[id] = columnWidth(layout, id);
  let excess = fixedRoom(shown, widths) - listWidth;
  if (excess > 0) {
    const slack = shown.reduce((s, id) => s + (id === 'summary' ? 0 : widths[id]! - columnSpec(id).min), 0);
    const share = Math.min(1, excess / Math.max(1, slack));
    for (const id of shown) if (id !== 'summary') widths[id] = Math.floor(widths[id]! - (widths[id]! - columnSpec(id).min) * share);
    excess = fixedRoom(shown, widths) - listWidth;
  }
  for (const id of GIVE_WAY) {
    if (excess <= 0) break;
    const at = shown.indexOf(id);
    if (at < 0) continue;
    shown.splice(at, 1);
    delete widths[id];
    excess = fixedRoom(shown, widths) - listWidth;
  }
  const template = shown.map((id) => (id === 'summary' ? `minmax(${SUMMARY_MIN}px, 1fr)` : `${widths[id]}px`)).join(' ');
  const markerStart = shown.filter((id) => id === 'pin' || id === 'time' || id === 'delta' || id === 'endpoint').length + 1;
  return { shown, widths, template, markerStart };
}
