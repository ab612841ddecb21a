import { useEffect, useRef } from 'preact/hooks';
import { COLUMNS, isHidden, withDefaultColumns, withHidden, type TimelineLayout } from '../../lib/timeline/layout';

interface Props {
  at: { x: number; y: number };
  layout: TimelineLayout;
  change(layout: TimelineLayout): void;
  close(): void;
}

/** The header's context menu: which columns show, and back to the default columns. */
export function ColumnMenu({ at, layout, change, close }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A press anywhere outside the menu, or Esc, closes it.
    const onDown = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    menu.current?.querySelector('input')?.focus();
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
  return (
    <div ref={menu} class="tl-colmenu" role="menu" data-testid="column-menu" style={{ left: `${at.x}px`, top: `${at.y}px` }}>
      {COLUMNS.filter((c) => !c.fixed).map((c) => (
        <label key={c.id} role="menuitemcheckbox" aria-checked={!isHidden(layout, c.id)}>
          <input type="checkbox" data-column={c.id} checked={!isHidden(layout, c.id)} onChange={(e) => change(withHidden(layout, c.id, !e.currentTarget.checked))} />
          {c.id === 'delta' ? 'Δ (time since the row above)' : c.label}
        </label>
      ))}
      <hr />
      <button
        data-testid="column-reset"
        onClick={() => {
          change(withDefaultColumns(layout));
          close();
        }}
      >
        Reset columns
      </button>
    </div>
  );
}
