import { useRef, useState } from 'preact/hooks';
import { columnSpec, columnWidth, withWidth, type ColumnFit, type ColumnId, type TimelineLayout } from '../../lib/timeline/layout';
import { ColumnMenu } from './ColumnMenu';
import { useDrag } from './useDrag';

interface Props {
  fit: ColumnFit;
  layout: TimelineLayout;
  change(layout: TimelineLayout): void;
}

/** Drag a header cell's right edge to size its column. */
function ResizeHandle({ id, width, layout, change }: { id: ColumnId; width: number; layout: TimelineLayout; change(l: TimelineLayout): void }) {
  const start = useRef({ width, layout });
  const drag = useDrag((dx) => change(withWidth(start.current.layout, id, start.current.width + dx)));
  return (
    <span
      class="tl-resize"
      data-testid={`resize-${id}`}
      title="Drag to resize; right-click the header to choose columns"
      onPointerDown={(e) => {
        start.current = { width, layout };
        drag(e);
      }}
      onDblClick={() => change(withWidth(layout, id, columnSpec(id).width))}
    />
  );
}

/** The column header: sizes by drag, columns chosen from its context menu (as in Chrome's Network panel). */
export function ColumnHeader({ fit, layout, change }: Props) {
  const [menu, setMenu] = useState<{ x: number; y: number } | undefined>(undefined);
  return (
    <>
    <div
      class="tl-row tl-head"
      data-testid="timeline-head"
      onContextMenu={(e) => {
        e.preventDefault();
        setMenu({ x: e.clientX, y: e.clientY });
      }}
    >
      {fit.shown.map((id) => {
        const spec = columnSpec(id);
        return (
          <span key={id} class={`tl-${id} tl-headcell`} data-column={id}>
            {spec.label}
            {!spec.fixed && <ResizeHandle id={id} width={fit.widths[id] ?? columnWidth(layout, id)} layout={layout} change={change} />}
          </span>
        );
      })}
    </div>
    {menu && <ColumnMenu at={menu} layout={layout} change={change} close={() => setMenu(undefined)} />}
    </>
  );
}
