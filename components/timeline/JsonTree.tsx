import { useState } from 'preact/hooks';
import { formatPath, type PathSegment } from '../../lib/query/path';
import { CopyButton } from './CopyButton';
import { JsonToggle } from './JsonToggle';

/** Children shown per "show more" step, so a huge array does not flood the DOM. */
const STEP = 200;

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === 'object';

function preview(v: unknown): { text: string; cls: string } {
  if (Array.isArray(v)) return { text: `[${v.length} item${v.length === 1 ? '' : 's'}]`, cls: 'jt-meta' };
  if (isContainer(v)) {
    const n = Object.keys(v).length;
    return { text: `{${n} key${n === 1 ? '' : 's'}}`, cls: 'jt-meta' };
  }
  if (v === null) return { text: 'null', cls: 'jt-null' };
  if (typeof v === 'string') return { text: JSON.stringify(v), cls: 'jt-string' };
  return { text: String(v), cls: `jt-${typeof v}` };
}

/** Strings copy as their text; everything else as JSON. */
const copyValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

function JsonNode({ name, value, path, depth }: { name?: PathSegment; value: unknown; path: PathSegment[]; depth: number }) {
  const container = isContainer(value);
  const [open, setOpen] = useState(depth < 2);
  const [limit, setLimit] = useState(STEP);
  const p = preview(value);
  const entries: [PathSegment, unknown][] = container && open ? (Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)) : [];
  return (
    <div class="jt-node">
      <div class="jt-line">
        <JsonToggle container={container} open={open} onToggle={() => setOpen(!open)} />
        {name !== undefined && <span class="jt-key">{name}:</span>}
        <span class={p.cls}>{p.text}</span>
        <span class="jt-actions">
          <CopyButton label="copy value" title="Copy this value" text={() => copyValue(value)} />
          {path.length > 0 && <CopyButton label="copy path" title="Copy the path (usable in the field query)" text={() => formatPath(path)} />}
        </span>
      </div>
      {entries.length > 0 && (
        <div class="jt-children">
          {entries.slice(0, limit).map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} path={[...path, k]} depth={depth + 1} />
          ))}
          {entries.length > limit && (
            <button class="jt-more" onClick={() => setLimit(limit + STEP)}>
              Show more ({(entries.length - limit).toLocaleString()} left)
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Collapsible view of parsed JSON. Values are rendered as text. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <div class="json-tree">
      <JsonNode value={value} path={[]} depth={0} />
    </div>
  );
}
