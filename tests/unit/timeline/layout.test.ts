import { describe, expect, it } from 'vitest';
import {
  COLUMN_GAP,
  DEFAULT_LAYOUT,
  SUMMARY_MIN,
  SPLITTER,
  columnSpec,
  detailSize,
  fitColumns,
  placementFor,
  withDefaultColumns,
  withDetailSize,
  withHidden,
  withWidth,
  type ColumnFit,
} from '../../../lib/timeline/layout';
import { LAYOUT_KEY, loadLayout, saveLayout } from '../../../lib/timeline/ui-storage';

/** What the summary gets: the list minus every other column, the gaps, the padding and the scrollbar. */
function summaryWidth(fit: ColumnFit, listWidth: number): number {
  const others = fit.shown.reduce((s, id) => s + (id === 'summary' ? 0 : fit.widths[id]!), 0);
  return listWidth - others - COLUMN_GAP * (fit.shown.length - 1) - 6 - 16;
}

function memory(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) } as Storage;
}

describe('timeline layout', () => {
  it('puts the detail pane under the list below 700 px, beside it from 700 px', () => {
    expect(placementFor(560)).toBe('below');
    expect(placementFor(699)).toBe('below');
    expect(placementFor(700)).toBe('side');
  });

  it('keeps the detail pane and the list usable whatever the remembered size', () => {
    expect(detailSize(DEFAULT_LAYOUT, 'side', 1400)).toBe(440);
    // A wide pane remembered on a big screen gives way on a small one.
    const wide = { ...DEFAULT_LAYOUT, detailWidth: 900 };
    expect(detailSize(wide, 'side', 800)).toBe(800 - SPLITTER - 420);
    expect(detailSize({ ...DEFAULT_LAYOUT, detailWidth: 10 }, 'side', 1400)).toBe(240);
    expect(detailSize(DEFAULT_LAYOUT, 'below', 900)).toBe(260);
    expect(detailSize({ ...DEFAULT_LAYOUT, detailHeight: 5000 }, 'below', 600)).toBe(600 - SPLITTER - 120);
  });

  it('moves the split for one placement only and clamps it', () => {
    const l = withDetailSize(DEFAULT_LAYOUT, 'side', 1400, 600.4);
    expect(l).toEqual({ ...DEFAULT_LAYOUT, detailWidth: 600 });
    expect(withDetailSize(l, 'below', 700, 9999).detailHeight).toBe(700 - SPLITTER - 120);
    expect(withDetailSize(l, 'below', 700, 9999).detailWidth).toBe(600);
  });

  it('gives every column its width when there is room, the summary the rest', () => {
    const fit = fitColumns(DEFAULT_LAYOUT, 1400);
    expect(fit.shown).toEqual(['pin', 'time', 'delta', 'endpoint', 'dir', 'type', 'summary', 'size']);
    expect(fit.widths.type).toBe(170);
    expect(fit.template).toBe('18px 92px 60px 130px 44px 170px minmax(150px, 1fr) 60px');
    expect(fit.markerStart).toBe(5);
  });

  it('keeps the summary at 150 px or more at any width from 300 px, shrinking columns before dropping any', () => {
    for (let w = 300; w <= 1600; w += 10) {
      const fit = fitColumns(DEFAULT_LAYOUT, w);
      expect(summaryWidth(fit, w), `at ${w}px`).toBeGreaterThanOrEqual(SUMMARY_MIN);
      expect(fit.shown).toContain('summary');
      for (const id of fit.shown) if (id !== 'summary') expect(fit.widths[id]).toBeGreaterThanOrEqual(columnSpec(id).min);
    }
    // At 560 px every column still fits, narrower.
    const docked = fitColumns(DEFAULT_LAYOUT, 560);
    expect(docked.shown).toHaveLength(8);
    expect(docked.widths.type).toBeLessThan(170);
    // Narrower still, Δ gives way first, then size.
    expect(fitColumns(DEFAULT_LAYOUT, 480).shown).not.toContain('delta');
    expect(fitColumns(DEFAULT_LAYOUT, 440).shown).not.toContain('size');
  });

  it('hides and sizes columns, but never the pin or the summary', () => {
    let l = withHidden(DEFAULT_LAYOUT, 'endpoint', true);
    l = withWidth(l, 'type', 300);
    l = withWidth(l, 'time', 1); // clamped to the minimum
    expect(withHidden(l, 'summary', true)).toBe(l);
    expect(withWidth(l, 'summary', 500)).toBe(l);
    const fit = fitColumns(l, 1400);
    expect(fit.shown).toEqual(['pin', 'time', 'delta', 'dir', 'type', 'summary', 'size']);
    expect(fit.widths).toMatchObject({ type: 300, time: columnSpec('time').min });
    // The marker text starts after the last of pin/time/delta/endpoint that shows.
    expect(fit.markerStart).toBe(4);
    expect(fitColumns(withDefaultColumns(l), 1400).shown).toHaveLength(8);
  });

  it('is remembered in storage, and junk or an older shape falls back to defaults', () => {
    const s = memory();
    const l = withHidden(withDetailSize(DEFAULT_LAYOUT, 'side', 1400, 500), 'size', true);
    saveLayout(s, l);
    expect(loadLayout(s)).toEqual(l);
    s.setItem(LAYOUT_KEY, JSON.stringify({ detailWidth: 321 }));
    expect(loadLayout(s)).toEqual({ ...DEFAULT_LAYOUT, detailWidth: 321 });
    s.setItem(LAYOUT_KEY, JSON.stringify({ columns: { summary: { width: -3 } } }));
    expect(loadLayout(s)).toEqual(DEFAULT_LAYOUT);
    s.setItem(LAYOUT_KEY, '{');
    expect(loadLayout(s)).toEqual(DEFAULT_LAYOUT);
    expect(loadLayout(undefined)).toEqual(DEFAULT_LAYOUT);
  });
});
