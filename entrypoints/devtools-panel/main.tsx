import { effect, signal } from '@preact/signals';
import { mountPanel } from '../../components/panel/mount';
import { inspectedTabId, TabCapture } from '../../lib/capture/tab-capture';
import type { EndpointConfig } from '../../lib/config/endpoint';
import { bootPanelContext } from '../../lib/panel/page-boot';

void bootPanelContext('panel').then((ctx) => {
  const tabId = inspectedTabId();
  const capture = tabId === undefined ? undefined : new TabCapture(tabId, ctx.link);
  void capture?.start();
  // The panel lists the configured endpoints and the inspected tab's current captured streams;
  // the store keeps every captured source (see lib/capture/visible.ts).
  const shown = signal<EndpointConfig[]>(ctx.endpoints.value);
  if (capture) effect(() => void (shown.value = capture.list(ctx.endpoints.value).shown));
  mountPanel({ ...ctx, endpoints: capture ? shown : ctx.endpoints, capture, allEndpoints: ctx.endpoints });
});
