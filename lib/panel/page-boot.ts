import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { PanelContextValue } from './panel-context';
import type { EndpointConfig } from '../config/endpoint';
import { parseEndpointList } from '../config/storage';
import { onStoredChange, readStored } from '../config/stored';
import { readAttempts } from '../diagnostics/attempts';
import { exchangeActions } from '../exchange/panel-actions';
import { drawPacer } from './draw-pacer';
import { openPanelData } from './panel-wiring';
import { createTyping } from './shared-typing';

/** Builds the panel context for a page: data, background link and live endpoint config. */
export async function bootPanelContext(page: 'panel' | 'streams', focus?: string): Promise<PanelContextValue> {
  const problems = signal<string[]>([]);
  const report = (m: string) => (problems.value = [...problems.value, m]);
  const data = await openPanelData(page, report);
  const version = signal(data.history.version);
  // Views re-render after changes, paced: when events pour in faster than drawing each is
  // useful, at most every `drawEveryMs` (the timeline says so).
  data.history.subscribe(
    drawPacer(
      () => (version.value = data.history.version),
      () => data.history.drawEveryMs,
    ),
  );
  const endpoints = signal<EndpointConfig[]>([]);
  const load = (raw: unknown) => (endpoints.value = parseEndpointList(raw).valid);
  load(await readStored(browser.storage.local, 'endpoints'));
  onStoredChange(browser.storage, 'endpoints', load);
  const exchange = exchangeActions(data.db, browser.storage.local, () => data.history.reload());
  const typing = createTyping(data.history, endpoints);
  const startSearchWorker = () => new Worker(browser.runtime.getURL('/search-worker.js'));
  return { history: data.history, version, typing, link: data.link, endpoints, selected: signal(focus), problems, exchange, attempts: (id) => readAttempts(data.db, id), startSearchWorker };
}
