import { browser } from 'wxt/browser';
import { writeStored } from '../../lib/config/stored';
import { sleep } from './endpoints';

/**
 * Switches page capture to exactly `origins` (what Options → Page capture writes) and waits
 * until the background has registered the page scripts, or taken them away.
 */
export async function setCapture(origins: string[]): Promise<null> {
  await writeStored(browser.storage.local, 'captureOrigins', origins);
  const ids = ['streamscope-capture-main', 'streamscope-capture-bridge'];
  for (let i = 0; i < 200; i++) {
    const registered = await browser.scripting.getRegisteredContentScripts({ ids });
    if ((registered.length > 0) === origins.length > 0) return null;
    await sleep(50);
  }
  throw new Error('capture scripts were not (un)registered within 10 s');
}
