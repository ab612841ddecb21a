import { signal } from '@preact/signals';
import { SettingsSchema, parseSettings, type Settings } from '../config/settings';

export interface SettingsDeps {
  read(): Promise<unknown>;
  write(settings: Settings): Promise<void>;
}

/** The options page's "Desktop alerts" box: the per-endpoint alert cap, as typed. */
export class AlertSettingsModel {
  /** The field's text, so a half-typed value is never lost. */
  readonly text = signal('');
  readonly error = signal<string | undefined>(undefined);
  readonly saved = signal(false);
  private settings: Settings = parseSettings(undefined);

  constructor(private readonly deps: SettingsDeps) {}

  async load(): Promise<void> {
    this.settings = parseSettings(await this.deps.read());
    this.text.value = String(this.settings.alertEverySec);
  }

  /** Checks the typed value and stores it at once when it is valid. */
  async change(text: string): Promise<void> {
    this.text.value = text;
    this.saved.value = false;
    const n = text.trim() === '' ? NaN : Number(text);
    const r = SettingsSchema.shape.alertEverySec.safeParse(n);
    if (!r.success) {
      this.error.value = Number.isNaN(n) ? 'Enter a number of seconds' : (r.error.issues[0]?.message ?? 'Not a valid value');
      return;
    }
    this.error.value = undefined;
    this.settings = { ...this.settings, alertEverySec: r.data };
    await this.deps.write(this.settings);
    this.saved.value = true;
  }
}
