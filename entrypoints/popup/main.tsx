import { render } from 'preact';
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupNav } from '../../components/popup/PopupApp';
import { CaptureSwitch } from '../../components/capture/CaptureBar';
import { TabCapture } from '../../lib/capture/tab-capture';
import { parseEndpointList } from '../../lib/config/storage';
import { onStoredChange, readStored } from '../../lib/config/stored';
import { connectBackground } from '../../lib/messaging/client';
import { historyFocusPath } from '../../lib/notify/links';
import { ADD_ENDPOINT_HASH } from '../../lib/options/options-model';
import { PopupModel } from '../../lib/notify/popup-model';
import { openStore } from '../../lib/store/schema';
import '../../components/popup/popup.css';

// Opens instantly: the popup renders at once and the store, the endpoint list and the
// background fill it in as they answer.
function main(): void {
  const model = new PopupModel({ db: openStore(), badge: browser, send: (m) => link.send(m) });
  const link = connectBackground('popup', (m) => model.receive(m), (p) => (model.error.value = p));
  const loadEndpoints = (raw: unknown) => model.setEndpoints(parseEndpointList(raw).valid);
  void readStored(browser.storage.local, 'endpoints').then(loadEndpoints);
  onStoredChange(browser.storage, 'endpoints', loadEndpoints);
  void model.load();

  const now = signal(Date.now());
  setInterval(() => (now.value = Date.now()), 30_000);
  const nav: PopupNav = {
    openHistory: () => void browser.tabs.create({ url: browser.runtime.getURL('/streams.html') }),
    openOptions: () => void browser.runtime.openOptionsPage(),
    addEndpoint: () => void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${ADD_ENDPOINT_HASH}`) }),
    openEvent: (row) => {
      if (row.key !== undefined && !row.read) void model.markRead(row.key);
      void browser.tabs.create({ url: browser.runtime.getURL(historyFocusPath(row)) });
    },
  };
  const capture = signal<TabCapture | undefined>(undefined);
  render(<PopupApp model={model} nav={nav} now={now} capture={capture} />, document.getElementById('app')!);
  void showSiteCapture(link).then((c) => (capture.value = c));
}

/** "Capture streams on this site" for the tab the popup was opened on; the empty state's button uses the same switch. */
async function showSiteCapture(link: ReturnType<typeof connectBackground>): Promise<TabCapture | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !/^https?:/.test(tab.url ?? '')) return undefined;
  const capture = new TabCapture(tab.id, link);
  await capture.start();
  const host = document.createElement('div');
  host.className = 'popup-capture';
  host.dataset.testid = 'popup-capture';
  document.body.prepend(host);
  render(<CaptureSwitch capture={capture} />, host);
  return capture;
}

main();
