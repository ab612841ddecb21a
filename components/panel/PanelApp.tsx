import { useSignal } from '@preact/signals';
import { useContext } from 'preact/hooks';
import { CaptureBar } from '../capture/CaptureBar';
import { DiagnosticsView } from '../diagnostics/DiagnosticsView';
import { ExchangeView } from '../exchange/ExchangeView';
import { PanelFirstRun } from '../onboarding/PanelFirstRun';
import { StateView } from '../state/StateView';
import { TimelineView } from '../timeline/TimelineView';
import { PanelContext } from './context';

const TABS = [
  ['timeline', 'Timeline'],
  ['state', 'State'],
  ['diagnostics', 'Connections'],
  ['exchange', 'Replay & files'],
] as const;
type Tab = (typeof TABS)[number][0];

/** The panel shell: tabs over one shared context. Also hosted by the history page. */
export function PanelApp() {
  const ctx = useContext(PanelContext);
  const tab = useSignal<Tab>('timeline');
  const problems = ctx.problems.value;
  return (
    <div class="panel">
      <nav class="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab.value === id} data-testid={`tab-${id}`} onClick={() => (tab.value = id)}>
            {label}
          </button>
        ))}
        {ctx.history.online ? null : <span class="offline" data-testid="offline">offline</span>}
      </nav>
      {ctx.capture && <CaptureBar capture={ctx.capture} endpoints={ctx.allEndpoints ?? ctx.endpoints} />}
      {problems.length > 0 && (
        <div class="problems" role="alert" data-testid="problems">
          {problems.slice(-3).map((p, i) => (
            <div key={i}>{p}</div>
          ))}
          <button onClick={() => (ctx.problems.value = [])}>Dismiss</button>
        </div>
      )}
      <PanelFirstRun />
      <main class="tab-body">
        {tab.value === 'timeline' && <TimelineView />}
        {tab.value === 'state' && <StateView />}
        {tab.value === 'diagnostics' && <DiagnosticsView />}
        {tab.value === 'exchange' && <ExchangeView />}
      </main>
    </div>
  );
}
