import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { FirstRun, siteCaptureActions } from '../../../components/onboarding/FirstRun';
import type { TabCapture } from '../../../lib/capture/tab-capture';
import { byTestId, text } from '../exchange/vnode';

/** The part of a tab's capture the empty state reads. */
function fakeCapture(origin: string | undefined, on = false) {
  return { origin: signal(origin), on: signal(on), toggle: vi.fn() } as unknown as TabCapture & { toggle: ReturnType<typeof vi.fn> };
}

const base = { add: vi.fn(), loadDemo: vi.fn() };

describe('"Capture this site" in the empty state', () => {
  it('is the capture switch of the tab in front, switched on from the click', () => {
    const capture = fakeCapture('http://127.0.0.1:8787');
    const button = byTestId(FirstRun({ actions: { ...base, ...siteCaptureActions(capture) } }), 'first-run-capture');
    expect(text(button)).toBe('Capture this site');
    (button?.props.onClick as () => void)();
    expect(capture.toggle).toHaveBeenCalledWith(true);
  });

  it('says when the site is already captured', () => {
    const button = byTestId(FirstRun({ actions: { ...base, ...siteCaptureActions(fakeCapture('https://example.com', true)) } }), 'first-run-capture');
    expect(text(button)).toBe('Capturing this site');
    expect(button?.props.disabled).toBe(true);
  });

  it('is not offered without a web page in front', () => {
    for (const capture of [undefined, fakeCapture(undefined)]) {
      expect(siteCaptureActions(capture)).toEqual({});
      expect(byTestId(FirstRun({ actions: { ...base, ...siteCaptureActions(capture) } }), 'first-run-capture')).toBeUndefined();
    }
  });
});
