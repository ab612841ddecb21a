import { useRef } from 'preact/hooks';

/**
 * A pointer drag: `move` gets the distance from where the press started, until the button is
 * released. Listens on the window so the drag goes on when the pointer leaves the handle.
 */
export function useDrag(move: (dx: number, dy: number) => void): (e: PointerEvent) => void {
  const latest = useRef(move);
  latest.current = move;
  return (down: PointerEvent) => {
    if (down.button !== 0) return;
    down.preventDefault(); // no text selection while dragging
    const x = down.clientX;
    const y = down.clientY;
    const onMove = (e: PointerEvent) => latest.current(e.clientX - x, e.clientY - y);
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
      document.body.classList.remove('dragging');
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
    document.body.classList.add('dragging');
  };
}
