import { z } from 'zod';

export const SettingsSchema = z.object({
  /**
   * At most one desktop alert per endpoint in this many seconds; what comes in between is
   * summed up in the next one. 0 alerts on every matched event. Notifications are stored
   * (and listed in the popup) either way.
   */
  alertEverySec: z.number().int('Whole seconds, please').min(0, 'Cannot be negative').max(86_400, 'At most a day'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { alertEverySec: 60 };

/** Stored settings over the defaults; a field that fails validation keeps its default. */
export function parseSettings(raw: unknown): Settings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const r = SettingsSchema.shape[key].safeParse(obj[key]);
    if (r.success) out[key] = r.data;
  }
  return out;
}
