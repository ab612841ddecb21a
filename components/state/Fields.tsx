import type { ComponentChildren } from 'preact';

/** Label/value rows; rows whose value is absent (or `false`, from `cond && value`) are left out. */
export function Fields({ rows }: { rows: [label: string, value: ComponentChildren][] }) {
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false);
  if (shown.length === 0) return null;
  return (
    <dl class="sv-fields">
      {shown.map(([label, v]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Small labelled numbers, as dashboards show them. */
export function Stat({ label, value }: { label: string; value: number | string | undefined }) {
  return (
    <div class="sv-stat">
      <span class="sv-stat-value">{value ?? '–'}</span>
      <span class="sv-stat-label">{label}</span>
    </div>
  );
}
