import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Firefox needs a fixed add-on id (storage and tests rely on it).
const GECKO_ID = 'streamscope@streamscope.dev';

// The measuring page (entrypoints/bench) ships only in bench builds, to their own folder:
// `STREAMSCOPE_BENCH=1 wxt build` writes .output/bench/chrome-mv3 (see bench/README.md).
const BENCH = process.env.STREAMSCOPE_BENCH === '1';

export default defineConfig({
  imports: false,
  ...(BENCH ? { outDir: '.output/bench' } : {}),
  hooks: {
    // The page hook runs in the page's own world: WXT's `var captureMain = (...)()` wrapper would
    // leave a global on every captured page. Keep the expression, drop the name.
    'build:done': (wxt) => {
      const file = path.join(wxt.config.outDir, 'capture-main.js');
      const code = readFileSync(file, 'utf8');
      const bare = code.replace(/^var captureMain\s*=\s*/, '').replace(/\n?captureMain;\s*$/, '\n');
      if (bare === code) throw new Error('capture-main.js: expected the `var captureMain =` wrapper');
      writeFileSync(file, bare);
    },
    'entrypoints:found': (_wxt, infos) => {
      if (!BENCH) infos.splice(0, infos.length, ...infos.filter((e) => e.name !== 'bench'));
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: {
      rollupOptions: {
        // onLog, not onwarn: @preact/preset-vite sets its own onwarn, which would replace ours.
        onLog(level, log, handler) {
          // zod's sources have prose comments that mention `@__PURE__`; Rollup says it cannot
          // place them and drops them. The code is unchanged and nobody here can act on it.
          if (log.code === 'INVALID_ANNOTATION' && log.id?.includes('/node_modules/zod/')) return;
          handler(level, log);
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Streamscope',
    description: 'Watch live Server-Sent-Events and WebSocket streams, fold them into state, get notified.',
    // scripting: page capture registers its scripts for the sites it is switched on for;
    // activeTab: the popup reads the current tab's site to offer capture.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    // Endpoints are user-configured: ask per origin when one is saved. The demo server on
    // loopback is granted up front so the product works out of the box.
    host_permissions: ['http://127.0.0.1/*', 'ws://127.0.0.1/*', 'http://localhost/*', 'ws://localhost/*'],
    optional_host_permissions: ['<all_urls>'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '115.0' } },
          // MV2 has no optional_host_permissions: origins are optional permissions there.
          optional_permissions: ['<all_urls>'],
        }
      : {}),
    action: { default_title: 'Streamscope' },
  }),
});
