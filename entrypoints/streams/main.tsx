import { render } from 'preact';
import { PanelApp } from '../../components/panel/PanelApp';
import { PanelContext } from '../../components/panel/context';
import { bootPanelContext } from '../../lib/timeline/page-boot';
import '../../components/panel/panel.css';

void bootPanelContext('history').then((ctx) =>
  render(
    <PanelContext.Provider value={ctx}>
      <PanelApp />
    </PanelContext.Provider>,
    document.getElementById('app')!,
  ),
);
