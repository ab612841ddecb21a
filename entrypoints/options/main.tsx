import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AlertSettingsModel } from '../../lib/options/alert-settings';
import { ADD_ENDPOINT_HASH, OptionsModel, editedId } from '../../lib/options/options-model';
import { probeEndpoint } from '../../lib/options/probe';
import { OptionsApp } from '../../components/options/OptionsApp';
import { demoServerAnswers } from '../../lib/config/demo-setup';
import { onStoredChange, readStored, writeStored } from '../../lib/config/stored';
import { CaptureOrigins } from '../../components/capture/CaptureOrigins';
import { CaptureOriginsModel } from '../../lib/capture/origins-model';
import { openStore, type DB } from '../../lib/store/schema';
import { latestReceived } from '../../lib/store/view';
import '../../components/options/options.css';

/** Frames the custom profile previews against: the endpoint's latest stored received ones. */
const PREVIEW_FRAMES = 5;
let store: Promise<DB> | undefined;
const recentEvents = async (endpointId: string) => latestReceived(await (store ??= openStore()), endpointId, PREVIEW_FRAMES);

const model = new OptionsModel({
  read: () => readStored(browser.storage.local, 'endpoints'),
  write: (list) => writeStored(browser.storage.local, 'endpoints', list),
  grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [],
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  probe: (cfg) =>
    probeEndpoint(cfg, {
      fetch: globalThis.fetch.bind(globalThis),
      WebSocket: globalThis.WebSocket,
      now: Date.now,
      setTimeout: globalThis.setTimeout.bind(globalThis),
      clearTimeout: globalThis.clearTimeout.bind(globalThis),
    }),
  download: (filename, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: filename });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  demoAnswers: () => demoServerAnswers(globalThis.fetch.bind(globalThis)),
  recentEvents,
});

const alerts = new AlertSettingsModel({
  read: () => readStored(browser.storage.local, 'settings'),
  write: (settings) => writeStored(browser.storage.local, 'settings', settings),
});

onStoredChange(browser.storage, 'endpoints', (raw) => model.setRaw(raw));
void Promise.all([model.load(), alerts.load()]).then(() => {
  if (location.hash === ADD_ENDPOINT_HASH) model.add();
  const edit = editedId(location.hash);
  if (edit !== undefined) model.edit(edit);
  render(<OptionsApp model={model} alerts={alerts} />, document.getElementById('app')!);
});

// Page capture's site list, below the endpoints.
const captureSites = new CaptureOriginsModel({ storage: browser.storage.local, permissions: browser.permissions });
onStoredChange(browser.storage, 'captureOrigins', (raw) => captureSites.setRaw(raw));
void captureSites.load().then(() => {
  const host = document.body.appendChild(document.createElement('div'));
  render(<CaptureOrigins model={captureSites} />, host);
});
