import type { WxtBrowser } from 'wxt/browser';

export const WATCHDOG_ALARM = 'streamscope-watchdog';
const KEEPALIVE_MS = 20_000;

/**
 * Chrome stops an idle service worker after 30 s, and streamed SSE data does not count as
 * activity (platform.md); an extension API call every 20 s does. While any endpoint is
 * enabled we keep the worker alive on purpose, and a periodic alarm restarts it if the
 * browser stops it anyway. `beat` also records when the worker was last alive, so the next
 * start can tell the user when it had been stopped.
 */
export class KeepAlive {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly browser: WxtBrowser,
    private readonly beat: () => void,
  ) {}

  set(active: boolean): void {
    if (active && this.timer === undefined) {
      this.timer = setInterval(() => {
        void this.browser.runtime.getPlatformInfo();
        this.beat();
      }, KEEPALIVE_MS);
      void this.browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
    } else if (!active && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      void this.browser.alarms.clear(WATCHDOG_ALARM);
    }
  }
}
