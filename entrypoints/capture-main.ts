import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CAPTURE_EVENT, COMMAND_EVENT } from '../lib/capture/channel';
import { installPageHook } from '../lib/capture/page-hook';
import { Recorder } from '../lib/capture/recorder';
import type { Command } from '../lib/capture/wire';

// Registered at runtime (lib/capture/registration.ts) in the page's own world, at
// document_start, in every frame of a site the user switched capture on for.
export default defineUnlistedScript(() => {
  const dispatch = EventTarget.prototype.dispatchEvent;
  const emit = (detail: string) => dispatch.call(window, new CustomEvent(CAPTURE_EVENT, { detail }));
  const recorder = new Recorder({ emit, now: Date.now, setTimeout: setTimeout.bind(window), stringify: JSON.stringify });
  const hook = installPageHook(window, recorder);
  window.addEventListener(COMMAND_EVENT, (e) => {
    const detail = (e as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    try {
      hook.command(JSON.parse(detail) as Command);
    } catch {
      /* not ours */
    }
  });
  emit('hello'); // the bridge answers `ready` (it may have started first and said so already)
});
