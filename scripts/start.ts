/**
 * `npm start`: build the extension, start the demo streams on 127.0.0.1:8787 and open a
 * browser with the extension loaded and the demo endpoints configured (unless the profile
 * already has endpoints), so events flow at once; an install by hand starts empty. Windows
 * take their real size. Flags: `--firefox` (Firefox ESR instead of Chromium), `--headless`
 * (no window; for machines without a display), `--no-build`.
 * CHROME_PATH / FIREFOX_PATH pick the browser binary.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PORT, demoEndpoints } from '../lib/config/demo-endpoints';
import { startDemoServer } from '../demo/server';
import { CAPTURE_PAGE_PATH } from '../demo/capture-page';
import { launchChromium } from './launch/chromium';
import { captureSite } from './launch/capture';
import { writeEndpoints } from './launch/endpoints';
import { launchFirefox } from './launch/firefox';
import { ROOT } from './launch/paths';

const args = new Set(process.argv.slice(2));
const firefox = args.has('--firefox');
const headless = args.has('--headless');

if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. Run `xvfb-run npm start`, or `npm start -- --headless`.');
  process.exit(1);
}

if (!args.has('--no-build')) {
  execSync(firefox ? 'npx wxt build -b firefox' : 'npx wxt build', { cwd: ROOT, stdio: 'inherit' });
}

const demo = await startDemoServer({ port: DEMO_PORT });
console.log(`Demo streams on ${demo.httpUrl} (npm run demo lists every endpoint)`);

let closeBrowser: () => Promise<void>;
if (firefox) {
  const ff = await launchFirefox({ headless, interactive: !headless });
  const page = await ff.open('streams.html');
  await writeEndpoints(page, demoEndpoints(DEMO_PORT), { onlyIfEmpty: true });
  // The demo page's own streams are captured, next to the configured ones.
  await captureSite(page, demo.httpUrl);
  void (await ff.browser.newPage()).goto(`${demo.httpUrl}${CAPTURE_PAGE_PATH}`).catch(() => undefined);
  closeBrowser = ff.close;
  console.log('Firefox is open with Streamscope. Open DevTools (F12) → "Streams", or use the Streamscope tab that opened.');
} else {
  const profile = path.join(ROOT, '.tmp/chrome-profile');
  mkdirSync(profile, { recursive: true });
  const ext = await launchChromium({ headless, userDataDir: profile, devtools: !headless, interactive: !headless });
  const page = await ext.open('devtools-panel.html');
  await writeEndpoints(page, demoEndpoints(DEMO_PORT), { onlyIfEmpty: true });
  // The demo page's own streams are captured, next to the configured ones.
  await captureSite(page, demo.httpUrl);
  await (await ext.ctx.newPage()).goto(`${demo.httpUrl}${CAPTURE_PAGE_PATH}`);
  closeBrowser = ext.close;
  console.log('Chromium is open with Streamscope. In any tab, DevTools (F12) → "Streams" shows the same view.');
}
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await closeBrowser().catch(() => undefined);
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
