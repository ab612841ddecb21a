import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../../lib/config/settings';

describe('settings', () => {
  it('default to one desktop alert per endpoint per minute', () => {
    expect(DEFAULT_SETTINGS.alertEverySec).toBe(60);
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keep valid stored values and fall back field by field', () => {
    expect(parseSettings({ alertEverySec: 0 })).toEqual({ alertEverySec: 0 });
    expect(parseSettings({ alertEverySec: 300, other: true })).toEqual({ alertEverySec: 300 });
    expect(parseSettings({ alertEverySec: -5 })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ alertEverySec: 'soon' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
