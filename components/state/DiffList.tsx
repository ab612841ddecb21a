import type { DiffList as Diff } from '../../lib/stateview/diff-rows';

const OP_SIGN = { added: '+', removed: '−', changed: '~' } as const;

/** What one event changed in the state, path by path. */
export function DiffList({ diff }: { diff: Diff }) {
  return (
    <>
      <ul class="sv-diff" data-testid="state-diff">
        {diff.rows.length === 0 && <li class="muted">No change to the state.</li>}
        {diff.rows.map((r, i) => (
          <li key={i} class={`sv-diff-${r.op}`} data-op={r.op}>
            <span class="sv-diff-op" title={r.op}>
              {OP_SIGN[r.op]}
            </span>
            <span class="sv-diff-path">{r.path}</span>
            {r.before !== '' && <span class="sv-diff-before">{r.before}</span>}
            {r.before !== '' && r.after !== '' && <span class="muted"> → </span>}
            {r.after !== '' && <span class="sv-diff-after">{r.after}</span>}
          </li>
        ))}
      </ul>
      {(diff.more > 0 || diff.traced > 0) && (
        <p class="sv-note muted">
          {diff.more > 0 && `${diff.more} more changes not listed. `}
          {diff.traced > 0 && `Also recorded on ${diff.traced === 1 ? '1 entity' : `${diff.traced} entities`} as one of its events.`}
        </p>
      )}
    </>
  );
}
