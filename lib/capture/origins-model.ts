import { signal } from '@preact/signals';
import { readStored } from '../config/stored';
import { captureOrigin, parseOrigins } from './origins';
import { setSiteCapture, type SiteApis } from './site';

/** The options page's list of sites capture is on for. */
export class CaptureOriginsModel {
  readonly origins = signal<string[]>([]);
  readonly error = signal<string | undefined>(undefined);

  constructor(private readonly apis: SiteApis) {}

  async load(): Promise<void> {
    this.setRaw(await readStored(this.apis.storage, 'captureOrigins'));
  }

  setRaw(raw: unknown): void {
    this.origins.value = parseOrigins(raw);
  }

  /** Call from a click (the permission prompt needs it). Accepts a URL or an origin. */
  add(text: string): void {
    const origin = captureOrigin(text.trim()) ?? captureOrigin(`https://${text.trim()}`);
    if (!origin || text.trim() === '') {
      this.error.value = `“${text}” is not a site: write e.g. https://example.com or http://localhost:3000`;
      return;
    }
    void setSiteCapture(this.apis, origin, true).then((e) => (this.error.value = e));
  }

  remove(origin: string): void {
    void setSiteCapture(this.apis, origin, false).then((e) => (this.error.value = e));
  }
}
