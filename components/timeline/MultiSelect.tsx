import { useEffect, useRef, useState } from 'preact/hooks';

export interface Option<T extends string = string> {
  value: T;
  label: string;
  count?: number;
  /** Extra words after the label, e.g. an endpoint's detected family. */
  hint?: string;
}

interface Props<T extends string> {
  label: string;
  testId: string;
  /** Each checkbox carries `data-<attr>=<value>` so tests and styles can find it. */
  attr: string;
  options: Option<T>[];
  /** Empty means "all". */
  selected: readonly T[];
  onChange(next: T[]): void;
}

/** A dropdown of checkboxes; nothing checked means no filtering. */
export function MultiSelect<T extends string>({ label, testId, attr, options, selected, onChange }: Props<T>) {
  const on = new Set<string>(selected);
  const box = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    // A dropdown closes when the user clicks elsewhere.
    const away = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) box.current.open = false;
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const toggle = (v: T, checked: boolean) => onChange(checked ? [...selected, v] : selected.filter((s) => s !== v));
  return (
    <details class="ms" data-testid={testId} ref={box} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary class={on.size > 0 ? 'active' : ''}>
        {label}
        {on.size > 0 ? ` (${on.size})` : ''}
      </summary>
      <div class="ms-menu">
        {options.length === 0 && <div class="ms-empty">Nothing yet</div>}
        {options.map((o) => (
          <label key={o.value} class="ms-option">
            <input type="checkbox" checked={on.has(o.value)} {...{ [`data-${attr}`]: o.value }} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
            <span class="ms-label">{o.label}</span>
            {o.hint && <span class="ms-hint">{o.hint}</span>}
            {o.count !== undefined && <span class="ms-count">{o.count.toLocaleString()}</span>}
          </label>
        ))}
        {on.size > 0 && (
          <button class="ms-clear" onClick={() => onChange([])}>
            Show all
          </button>
        )}
      </div>
    </details>
  );
}
