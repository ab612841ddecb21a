import type { MarkerEntry } from '../../lib/diagnostics/digest';
import { formatClock } from '../../lib/format/units';

const SHOWN = 50;

/** Markers of some kinds (oldest first in `entries`), newest first in a fold-out list. */
export function MarkerList({ title, entries }: { title: string; entries: readonly MarkerEntry[] }) {
  const shown = entries.slice(-SHOWN).reverse();
  return (
    <details class="diag-markers">
      <summary>
        {title} <span class="diag-count">{entries.length}</span>
      </summary>
      {shown.length === 0 ? (
        <p class="muted">None in the loaded history.</p>
      ) : (
        <ol>
          {shown.map((m) => (
            <li key={m.seq}>
              <time dateTime={new Date(m.time).toISOString()} title={new Date(m.time).toLocaleString()}>
                {formatClock(m.time)}
              </time>{' '}
              <span class={`diag-kind mk-${m.tone}`}>{m.label}</span> {m.message}
            </li>
          ))}
        </ol>
      )}
      {entries.length > SHOWN && <p class="muted">{entries.length - SHOWN} older not shown.</p>}
    </details>
  );
}
