import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Items rendered per step: state lists run to thousands, and the view re-renders at every step of the slider. */
export const LIST_STEP = 100;

/** The first items of a list, and a button that shows the next step of them (nothing when all are shown). */
export function useShown<T>(items: readonly T[], step = LIST_STEP): { shown: readonly T[]; more: ComponentChildren } {
  const [limit, setLimit] = useState(step);
  const rest = items.length - limit;
  if (rest <= 0) return { shown: items, more: null };
  return {
    shown: items.slice(0, limit),
    more: (
      <button class="sv-more" onClick={() => setLimit(limit + step)}>
        Show {Math.min(step, rest)} more ({rest} not shown)
      </button>
    ),
  };
}
