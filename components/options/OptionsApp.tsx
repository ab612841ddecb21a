import type { AlertSettingsModel } from '../../lib/options/alert-settings';
import type { OptionsModel } from '../../lib/options/options-model';
import { FirstRun } from '../onboarding/FirstRun';
import { AlertSettings } from './AlertSettings';
import { EndpointForm } from './EndpointForm';
import { EndpointList } from './EndpointList';
import { TransferBar } from './TransferBar';

/** The options page: endpoints, their form, import/export, alert settings. */
export function OptionsApp({ model, alerts }: { model: OptionsModel; alerts: AlertSettingsModel }) {
  const empty = model.entries.value.length === 0 && !model.form.value;
  const demo = model.demoCount;
  return (
    <div class="options">
      <header>
        <h1>Streamscope endpoints</h1>
        <button class="primary" data-testid="add-endpoint" onClick={() => model.add()}>
          Add endpoint
        </button>
      </header>
      {model.undo.value && (
        <div class="undo-bar" role="status">
          {model.undo.value}.{' '}
          <button class="link" data-testid="undo" onClick={() => model.undoRemove()}>
            Undo
          </button>
        </div>
      )}
      {model.notice.value && (
        <div class="notice" role="status" data-testid="notice">
          {model.notice.value}{' '}
          <button class="link" onClick={() => (model.notice.value = undefined)}>
            Dismiss
          </button>
        </div>
      )}
      {empty && <FirstRun actions={{ add: () => model.add(), loadDemo: () => void model.loadDemo() }} busy={model.demoBusy.value} />}
      {demo > 0 && (
        <div class="demo-bar" data-testid="demo-bar">
          {demo} demo endpoint{demo === 1 ? '' : 's'} (marked <span class="tag">demo</span>) read the demo server.{' '}
          <button class="link" data-testid="remove-demo" onClick={() => void model.removeDemo()}>
            Remove the demo endpoints
          </button>
        </div>
      )}
      <div class="columns">
        {!empty && <EndpointList model={model} />}
        <EndpointForm model={model} />
      </div>
      <AlertSettings model={alerts} />
      <TransferBar model={model} />
    </div>
  );
}
