import { useState } from 'preact/hooks';
import { own } from '../../lib/state/immutable';
import { planList, selectPlan, type Plan, type PlansState } from '../../lib/state/plans';
import { Chip } from './Chip';
import { EventLinks } from './EventLinks';
import { useShown } from './useShown';
import { touchedClass, useTouched } from './view-context';

function PlanDetail({ s, plan }: { s: PlansState; plan: Plan | undefined }) {
  const detail = s.detail;
  if (!detail) return null;
  return (
    <section class="sv-detail" data-testid="plan-detail" data-plan-id={detail.planId}>
      <header class="sv-row">
        <strong>{plan?.title || detail.planId}</strong>
        <Chip status={detail.state} />
        {plan && <EventLinks trace={plan.trace} />}
      </header>
      {detail.logs.length === 0 ? (
        <p class="muted">No log entries.</p>
      ) : (
        <ol class="sv-log">
          {detail.logs.map((l) => (
            <li key={l.id} data-testid="plan-log" data-log-id={l.id}>
              {l.createdAt !== undefined && <span class="muted sv-time">{l.createdAt}</span>} <span class="sv-text">{l.entry ?? ''}</span>
            </li>
          ))}
        </ol>
      )}
      {!detail.fetched && <p class="sv-note muted">Entries received on the stream; older ones are not part of it.</p>}
    </section>
  );
}

/** The plan list, newest first, and the picked plan with its log. */
export function PlansView({ s }: { s: PlansState }) {
  const [picked, setPicked] = useState<string>();
  const touched = useTouched();
  const view = picked === undefined ? s : selectPlan(s, picked);
  const plans = planList(view);
  const { shown, more } = useShown(plans);
  return (
    <div class="sv-plans">
      {plans.length === 0 ? (
        <p class="muted">No plans created yet.</p>
      ) : (
        <ul class="sv-list sv-plan-list">
          {shown.map((p) => (
            <li key={p.id} class={`sv-row${picked === p.id ? ' sv-open' : ''}${touchedClass(touched, 'plan', p.id)}`}>
              <button class="sv-plan" data-testid="plan-row" data-plan-id={p.id} data-state={p.state ?? ''} onClick={() => setPicked(p.id)}>
                <span class="sv-plan-title">{p.title || p.id}</span>
                <Chip status={p.state} />
                <span class="muted">{p.logs.length === 1 ? '1 log entry' : `${p.logs.length} log entries`}</span>
              </button>
              <EventLinks trace={p.trace} />
            </li>
          ))}
        </ul>
      )}
      {more}
      {picked !== undefined && <PlanDetail s={view} plan={own(view.plans, picked)} />}
    </div>
  );
}
