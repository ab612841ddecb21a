import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Chrome pins this id via the manifest key below, so tests and docs can name it.
const GECKO_ID = 'streamscope@streamscope.dev';

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Streamscope',
    description: 'Watch live Server-Sent-Events and WebSocket streams, fold them into state, get notified.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    // Endpoints are user-configured: ask per origin when one is saved. The demo server on
    // loopback is granted up front so the product works out of the box.
    host_permissions: ['http://127.0.0.1/*', 'ws://127.0.0.1/*', 'http://localhost/*', 'ws://localhost/*'],
    optional_host_permissions: ['<all_urls>'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '115.0' } } }
      : {}),
    action: { default_title: 'Streamscope' },
  }),
});
