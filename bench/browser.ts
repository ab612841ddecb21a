import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../scripts/launch/chromium';
import { CHROMIUM_PATH } from '../scripts/launch/paths';

export interface Browser {
  pid: number;
  extId: string;
  /** The DevTools HTTP endpoint, e.g. http://127.0.0.1:40123. */
  devtools: string;
  /** Asks Chromium to quit (SIGTERM) and waits for it, so the profile is complete on disk. */
  quit(): Promise<void>;
}

const POLL_MS = 100;
const READY_TIMEOUT_MS = 30_000;
/** An extension page that has not reported by then failed to load: close it and try again. */
const OPEN_RETRY_MS = 3000;

/**
 * The id Chromium gives an unpacked extension without a manifest key: the first 128 bits of
 * SHA-256 of its absolute, symlink-free path, written with the letters a–p for 0–f.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

async function poll<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Chromium: ${what} not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Starts headless Chromium with the extension and opens `page` (a path in the extension) as a
 * tab; `reported` resolves when that page has run. An extension URL opened before the
 * extension has loaded shows an error page instead, and nothing says when loading is done
 * (the worker of an installed extension need not be running), so the tab is opened through
 * the DevTools HTTP endpoint and reopened until the page reports. That endpoint only opens
 * and closes targets: no debugger session is attached to the worker or the pages (an attached
 * debugger is sent every WebSocket frame and slows them down).
 */
export async function launchChromium(opts: { ext: string; profile: string; page: string; reported: Promise<unknown> }): Promise<Browser> {
  // A reused profile still names the last run's port until Chromium writes the new one.
  const portFile = path.join(opts.profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const child = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      `--user-data-dir=${opts.profile}`,
      `--disable-extensions-except=${opts.ext}`,
      `--load-extension=${opts.ext}`,
      ...CHROMIUM_ARGS,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      '--window-size=1280,900',
      // The panel is a frame of the bench page and shares its heap: the page collects the
      // garbage of earlier stages before it measures the panel's (bench/page/panel-load.ts).
      '--js-flags=--expose-gc',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Chromium logs a lot on stderr; keep only the tail for a failure message.
  let tail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (tail = (tail + s).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const quit = async () => {
    if (child.exitCode !== null) throw new Error(`Chromium exited early (${child.exitCode}):\n${tail}`);
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    const port = await poll('DevToolsActivePort', async () => readFileSync(portFile, 'utf8').split('\n')[0] || undefined);
    const http = `http://127.0.0.1:${port}`;
    const extId = unpackedExtensionId(opts.ext);
    const reported = opts.reported.then(() => true);
    await poll('the extension page', async () => {
      const res = await fetch(`${http}/json/new?chrome-extension://${extId}/${opts.page}`, { method: 'PUT' });
      const { id } = (await res.json()) as { id: string };
      if (await Promise.race([reported, new Promise((resolve) => setTimeout(resolve, OPEN_RETRY_MS, false))])) return true;
      await fetch(`${http}/json/close/${id}`);
      return undefined;
    });
    return { pid: child.pid!, extId, devtools: http, quit };
  } catch (err) {
    await quit().catch(() => undefined);
    throw err instanceof Error ? new Error(`${err.message}\n${tail}`) : err;
  }
}
