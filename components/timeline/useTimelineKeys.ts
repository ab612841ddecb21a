import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { PanelContextValue } from '../../lib/panel/panel-context';
import type { TimelineSession } from './session';

const isEditable = (el: EventTarget | null): el is HTMLElement =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

/** ↑/↓ move the selection, `/` focuses the search, Esc clears the search, then the selection. */
export function useTimelineKeys(ctx: PanelContextValue, s: TimelineSession, search: RefObject<HTMLInputElement>): void {
  useEffect(() => {
    const clearText = () => (s.filter.value = { ...s.filter.value, text: '' });
    const move = (delta: number) => {
      const count = s.model.count;
      if (count === 0) return;
      const key = ctx.selected.value;
      const at = key === undefined ? -1 : s.model.rowOf(key);
      // Nothing selected yet: start from the newest row, where the list usually is.
      const next = at < 0 ? count - 1 : Math.min(count - 1, Math.max(0, at + delta));
      const nextKey = s.model.keyAt(next);
      if (nextKey !== undefined) ctx.selected.value = nextKey;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const editing = isEditable(e.target);
      if (e.key === '/' && !editing) {
        e.preventDefault();
        search.current?.focus();
      } else if (e.key === 'Escape') {
        const hasText = s.filter.value.text !== '';
        if (e.target === search.current && hasText) clearText();
        else if (ctx.selected.value !== undefined) ctx.selected.value = undefined;
        else if (hasText) clearText();
        else if (editing) e.target.blur();
      } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !editing) {
        e.preventDefault();
        move(e.key === 'ArrowDown' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ctx, s, search]);
}
