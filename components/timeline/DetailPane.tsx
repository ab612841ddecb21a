import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { eventKey, type StreamEvent } from '../../lib/model/event';
import type { TypedEvent } from '../../lib/model/typed';
import { base64Bytes, hexDump } from '../../lib/format/event-text';
import { formatBytes, formatClock } from '../../lib/format/units';
import { entityNeighbours, findEventIndex } from '../../lib/panel/lookup';
import { familyLabel, type EventTyping } from '../../lib/protocols/typing';
import { CopyButton } from './CopyButton';
import { JsonTree } from './JsonTree';
import { TypeBadge } from './TypeBadge';

interface Props {
  ev: StreamEvent;
  typing: EventTyping;
  /** The whole history, for the same-entity neighbours. */
  events: readonly StreamEvent[];
  nameOf(endpointId: string): string;
  pinned: boolean;
  togglePin(ev: StreamEvent): void;
  select(key: string | undefined): void;
}

function Meta({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Neighbour({ ev, typed, select }: { ev: StreamEvent; typed: TypedEvent; select(key: string): void }) {
  return (
    <li>
      <button class="tl-neighbour" data-testid="detail-neighbour" onClick={() => select(eventKey(ev))}>
        <span class="tl-time">{formatClock(ev.time)}</span> <TypeBadge typed={typed} /> <span>{typed.summary}</span>
      </button>
    </li>
  );
}

/** Everything about the selected event. Data is shown as text only. */
export function DetailPane({ ev, typing, events, nameOf, pinned, togglePin, select }: Props) {
  const key = eventKey(ev);
  const typed = typing.typed(ev);
  const binary = ev.opcode === 2;
  const bytes = useMemo(() => (binary ? base64Bytes(ev.data) : undefined), [binary, ev.data]);
  const near = useMemo(
    () => entityNeighbours(events, findEventIndex(events, key), (e) => typing.typed(e)),
    // Newer events may add neighbours after this one.
    [events, events.length, key, typing, typing.revision],
  );
  const entities = typed.entities;
  return (
    <aside class="tl-detail" data-testid="event-detail" aria-label="Event detail">
      <header class="tl-detail-head">
        <TypeBadge typed={typed} />
        <span class="tl-detail-title">
          {nameOf(ev.endpointId)} #{ev.seq}
        </span>
        <button class={`tl-pin${pinned ? ' on' : ''}`} aria-pressed={pinned} title={pinned ? 'Unpin' : 'Pin'} onClick={() => togglePin(ev)}>
          {pinned ? '★' : '☆'}
        </button>
        <button class="tl-close" title="Close (Esc)" aria-label="Close" onClick={() => select(undefined)}>
          ×
        </button>
      </header>
      <dl class="tl-meta">
        <Meta label="Time">
          {formatClock(ev.time)} <span class="muted">{new Date(ev.time).toISOString()}</span>
        </Meta>
        <Meta label="Direction">
          {ev.dir} · {ev.transport === 'sse' ? 'SSE' : 'WebSocket'}
        </Meta>
        <Meta label="Profile">{familyLabel(typing.family(ev.endpointId))}</Meta>
        <Meta label="Category">
          {typed.category}
          {typed.known ? '' : ' · unknown type'}
        </Meta>
        {ev.transport === 'sse' && ev.dir !== 'sys' && (
          <>
            <Meta label="SSE event">{ev.name ?? 'message'}</Meta>
            {ev.id !== undefined && <Meta label="SSE id">{ev.id}</Meta>}
            {ev.retry !== undefined && <Meta label="SSE retry">{ev.retry} ms</Meta>}
          </>
        )}
        {ev.opcode !== undefined && <Meta label="Opcode">{ev.opcode === 2 ? '2 (binary)' : '1 (text)'}</Meta>}
        <Meta label="Size">
          {formatBytes(ev.size)} ({ev.size.toLocaleString()} bytes)
        </Meta>
        <Meta label="Summary">{typed.summary}</Meta>
        {entities.length > 0 && (
          <Meta label="Entities">
            {entities.map((e) => (
              <span key={`${e.kind}:${e.id}`} class="tl-entity">
                {e.kind} {e.id}
              </span>
            ))}
          </Meta>
        )}
      </dl>
      {typed.issues.length > 0 && (
        <section class="tl-issues">
          <h4>Validation issues</h4>
          <ul data-testid="detail-issues">
            {typed.issues.map((i, n) => (
              <li key={n}>
                <code>{i.path === '' ? '(root)' : i.path}</code> {i.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {typed.payload !== undefined && (
        <details open class="tl-section">
          <summary>Parsed</summary>
          <JsonTree key={key} value={typed.payload} />
        </details>
      )}
      {bytes && (
        <details open class="tl-section">
          <summary>Hex</summary>
          <pre class="tl-pre">{hexDump(bytes)}</pre>
        </details>
      )}
      <details open class="tl-section">
        <summary>{binary ? 'Base64' : 'Raw'}</summary>
        <CopyButton label="copy" title="Copy the raw data" text={() => ev.data} />
        <pre class="tl-pre" data-testid="detail-raw">
          {ev.data}
        </pre>
      </details>
      {near.before.length + near.after.length > 0 && (
        <section class="tl-section">
          <h4>Same entity</h4>
          <ol class="tl-neighbours">
            {near.before.map((e) => (
              <Neighbour key={eventKey(e)} ev={e} typed={typing.typed(e)} select={select} />
            ))}
            <li class="tl-neighbour-self">
              <span class="tl-time">{formatClock(ev.time)}</span> this event
            </li>
            {near.after.map((e) => (
              <Neighbour key={eventKey(e)} ev={e} typed={typing.typed(e)} select={select} />
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}
