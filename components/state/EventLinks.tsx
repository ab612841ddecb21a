import { useContext, useState } from 'preact/hooks';
import { traceLinks } from '../../lib/stateview/entities';
import type { Trace } from '../../lib/state/trace';
import { StateViewContext } from './view-context';

/** Seq links listed at most; the trace itself keeps more. */
const SHOWN = 24;

/**
 * An entity's link to its events: selects the latest one (in the timeline too) and lists the
 * others as seq links. Events that failed their schema are marked.
 */
export function EventLinks({ trace }: { trace: Trace }) {
  const { select } = useContext(StateViewContext);
  const [open, setOpen] = useState(false);
  const links = traceLinks(trace);
  const latest = links[0];
  if (!latest) return null;
  return (
    <span class="sv-links">
      <button
        class="sv-link"
        data-testid="entity-events"
        title="Select its latest event and list the events that changed it"
        onClick={() => {
          select(latest.key);
          setOpen(true);
        }}
      >
        {links.length === 1 ? '1 event' : `${links.length} events`}
        {trace.invalidSeqs.length > 0 && <span class="sv-invalid" title="Some of its events failed their schema"> ⚠</span>}
      </button>
      {open && (
        <span class="sv-seqs" data-testid="entity-event-list">
          {links.slice(0, SHOWN).map((l) => (
            <button key={l.key} class={`sv-seq${l.invalid ? ' sv-invalid' : ''}`} onClick={() => select(l.key)}>
              #{l.seq}
            </button>
          ))}
          {links.length > SHOWN && <span class="muted">+{links.length - SHOWN} older</span>}
          <button class="sv-seq" title="Hide the list" aria-label="Hide the list" onClick={() => setOpen(false)}>
            ×
          </button>
        </span>
      )}
    </span>
  );
}
