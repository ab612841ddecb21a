/** The expand/collapse arrow of a JSON tree line (a spacer for leaves), shared by both trees. */
export function JsonToggle({ container, open, onToggle }: { container: boolean; open: boolean; onToggle: () => void }) {
  if (!container) return <span class="jt-toggle" />;
  return (
    <button class="jt-toggle" aria-expanded={open} aria-label={open ? 'Collapse' : 'Expand'} onClick={onToggle}>
      {open ? '▾' : '▸'}
    </button>
  );
}
