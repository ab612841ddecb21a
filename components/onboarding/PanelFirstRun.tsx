import { useSignal } from '@preact/signals';
import { useContext, useEffect } from 'preact/hooks';
import { PanelContext } from '../panel/context';
import { FirstRun, siteCaptureActions } from './FirstRun';

/** The panel's empty state: shown while no endpoint (or recording) is configured. */
export function PanelFirstRun() {
  const ctx = useContext(PanelContext);
  const busy = useSignal(false);
  const endpoints = ctx.endpoints.value;
  const problems = ctx.problems.value.length;
  // The demo arrived, or the background said why not: either way the request is over.
  useEffect(() => void (busy.value = false), [endpoints, problems]);
  if (endpoints.length > 0) return null;
  return (
    <div class="panel-first-run">
      <FirstRun
        busy={busy.value}
        actions={{
          add: () => void window.open('/options.html#new', '_blank'),
          ...siteCaptureActions(ctx.capture),
          loadDemo: () => {
            busy.value = true;
            ctx.link.send({ type: 'demo', action: 'load' });
          },
        }}
      />
    </div>
  );
}
