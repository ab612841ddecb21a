import { useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { acceptPath, completionSpot, suggestPaths, type CompletionSpot, type KnownPath } from '../../lib/query/completion';
import { FIELD_QUERY_EXAMPLES, FIELD_QUERY_HELP } from '../../lib/query/field-query';
import './field-query.css';

interface Props {
  value: string;
  error?: string;
  onChange(value: string): void;
  /** The field paths of the view's events, for completion; asked for when the box is focused. */
  paths?: () => readonly KnownPath[];
}

interface Open {
  spot: CompletionSpot;
  items: string[];
  active: number;
}

const LIST_ID = 'fq-paths';
const optionId = (i: number) => `fq-path-${i}`;

/**
 * The field query box, wide enough for its hint, with a help popover whose examples fill it in
 * and completion of the paths really present in the view's events (↑/↓, Enter or Tab, Esc).
 */
export function FieldQueryInput({ value, error, onChange, paths }: Props) {
  const help = useSignal(false);
  const open = useSignal<Open | undefined>(undefined);
  const known = useRef<readonly KnownPath[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | undefined>(undefined);

  // After accepting a path, the caret goes just after it once the new value is in the box.
  useLayoutEffect(() => {
    const at = caret.current;
    if (at === undefined || !input.current || input.current.value !== value) return;
    caret.current = undefined;
    input.current.setSelectionRange(at, at);
  });

  const learn = () => void (known.current = paths?.() ?? []);
  /** Offers paths for the word at the caret; `always` also for an empty word (↓ on a closed list). */
  const suggest = (text: string, cursor: number, always: boolean) => {
    const spot = completionSpot(text, cursor);
    if (!spot || (spot.prefix === '' && !always)) return void (open.value = undefined);
    if (known.current.length === 0) learn();
    const items = suggestPaths(known.current, spot.prefix);
    open.value = items.length > 0 ? { spot, items, active: 0 } : undefined;
  };
  const accept = (path: string) => {
    const o = open.value;
    if (!o) return;
    // The caret may have moved since the list opened: complete the word it is on now.
    const at = input.current?.selectionStart;
    const spot = (at != null && completionSpot(value, at)) || o.spot;
    const next = acceptPath(value, spot, path);
    caret.current = next.cursor;
    open.value = undefined;
    onChange(next.text);
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    const o = open.value;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!o) return suggest(e.currentTarget.value, e.currentTarget.selectionStart ?? value.length, true);
      const n = o.items.length;
      open.value = { ...o, active: (o.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n };
    } else if ((e.key === 'Enter' || e.key === 'Tab') && o) {
      e.preventDefault();
      accept(o.items[o.active]!);
    } else if (e.key === 'Escape' && o) {
      // Closes the list only: the timeline's Esc (clear the search, the selection) waits for the next one.
      e.stopPropagation();
      open.value = undefined;
    } else if (e.key === 'Escape' && help.value) help.value = false;
  };

  const o = open.value;
  return (
    <span class="fq">
      <input
        ref={input}
        class={`fq-input${error ? ' bad' : ''}`}
        placeholder="Fields: n>15 and status in (failed, stopped)"
        title={FIELD_QUERY_HELP}
        spellcheck={false}
        autocomplete="off"
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={o !== undefined}
        aria-controls={LIST_ID}
        aria-activedescendant={o ? optionId(o.active) : undefined}
        aria-invalid={error !== undefined}
        aria-label="Field query"
        data-testid="filter-field"
        onFocus={learn}
        onBlur={() => (open.value = undefined)}
        onInput={(e) => {
          onChange(e.currentTarget.value);
          suggest(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length, false);
        }}
        onKeyDown={onKeyDown}
      />
      {o && (
        <ul id={LIST_ID} class="fq-paths" role="listbox" aria-label="Field paths in the view" data-testid="field-paths">
          {o.items.map((path, i) => (
            <li
              key={path}
              id={optionId(i)}
              role="option"
              aria-selected={i === o.active}
              class={i === o.active ? 'active' : undefined}
              data-testid="field-path"
              // Keeps the focus in the box, so the click is not lost to its blur.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => accept(path)}
            >
              {path}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="fq-toggle" aria-expanded={help.value} title="Field query syntax and examples" data-testid="field-help-toggle" onClick={() => (help.value = !help.value)}>
        ?
      </button>
      {help.value && (
        <div class="fq-help" role="dialog" aria-label="Field query help" data-testid="field-help">
          <p>Conditions on the event's JSON data. Click an example to use it.</p>
          <table>
            <tbody>
              {FIELD_QUERY_EXAMPLES.map((ex) => (
                <tr key={ex.query}>
                  <td>
                    <button
                      type="button"
                      class="fq-example"
                      onClick={() => {
                        onChange(ex.query);
                        help.value = false;
                      }}
                    >
                      {ex.query}
                    </button>
                  </td>
                  <td>{ex.means}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Paths work with or without the envelope (<code>payload</code>, <code>data</code>, <code>properties</code>): <code>payload.status</code> and{' '}
            <code>status</code> reach the same field. Typing a path offers the ones the view's events have (↑/↓, Enter or Tab, Esc). Tip: "Copy path" in the
            detail pane.
          </p>
        </div>
      )}
    </span>
  );
}
