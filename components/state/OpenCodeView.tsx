import { useState } from 'preact/hooks';
import { own } from '../../lib/state/immutable';
import { sessionMessages, sessionTree, type OpenCodeMessage, type OpenCodeState, type SessionNode } from '../../lib/state/opencode';
import { refKey } from '../../lib/stateview/entities';
import { formatClock } from '../../lib/format/units';
import { Chip } from './Chip';
import { EventLinks } from './EventLinks';
import { useShown } from './useShown';
import { touchedClass, useTouched } from './view-context';

/** Newest messages shown for a session. */
const MESSAGES = 50;

interface TreeProps {
  nodes: readonly SessionNode[];
  parentId: string;
  s: OpenCodeState;
  picked: string | undefined;
  pick(id: string): void;
  touched: ReadonlySet<string>;
}

function SessionTree({ nodes, parentId, s, picked, pick, touched }: TreeProps) {
  return (
    <ul class="sv-tree">
      {nodes.map(({ session, children }) => (
        <li key={session.id}>
          <div
            class={`sv-session sv-row${picked === session.id ? ' sv-open' : ''}${touchedClass(touched, 'session', session.id)}`}
            data-testid="session"
            data-session-id={session.id}
            data-parent-id={parentId}
          >
            <button class="sv-session-title" onClick={() => pick(session.id)}>
              {session.title || session.id}
            </button>
            {session.agent !== undefined && <span class="muted">{session.agent}</span>}
            {session.model !== undefined && <span class="muted">{session.model}</span>}
            <span class="muted">{own(s.messages, session.id)?.order.length ?? 0} msgs</span>
            <EventLinks trace={session.trace} />
          </div>
          {children.length > 0 && <SessionTree nodes={children} parentId={session.id} s={s} picked={picked} pick={pick} touched={touched} />}
        </li>
      ))}
    </ul>
  );
}

function Message({ m, touched }: { m: OpenCodeMessage; touched: ReadonlySet<string> }) {
  return (
    <article
      class={`sv-message${touchedClass(touched, 'message', m.id)}`}
      data-testid="message"
      data-message-id={m.id}
      data-role={m.role ?? ''}
      data-status={m.status ?? ''}
    >
      <header class="sv-row">
        <strong class="sv-role">{m.role ?? '?'}</strong>
        <Chip status={m.status} />
        <span class="muted">{m.id}</span>
        <EventLinks trace={m.trace} />
      </header>
      {m.parts.map((p, i) => (
        <div key={i} class="sv-part" data-part={p.type}>
          {p.type !== 'text' && <span class="sv-part-kind">{p.tool === undefined ? p.type : `${p.type}: ${p.tool}`}</span>}
          {p.text !== undefined && <span class="sv-text">{p.text}</span>}
        </div>
      ))}
    </article>
  );
}

/** Sessions as a tree (children under their parent) and the picked session's messages. */
export function OpenCodeView({ s }: { s: OpenCodeState }) {
  const [picked, setPicked] = useState<string>();
  const touched = useTouched();
  // Newest sessions first, as the app lists them.
  const tree = sessionTree(s).reverse();
  const roots = useShown(tree);
  // Until one is picked, show the session the event at the position is about, else the first.
  const touchedSession = s.sessionOrder.find((id) => touched.has(refKey('session', id)));
  const shown = picked ?? touchedSession ?? tree[0]?.session.id;
  const messages = shown === undefined ? [] : sessionMessages(s, shown);
  const session = shown === undefined ? undefined : own(s.sessions, shown);
  return (
    <div class="sv-opencode">
      {s.connectedAt !== undefined && <p class="muted">Connected at {formatClock(s.connectedAt)}</p>}
      {tree.length === 0 ? (
        <p class="muted">No sessions yet.</p>
      ) : (
        <div class="sv-split">
          <div class="sv-sessions">
            <SessionTree nodes={roots.shown} parentId="" s={s} picked={shown} pick={setPicked} touched={touched} />
            {roots.more}
          </div>
          <section class="sv-messages" data-testid="session-messages" data-session-id={shown}>
            <h4 class="sv-h">{session?.title || shown}</h4>
            {messages.length === 0 && <p class="muted">No messages.</p>}
            {messages.length > MESSAGES && <p class="muted">Newest {MESSAGES} of {messages.length} messages.</p>}
            {messages.slice(-MESSAGES).map((m) => (
              <Message key={m.id} m={m} touched={touched} />
            ))}
          </section>
        </div>
      )}
    </div>
  );
}
