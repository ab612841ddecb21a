import type { AgentAttempt } from '../../lib/state/kanban';
import { formatClock } from '../../lib/format/units';
import { Chip } from './Chip';
import { EventLinks } from './EventLinks';
import { Fields } from './Fields';
import { touchedClass, useTouched } from './view-context';

/** Newest lines shown; the rest stay in the raw state. */
const LOG_LINES = 100;
const TURNS = 40;

const gitText = (a: AgentAttempt): string | undefined => {
  const g = a.gitStatus;
  if (!g) return undefined;
  const parts = [g.branch, g.ahead ? `↑${g.ahead}` : '', g.behind ? `↓${g.behind}` : '', g.dirty ? 'uncommitted changes' : g.dirty === false ? 'clean' : ''];
  return parts.filter(Boolean).join(' · ');
};

/** Everything recorded about one attempt: status, session, git, PR, todos, logs, conversation. */
export function AttemptDetail({ a }: { a: AgentAttempt }) {
  const logs = a.logs.slice(-LOG_LINES);
  const turns = a.conversation.slice(-TURNS);
  const touched = useTouched();
  return (
    <section class={`sv-attempt${touchedClass(touched, 'attempt', a.id)}`} data-testid="attempt" data-attempt-id={a.id}>
      <header class="sv-row">
        <strong>Attempt {a.id}</strong>
        <Chip status={a.status} />
        {a.agent !== undefined && <span class="muted">by {a.agent}</span>}
        {a.startedAt !== undefined && <span class="muted">started {formatClock(a.startedAt)}</span>}
        <EventLinks trace={a.trace} />
      </header>
      <Fields
        rows={[
          ['Session', a.session && `${a.session.sessionId}${a.session.worktree ? ` in ${a.session.worktree}` : ''}`],
          ['Git', gitText(a)],
          ['Last push', a.lastPush && `${a.lastPush.branch}${a.lastPush.remote ? ` → ${a.lastPush.remote}` : ''}`],
          [
            'Pull request',
            a.pr && (
              <span data-testid="attempt-pr">
                {a.pr.number !== undefined && `#${a.pr.number} `}
                {a.pr.title !== undefined && `${a.pr.title} `}
                <span class="sv-url">{a.pr.url}</span>
              </span>
            ),
          ],
        ]}
      />
      {a.todos.length > 0 && (
        <ul class="sv-todos" data-testid="attempt-todos">
          {a.todos.map((t, i) => (
            <li key={i} class={t.done ? 'sv-done' : ''}>
              {t.done ? '☑' : '☐'} {t.text}
            </li>
          ))}
        </ul>
      )}
      {a.commits.length > 0 && (
        <ul class="sv-commits">
          {a.commits.map((c) => (
            <li key={c.sha}>
              <code>{c.sha.slice(0, 8)}</code> {c.message}
            </li>
          ))}
        </ul>
      )}
      {logs.length > 0 && (
        <>
          <h5 class="sv-h">Log{a.logs.length > logs.length && <span class="muted"> (newest {logs.length} of {a.logs.length})</span>}</h5>
          <ol class="sv-log" data-testid="attempt-logs">
            {logs.map((l) => (
              <li key={l.seq} data-level={l.level}>
                {l.level !== undefined && <span class="sv-level">{l.level}</span>}
                {l.line}
              </li>
            ))}
          </ol>
        </>
      )}
      {turns.length > 0 && (
        <>
          <h5 class="sv-h">Conversation</h5>
          <ol class="sv-conversation">
            {turns.map((c) => (
              <li key={c.seq}>
                <span class="sv-role">{c.role ?? '?'}</span> <span class="sv-text">{c.text}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
