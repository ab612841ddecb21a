import { render } from 'preact';
import type { PanelContextValue } from '../../lib/panel/panel-context';
import { PanelContext } from './context';
import { PanelApp } from './PanelApp';
import './panel.css';

/** Renders the panel UI into `#app`; shared by the DevTools panel and the history tab. */
export function mountPanel(ctx: PanelContextValue): void {
  render(
    <PanelContext.Provider value={ctx}>
      <PanelApp />
    </PanelContext.Provider>,
    document.getElementById('app')!,
  );
}
