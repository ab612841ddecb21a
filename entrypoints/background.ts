import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundService } from '../lib/background/service';

export default defineBackground({
  // Firefox MV2: a persistent page keeps streaming with no panel open (see README).
  persistent: true,
  main() {
    const service = new BackgroundService(browser);
    // Listeners are registered synchronously so the events that (re)start the worker reach us.
    browser.runtime.onConnect.addListener((port) => service.acceptPort(port));
    browser.alarms.onAlarm.addListener(() => undefined); // the watchdog only needs to wake us
    browser.runtime.onStartup.addListener(() => undefined);
    void service.start();
  },
});
