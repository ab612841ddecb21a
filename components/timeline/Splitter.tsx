import { useRef } from 'preact/hooks';
import type { Placement } from '../../lib/timeline/layout';
import { useDrag } from './useDrag';

interface Props {
  placement: Placement;
  /** The detail pane's current size along the split, px. */
  size: number;
  /** Asks for a new detail pane size; the caller clamps it. */
  resize(size: number): void;
}

const KEY_STEP = 16;

/** The bar between the list and the detail pane: drag it, or focus it and use the arrow keys. */
export function Splitter({ placement, size, resize }: Props) {
  const side = placement === 'side';
  const start = useRef(size);
  const drag = useDrag((dx, dy) => resize(start.current - (side ? dx : dy)));
  return (
    <div
      class={`tl-splitter ${placement}`}
      role="separator"
      aria-orientation={side ? 'vertical' : 'horizontal'}
      aria-valuenow={size}
      aria-label="Resize the detail pane"
      title="Drag to resize the detail pane"
      tabIndex={0}
      data-testid="tl-splitter"
      onPointerDown={(e) => {
        start.current = size;
        drag(e);
      }}
      onKeyDown={(e) => {
        // The detail pane is right of or under the list: left/up grows it.
        const grow: Record<string, number> = side ? { ArrowLeft: 1, ArrowRight: -1 } : { ArrowUp: 1, ArrowDown: -1 };
        const dir = grow[e.key];
        if (dir === undefined) return;
        e.preventDefault();
        resize(size + dir * KEY_STEP);
      }}
    />
  );
}
