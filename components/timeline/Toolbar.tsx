import type { Ref } from 'preact';
import type { Direction } from '../../lib/model/event';
import { CATEGORIES, type Category } from '../../lib/model/typed';
import { EMPTY_FILTER, type TimelineFilter } from '../../lib/timeline/filter';
import type { KnownPath } from '../../lib/query/completion';
import { FieldQueryInput } from '../query/FieldQueryInput';
import { MultiSelect, type Option } from './MultiSelect';
import type { TimelineSession } from './session';
import type { SearchProgress } from '../../lib/timeline/search-client';

interface Props {
  session: TimelineSession;
  endpoints: Option[];
  types: Option[];
  errors: { text?: string; field?: string };
  shown: number;
  total: number;
  filtered: boolean;
  progress: SearchProgress;
  waiting: number;
  jumpToTime(time: number): void;
  searchRef: Ref<HTMLInputElement>;
  /** The field paths of the view's events, for the field query's completion. */
  fieldPaths(): readonly KnownPath[];
}

const CATEGORY_OPTIONS: Option<Category>[] = CATEGORIES.map((c) => ({ value: c, label: c }));
const DIR_OPTIONS: Option<Direction>[] = [
  { value: 'in', label: 'in (received)' },
  { value: 'out', label: 'out (sent)' },
  { value: 'sys', label: 'sys (connection)' },
];

const TEXT_HELP = 'Search the raw data, type and summary, ignoring case. Press / to focus, Esc to clear.';

const short = (n: number): string => (n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(1)}M` : n >= 10_000 ? `${Math.round(n / 1000)}k` : n.toLocaleString());

/** `1,000,000 events`; while a search runs `searched 420k of 1M, 37 matches`; then `37 of 1,000,000`. */
export function countText(shown: number, total: number, filtered: boolean, p: SearchProgress): string {
  if (!filtered) return `${total.toLocaleString()} events`;
  if (p.running) return `searched ${short(p.searched)} of ${short(p.total)}, ${shown.toLocaleString()} ${shown === 1 ? 'match' : 'matches'}`;
  return `${shown.toLocaleString()} of ${total.toLocaleString()}${p.searched < p.total ? ` (stopped at ${short(p.searched)} of ${short(p.total)})` : ''}`;
}

export function Toolbar({ session: s, endpoints, types, errors, shown, total, filtered: isFiltered, progress, waiting, jumpToTime, searchRef, fieldPaths }: Props) {
  const f = s.filter.value;
  const set = (patch: Partial<TimelineFilter>) => (s.filter.value = { ...s.filter.value, ...patch });
  const filtered = JSON.stringify(f) !== JSON.stringify(EMPTY_FILTER);
  return (
    <div class="tl-toolbar">
      <div class="tl-search">
        <input
          ref={searchRef}
          type="search"
          placeholder={f.regex ? 'Regex over the data (/)' : 'Search the data (/)'}
          title={TEXT_HELP}
          value={f.text}
          class={errors.text ? 'bad' : ''}
          aria-invalid={errors.text !== undefined}
          data-testid="filter-text"
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
        <label class="tl-toggle" title="Treat the search as a regular expression">
          <input type="checkbox" checked={f.regex} data-testid="filter-regex" onChange={(e) => set({ regex: e.currentTarget.checked })} />
          .*
        </label>
      </div>
      <FieldQueryInput value={f.field} error={errors.field} onChange={(field) => set({ field })} paths={fieldPaths} />
      <MultiSelect label="Endpoints" testId="filter-endpoints" attr="endpoint-id" options={endpoints} selected={f.endpoints} onChange={(v) => set({ endpoints: v })} />
      <MultiSelect label="Types" testId="filter-types" attr="type" options={types} selected={f.types} onChange={(v) => set({ types: v })} />
      <MultiSelect
        label="Categories"
        testId="filter-categories"
        attr="category"
        options={CATEGORY_OPTIONS}
        selected={f.categories}
        onChange={(v) => set({ categories: v })}
      />
      <MultiSelect label="Direction" testId="filter-dirs" attr="dir" options={DIR_OPTIONS} selected={f.dirs} onChange={(v) => set({ dirs: v })} />
      <label class="tl-toggle">
        <input type="checkbox" checked={f.invalidOnly} data-testid="filter-invalid" onChange={(e) => set({ invalidOnly: e.currentTarget.checked })} />
        Invalid only
      </label>
      <label class="tl-toggle">
        <input type="checkbox" checked={f.pinnedOnly} data-testid="filter-pinned" onChange={(e) => set({ pinnedOnly: e.currentTarget.checked })} />
        Pinned only
      </label>
      {filtered && (
        <button data-testid="filter-reset" onClick={() => (s.filter.value = EMPTY_FILTER)}>
          Reset filters
        </button>
      )}
      <span class="tl-spacer" />
      <button
        data-testid="timeline-pause"
        aria-pressed={s.paused.value}
        title="Freeze the list; events keep being recorded"
        onClick={() => (s.paused.value = !s.paused.value)}
      >
        {s.paused.value ? `Resume${waiting > 0 ? ` (${waiting.toLocaleString()} waiting)` : ''}` : 'Pause'}
      </button>
      {s.after.value === undefined ? (
        <button data-testid="timeline-clear" title="Hide everything up to now (nothing is deleted)" onClick={() => (s.after.value = Date.now())}>
          Clear view
        </button>
      ) : (
        <button data-testid="timeline-unclear" onClick={() => (s.after.value = undefined)}>
          Show cleared
        </button>
      )}
      <input
        type="datetime-local"
        step="1"
        class="tl-jump"
        title="Jump to a time"
        aria-label="Jump to a time"
        data-testid="jump-time"
        onChange={(e) => {
          const t = e.currentTarget.valueAsNumber;
          // datetime-local gives the wall-clock time as if it were UTC: shift it to local time.
          if (Number.isFinite(t)) jumpToTime(t + new Date(t).getTimezoneOffset() * 60_000);
        }}
      />
      {s.model.thinned && (
        <span class="tl-thinned" data-testid="timeline-thinned" title="Events arrive faster than the list can usefully redraw; everything is still recorded">
          thinned: drawing {s.model.drawsPerSecond}×/s at {Math.round(s.model.liveRate).toLocaleString()} events/s
        </span>
      )}
      <span class="tl-count" data-testid="timeline-count">
        {countText(shown, total, isFiltered, progress)}
      </span>
      {progress.running && (
        <button data-testid="search-cancel" title="Stop searching the stored history" onClick={() => s.model.search.cancel()}>
          Stop
        </button>
      )}
      {progress.error && <span class="tl-errors" role="alert">Search failed: {progress.error}</span>}
      {(errors.text || errors.field) && (
        <div class="tl-errors" role="alert">
          {errors.text && <span data-testid="filter-text-error">Search: {errors.text}</span>}
          {errors.field && <span data-testid="filter-field-error">Field query: {errors.field}</span>}
        </div>
      )}
    </div>
  );
}
