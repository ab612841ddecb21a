import { EndpointForm } from './EndpointForm';
import { EndpointList } from './EndpointList';
import type { OptionsModel } from '../../lib/options/options-model';
import { TransferBar } from './TransferBar';

/** The options page: endpoints, their form, import/export. */
export function OptionsApp({ model }: { model: OptionsModel }) {
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
      <div class="columns">
        <EndpointList model={model} />
        <EndpointForm model={model} />
      </div>
      <TransferBar model={model} />
    </div>
  );
}
