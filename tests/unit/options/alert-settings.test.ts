import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../lib/config/settings';
import { AlertSettingsModel } from '../../../lib/options/alert-settings';

describe('AlertSettingsModel', () => {
  it('shows the stored cap, stores valid edits at once and keeps an invalid one as typed', async () => {
    const written: Settings[] = [];
    const model = new AlertSettingsModel({ read: async () => undefined, write: async (s) => void written.push(s) });
    await model.load();
    expect(model.text.value).toBe('60');
    await model.change('300');
    expect(written).toEqual([{ alertEverySec: 300 }]);
    expect(model.saved.value).toBe(true);
    await model.change('1.5');
    await model.change('-1');
    await model.change('');
    expect(model.text.value).toBe('');
    expect(model.error.value).toBe('Enter a number of seconds');
    expect(written).toHaveLength(1);
    await model.change('0');
    expect(written.at(-1)).toEqual({ alertEverySec: 0 });
    expect(model.error.value).toBeUndefined();
  });
});
