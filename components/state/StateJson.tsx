import type { Signal } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import { isContainer, JsonSearch, leafText, type JsonEntry } from '../../lib/stateview/json-search';
import { useShown } from './useShown';
import { JsonToggle } from '../timeline/JsonToggle';

const size = (v: object): string => {
  const n = Array.isArray(v) ? v.length : Object.keys(v).length;
  return Array.isArray(v) ? `[${n} item${n === 1 ? '' : 's'}]` : `{${n} key${n === 1 ? '' : 's'}}`;
};

const leafClass = (v: unknown): string => (v === null ? 'jt-null' : `jt-${typeof v}`);

interface NodeProps {
  entry: JsonEntry;
  search: JsonSearch;
  depth: number;
  /** Below a key that matched: every entry is shown. */
  all: boolean;
}

function JsonNode({ entry, search, depth, all }: NodeProps) {
  const { key, value, keyHit } = entry;
  const container = isContainer(value);
  // While searching, open exactly the branches that lead to a match.
  const [open, setOpen] = useState(() => (search.active ? container && search.contains(value) : depth < 2));
  const below = all || keyHit;
  const { shown, more } = useShown(container && open ? search.entries(value, below) : []);
  const leafHit = !container && search.hits(typeof value === 'string' ? value : String(value));
  return (
    <div class="jt-node">
      <div class="jt-line">
        <JsonToggle container={container} open={open} onToggle={() => setOpen(!open)} />
        <span class={`jt-key${keyHit ? ' sv-hit' : ''}`}>{key}:</span>
        {container ? <span class="jt-meta">{size(value)}</span> : <span class={`${leafClass(value)}${leafHit ? ' sv-hit' : ''}`}>{leafText(value)}</span>}
      </div>
      {shown.length > 0 && (
        <div class="jt-children">
          {shown.map((c) => (
            <JsonNode key={c.key} entry={c} search={search} depth={depth + 1} all={below} />
          ))}
          {more}
        </div>
      )}
    </div>
  );
}

/** The raw state as a collapsible tree, filtered by a text that keys or values contain. Text only. */
export function StateJson({ value, label, search }: { value: unknown; label: string; search: Signal<string> }) {
  const query = search.value;
  const s = useMemo(() => new JsonSearch(query), [query]);
  const none = s.active && !s.contains(value);
  return (
    <section class="sv-json">
      <input
        type="search"
        class="sv-search"
        data-testid="state-search"
        placeholder="Filter keys and values"
        aria-label="Filter the state by text"
        value={query}
        onInput={(e) => (search.value = e.currentTarget.value)}
      />
      {none ? (
        <p class="muted">Nothing in the state contains “{query.trim()}”.</p>
      ) : (
        <div class="json-tree" data-testid="state-json">
          {/* Keyed by the query so each search opens the branches it found afresh. */}
          <JsonNode key={query} entry={{ key: label, value, keyHit: false }} search={s} depth={0} all={false} />
        </div>
      )}
    </section>
  );
}
