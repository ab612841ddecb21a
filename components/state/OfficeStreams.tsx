import { Fragment, type ComponentChildren } from 'preact';
import type { Traced } from '../../lib/state/trace';
import { own, type Dict } from '../../lib/state/immutable';
import type { Hook, HookRun, Job, JobRun, OfficePlaneState, Team, ToolCall } from '../../lib/state/officeplane';
import { clip, duration, preview } from '../../lib/protocols/format';
import { Chip } from './Chip';
import { EventLinks } from './EventLinks';
import { Fields } from './Fields';
import { touchedClass, useTouched } from './view-context';

/** Stream events after the first carry no id; a stream joined after its start collects under ''. */
const streamName = (id: string): string => (id === '' ? '(joined after its start)' : id);

function Document({ s, id }: { s: OfficePlaneState; id: string | undefined }) {
  if (id === undefined) return null;
  const doc = own(s.documents, id);
  return (
    <span data-testid="run-document" data-document-id={id}>
      {doc?.name ?? id}
      {doc?.name !== undefined && <span class="muted"> ({id})</span>}
    </span>
  );
}

function ToolCalls({ calls }: { calls: readonly ToolCall[] }) {
  if (calls.length === 0) return null;
  return (
    <ol class="sv-tools" data-testid="job-tools">
      {calls.map((c) => (
        <li key={c.seq}>
          <strong>{c.tool ?? '(result without a call)'}</strong>
          {c.args !== undefined && <span class="sv-code"> {preview(c.args, 120)}</span>}
          <div class="sv-tool-result">
            {c.resultSeq === undefined ? <span class="muted">waiting for the result…</span> : <span class="sv-code">→ {preview(c.output, 160)}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Runs before the current one, newest first, folded away. */
function EarlierRuns<R>({ runs, render }: { runs: readonly R[]; render(run: R): ComponentChildren }) {
  if (runs.length === 0) return null;
  return (
    <details class="sv-earlier">
      <summary class="muted">Earlier runs ({runs.length})</summary>
      <ol class="sv-list">
        {[...runs].reverse().map((run, i) => (
          <li key={i}>{render(run)}</li>
        ))}
      </ol>
    </details>
  );
}

type StreamKind = 'job' | 'team' | 'hook';

interface CardProps {
  kind: StreamKind;
  entity: Traced & { id: string; status: string };
  active: boolean;
  children: ComponentChildren;
}

/** One job, team or hook run: name, status, whether it is the one the stream reports on now. */
function StreamCard({ kind, entity, active, children }: CardProps) {
  const touched = useTouched();
  return (
    <section class={`sv-stream${touchedClass(touched, kind, entity.id)}`} data-testid={`office-${kind}`} data-entity-id={entity.id}>
      <header class="sv-row">
        <strong>
          {kind} {streamName(entity.id)}
        </strong>
        <Chip status={entity.status} />
        {active && <span class="sv-tag">current</span>}
        <EventLinks trace={entity.trace} />
      </header>
      {children}
    </section>
  );
}

/** A titled list of one stream's runs, the current one first. */
function StreamList<T>({ title, runs, active, render }: { title: string; runs: Dict<T>; active: string | undefined; render(run: T, active: boolean): ComponentChildren }) {
  const all = Object.entries(runs);
  if (all.length === 0) return null;
  const ordered = [...all.filter(([k]) => k === active), ...all.filter(([k]) => k !== active)];
  return (
    <section class="sv-section">
      <h4 class="sv-h">{title}</h4>
      {ordered.map(([id, run]) => (
        <Fragment key={id}>{render(run, id === active)}</Fragment>
      ))}
    </section>
  );
}

function JobRunLine({ s, run }: { s: OfficePlaneState; run: JobRun }) {
  return (
    <div class="sv-row">
      <Chip status={run.status} />
      {run.durationMs !== undefined && <span class="muted">{duration(run.durationMs)}</span>}
      <Document s={s} id={run.documentId} />
      <span class="muted">{clip(run.text, 80)}</span>
    </div>
  );
}

const job = (s: OfficePlaneState) => (j: Job, active: boolean) => (
  <StreamCard kind="job" entity={j} active={active}>
    <Fields
      rows={[
        ['Duration', j.durationMs === undefined ? undefined : duration(j.durationMs)],
        ['Document', j.documentId !== undefined && <Document s={s} id={j.documentId} />],
      ]}
    />
    <pre class="sv-text-block" data-testid="job-text">
      {j.text}
    </pre>
    <ToolCalls calls={j.toolCalls} />
    <EarlierRuns runs={j.previousRuns} render={(r: JobRun) => <JobRunLine s={s} run={r} />} />
  </StreamCard>
);

function TeamProgress({ team }: { team: Team }) {
  const mates = Object.values(team.teammates);
  const done = mates.reduce((n, m) => n + m.completed.length, 0);
  const claimed = mates.reduce((n, m) => n + m.claimed.length, 0);
  const pct = done + claimed === 0 ? 0 : Math.round((done / (done + claimed)) * 100);
  return (
    <>
      <div class="sv-row">
        <span class="sv-progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
          <span style={{ width: `${pct}%` }} />
        </span>
        <span class="muted">
          {done} done, {claimed} in progress{team.numTeammates !== undefined && ` · ${team.numTeammates} teammates`}
        </span>
      </div>
      <ul class="sv-list">
        {mates.map((m) => (
          <li key={m.name} data-testid="teammate">
            <strong>{m.name}</strong>
            {m.claimed.map((t, i) => (
              <span key={`c${i}`} class="sv-task">
                {t}
              </span>
            ))}
            {m.completed.map((t, i) => (
              <span key={`d${i}`} class="sv-task sv-done">
                ✓ {t.task ?? '?'}
                {t.durationMs !== undefined && <span class="muted"> {duration(t.durationMs)}</span>}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

const team = (s: OfficePlaneState) => (t: Team, active: boolean) => (
  <StreamCard kind="team" entity={t} active={active}>
    <TeamProgress team={t} />
    <Fields rows={[['Document', t.documentId !== undefined && <Document s={s} id={t.documentId} />]]} />
  </StreamCard>
);

function Findings({ findings }: { findings: readonly string[] }) {
  if (findings.length === 0) return null;
  return (
    <ul class="sv-findings" data-testid="hook-findings">
      {findings.map((f, i) => (
        <li key={i}>{f}</li>
      ))}
    </ul>
  );
}

function HookRunLine({ s, run }: { s: OfficePlaneState; run: HookRun }) {
  return (
    <>
      <div class="sv-row">
        <Chip status={run.status} />
        {run.action !== undefined && <Chip status={run.action} />}
        <Document s={s} id={run.documentId} />
      </div>
      <Findings findings={run.findings} />
    </>
  );
}

const hook = (s: OfficePlaneState) => (h: Hook, active: boolean) => (
  <StreamCard kind="hook" entity={h} active={active}>
    <Fields
      rows={[
        ['Document', h.documentId !== undefined && <Document s={s} id={h.documentId} />],
        ['Action', h.action !== undefined && <Chip status={h.action} />],
      ]}
    />
    <Findings findings={h.findings} />
    {h.text !== '' && <pre class="sv-text-block">{h.text}</pre>}
    <EarlierRuns runs={h.previousRuns} render={(r: HookRun) => <HookRunLine s={s} run={r} />} />
  </StreamCard>
);

/** Generation jobs (assembled text, tool calls), team runs (progress) and hook runs (findings). */
export function OfficeStreams({ s }: { s: OfficePlaneState }) {
  return (
    <>
      <StreamList title="Generation jobs" runs={s.jobs} active={s.activeJob} render={job(s)} />
      <StreamList title="Teams" runs={s.teams} active={s.activeTeam} render={team(s)} />
      <StreamList title="Hooks" runs={s.hooks} active={s.activeHook} render={hook(s)} />
    </>
  );
}
