import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROME_EXT = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_EXT = path.join(ROOT, '.output/firefox-mv2');
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Matches `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'streamscope@streamscope.dev';
