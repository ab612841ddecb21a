import { mountPanel } from '../../components/panel/mount';
import { inspectedTabId, TabCapture } from '../../lib/capture/tab-capture';
import { bootPanelContext } from '../../lib/panel/page-boot';

void bootPanelContext('panel').then((ctx) => {
  const tabId = inspectedTabId();
  const capture = tabId === undefined ? undefined : new TabCapture(tabId, ctx.link);
  void capture?.start();
  mountPanel({ ...ctx, capture });
});
