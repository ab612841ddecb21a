import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsModel } from '../../lib/options/options-model';
import { probeEndpoint } from '../../lib/options/probe';
import { OptionsApp } from '../../components/options/OptionsApp';
import { ENDPOINTS_KEY } from '../../lib/config/storage';
import '../../components/options/options.css';

const model = new OptionsModel({
  read: async () => (await browser.storage.local.get(ENDPOINTS_KEY))[ENDPOINTS_KEY],
  write: (list) => browser.storage.local.set({ [ENDPOINTS_KEY]: list }),
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
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ENDPOINTS_KEY in changes) model.setRaw(changes[ENDPOINTS_KEY]?.newValue);
});
void model.load().then(() => render(<OptionsApp model={model} />, document.getElementById('app')!));
