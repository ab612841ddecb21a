import { signal } from '@preact/signals';
import type { EndpointConfig } from '../config/endpoint';
import type { StreamEvent } from '../model/event';
import { DEMO_NOT_RUNNING, countDemoEndpoints, withDemoEndpoints } from '../config/demo-setup';
import { isDemoEndpoint } from '../config/demo-endpoints';
import { parseEndpointList } from '../config/storage';
import { duplicateDraft, emptyDraft, fromDraft, toDraft, type EndpointDraft, type Errors } from './draft';
import { covers, originPattern } from './permissions';
import type { ProbeResult } from './probe';
import { exportEndpoints, importEndpoints, type ImportProblem } from './transfer';

/** A stored list entry: a valid endpoint, or one that fails validation and is kept as it is. */
export type Entry = { ok: true; cfg: EndpointConfig } | { ok: false; raw: unknown; id: string; name: string; error: string };

export interface FormState {
  draft: EndpointDraft;
  isNew: boolean;
  errors: Errors;
}

export type TestState = { running: true } | { running: false; result: ProbeResult };

export interface ImportReport {
  fatal?: string;
  imported: number;
  /** Imported endpoints saved disabled because their origin needs a permission. */
  disabled: string[];
  problems: ImportProblem[];
}

export interface OptionsDeps {
  /** The raw stored endpoint list, and a writer for it. */
  read(): Promise<unknown>;
  write(list: unknown[]): Promise<void>;
  grantedOrigins(): Promise<string[]>;
  /** Must be called straight from a click: browsers only ask during a user gesture. */
  requestOrigin(pattern: string): Promise<boolean>;
  probe(cfg: EndpointConfig): Promise<ProbeResult>;
  download(filename: string, text: string): void;
  /** Whether the demo server answers (see lib/config/demo-setup.ts). */
  demoAnswers(): Promise<boolean>;
  /** The endpoint's latest stored received frames, for the custom profile's preview. */
  recentEvents?(endpointId: string): Promise<StreamEvent[]>;
}

/** `options.html#new` opens the form for a new endpoint (the popup's "Add an endpoint"). */
export const ADD_ENDPOINT_HASH = '#new';
/** `options.html#edit=<id>` opens the form of that endpoint or captured stream (the panel's "Profile…"). */
export const editHash = (id: string): string => `#edit=${encodeURIComponent(id)}`;
/** The endpoint id an `#edit=<id>` hash names. */
export const editedId = (hash: string): string | undefined => (hash.startsWith('#edit=') ? decodeURIComponent(hash.slice(6)) : undefined);

export const UNDO_MS = 6000;

/** The options page: the endpoint list, the open form, undo, connection test, import/export. */
export class OptionsModel {
  readonly entries = signal<Entry[]>([]);
  readonly form = signal<FormState | undefined>(undefined);
  readonly test = signal<TestState | undefined>(undefined);
  readonly undo = signal<string | undefined>(undefined);
  readonly notice = signal<string | undefined>(undefined);
  readonly importReport = signal<ImportReport | undefined>(undefined);
  /** Set when Save met a failed connection test of the same settings: the form asks first. */
  readonly saveWarning = signal<string | undefined>(undefined);
  readonly demoBusy = signal(false);
  /** The edited endpoint's latest stored frames (the custom profile previews against them). */
  readonly recent = signal<readonly StreamEvent[]>([]);
  /** The settings the last connection test ran with, to tell whether its result still applies. */
  private tested: string | undefined;
  private granted: string[] = [];
  private restore: (() => void) | undefined;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deps: OptionsDeps,
    private readonly undoMs = UNDO_MS,
  ) {}

  async load(): Promise<void> {
    const [raw, granted] = await Promise.all([this.deps.read(), this.deps.grantedOrigins()]);
    this.granted = granted;
    this.setRaw(raw);
  }

  /** The stored list changed (here or elsewhere). */
  setRaw(raw: unknown): void {
    const items = Array.isArray(raw) ? (raw as unknown[]) : [];
    this.entries.value = items.map((item, i): Entry => {
      const { valid, rejected } = parseEndpointList([item]);
      if (valid[0]) return { ok: true, cfg: valid[0] };
      const bad = rejected[0];
      return { ok: false, raw: item, id: bad && bad.id !== '#0' ? bad.id : `#${i}`, name: bad?.name ?? `entry ${i + 1}`, error: bad?.error ?? 'invalid' };
    });
  }

  get endpoints(): EndpointConfig[] {
    return this.entries.value.flatMap((e) => (e.ok ? [e.cfg] : []));
  }

  add(): void {
    this.open({ draft: emptyDraft(), isNew: true, errors: {} });
  }

  edit(id: string): void {
    const cfg = this.endpoints.find((e) => e.id === id);
    if (!cfg) return;
    this.open({ draft: toDraft(cfg), isNew: false, errors: {} });
    void this.loadRecent(id);
  }

  private async loadRecent(id: string): Promise<void> {
    const events = (await this.deps.recentEvents?.(id).catch(() => [])) ?? [];
    if (this.form.value?.draft.id === id) this.recent.value = events;
  }

  duplicate(id: string): void {
    const cfg = this.endpoints.find((e) => e.id === id);
    if (cfg) this.open({ draft: duplicateDraft(cfg), isNew: true, errors: {} });
  }

  cancel(): void {
    this.form.value = undefined;
    this.test.value = undefined;
    this.saveWarning.value = undefined;
  }

  /** Edits the draft; the errors of the edited fields go away until the next check. */
  change(patch: Partial<EndpointDraft>): void {
    const f = this.form.value;
    if (!f) return;
    const touched = Object.keys(patch);
    const errors = Object.fromEntries(Object.entries(f.errors).filter(([k]) => !touched.some((t) => k === t || k.startsWith(`${t}.`))));
    this.form.value = { ...f, draft: { ...f.draft, ...patch }, errors };
    this.saveWarning.value = undefined;
  }

  /**
   * Validates and saves the form. An origin outside the granted ones is asked for first
   * (synchronously, inside the click); if refused, the endpoint is saved disabled and the
   * form stays open saying why.
   */
  save(anyway = false): Promise<void> {
    const checked = this.checkedForm();
    if (!checked) return Promise.resolve();
    const { cfg } = checked;
    const failed = this.failedTestOf(cfg);
    if (failed !== undefined && !anyway) {
      this.saveWarning.value = `The connection test of these settings just failed: ${failed}`;
      return Promise.resolve();
    }
    this.saveWarning.value = undefined;
    const pattern = cfg.enabled ? this.missingOrigin(cfg.url) : undefined;
    return this.ask(pattern).then(async (refused) => {
      const saved = refused ? { ...cfg, enabled: false } : cfg;
      await this.upsert(saved);
      if (!refused) {
        this.cancel();
        return;
      }
      const why = `${refused}, so the endpoint is saved disabled. Enable it to ask again.`;
      this.form.value = { draft: toDraft(saved), isNew: false, errors: { url: why } };
    });
  }

  /** Opens the form's endpoint for a few seconds from this page and reports what came. */
  testConnection(): Promise<void> {
    const checked = this.checkedForm();
    if (!checked) return Promise.resolve();
    this.test.value = { running: true };
    this.tested = JSON.stringify(checked.cfg);
    this.saveWarning.value = undefined;
    const failed = (status: string): ProbeResult => ({ ok: false, status, received: 0, events: [] });
    return this.ask(this.missingOrigin(checked.cfg.url))
      .then((refused) => (refused ? failed(`${refused}: the test needs it`) : this.deps.probe(checked.cfg)))
      .then(
        (result) => void (this.test.value = { running: false, result }),
        (e: unknown) => void (this.test.value = { running: false, result: failed(String(e)) }),
      );
  }

  setEnabled(id: string, on: boolean): Promise<void> {
    const cfg = this.endpoints.find((e) => e.id === id);
    if (!cfg) return Promise.resolve();
    const pattern = on ? this.missingOrigin(cfg.url) : undefined;
    return this.ask(pattern).then(async (refused) => {
      if (refused) {
        this.notice.value = `${refused}, so "${cfg.name}" stays disabled.`;
        this.entries.value = [...this.entries.value]; // puts the clicked checkbox back
        return;
      }
      await this.upsert({ ...cfg, enabled: on });
    });
  }

  async remove(id: string): Promise<void> {
    const list = this.entries.value;
    const at = list.findIndex((e) => (e.ok ? e.cfg.id : e.id) === id);
    const gone = list[at];
    if (!gone) return;
    if (this.form.value?.draft.id === id) this.cancel();
    await this.store(list.filter((_, i) => i !== at));
    this.offerUndo(`Deleted "${gone.ok ? gone.cfg.name : gone.name}"`, () => {
      const now = this.entries.value;
      if (now.some((e) => (e.ok ? e.cfg.id : e.id) === id)) return;
      void this.store([...now.slice(0, at), gone, ...now.slice(at)]);
    });
  }

  private offerUndo(message: string, restore: () => void): void {
    this.restore = restore;
    this.undo.value = message;
    if (this.undoTimer !== undefined) clearTimeout(this.undoTimer);
    this.undoTimer = setTimeout(() => this.dropUndo(), this.undoMs);
  }

  /** Adds the demo endpoints if the demo server answers; says how to start it if not. */
  async loadDemo(): Promise<void> {
    this.demoBusy.value = true;
    try {
      if (!(await this.deps.demoAnswers())) {
        this.notice.value = DEMO_NOT_RUNNING;
        return;
      }
      const raw = withDemoEndpoints(this.rawList());
      this.setRaw(raw);
      await this.deps.write(raw);
    } finally {
      this.demoBusy.value = false;
    }
  }

  get demoCount(): number {
    return countDemoEndpoints(this.rawList());
  }

  /** Removes every demo endpoint in one step (with undo); the user's own endpoints stay. */
  async removeDemo(): Promise<void> {
    const list = this.entries.value;
    const gone = list.filter((e) => isDemoEndpoint({ id: e.ok ? e.cfg.id : e.id }));
    if (gone.length === 0) return;
    const draft = this.form.value?.draft.id;
    if (draft !== undefined && isDemoEndpoint({ id: draft })) this.cancel();
    await this.store(list.filter((e) => !gone.includes(e)));
    this.offerUndo(`Removed ${gone.length} demo endpoint${gone.length === 1 ? '' : 's'}`, () => {
      const have = new Set(this.entries.value.map((e) => (e.ok ? e.cfg.id : e.id)));
      void this.store([...this.entries.value, ...gone.filter((e) => !have.has(e.ok ? e.cfg.id : e.id))]);
    });
  }

  undoRemove(): void {
    this.restore?.();
    this.dropUndo();
  }

  exportFile(includeSecrets: boolean): void {
    this.deps.download('streamscope-endpoints.json', exportEndpoints(this.endpoints, includeSecrets));
  }

  async importFile(file: Blob): Promise<void> {
    await this.importText(await file.text());
  }

  /**
   * Adds the file's valid endpoints (replacing ones with the same id) and reports the rest.
   * No permission can be asked here, so endpoints on new origins come in disabled.
   */
  async importText(text: string): Promise<void> {
    const r = importEndpoints(text);
    if ('fatal' in r) {
      this.importReport.value = { fatal: r.fatal, imported: 0, disabled: [], problems: [] };
      return;
    }
    const disabled: string[] = [];
    let list = this.entries.value;
    for (const imported of r.endpoints) {
      const cfg = imported.enabled && this.missingOrigin(imported.url) ? { ...imported, enabled: false } : imported;
      if (cfg !== imported) disabled.push(cfg.name);
      list = this.upserted(list, cfg);
    }
    if (r.endpoints.length > 0) await this.store(list);
    this.importReport.value = { imported: r.endpoints.length, disabled, problems: r.problems };
  }

  private open(f: FormState): void {
    this.form.value = f;
    this.test.value = undefined;
    this.recent.value = [];
  }

  private checkedForm(): { cfg: EndpointConfig } | undefined {
    const f = this.form.value;
    if (!f) return undefined;
    const r = fromDraft(f.draft);
    if (r.errors) {
      this.form.value = { ...f, errors: r.errors };
      return undefined;
    }
    return { cfg: r.config };
  }

  /** Why the last connection test failed, if it ran with exactly these settings. */
  private failedTestOf(cfg: EndpointConfig): string | undefined {
    const t = this.test.value;
    if (!t || t.running || t.result.ok || this.tested !== JSON.stringify(cfg)) return undefined;
    return t.result.status;
  }

  private rawList(): unknown[] {
    return this.entries.value.map((e) => (e.ok ? e.cfg : e.raw));
  }

  private missingOrigin(url: string): string | undefined {
    const pattern = originPattern(url);
    return pattern && !covers(this.granted, pattern) ? pattern : undefined;
  }

  /** Asks for an origin; resolves to why there is no access, or undefined when there is. */
  private ask(pattern: string | undefined): Promise<string | undefined> {
    if (!pattern) return Promise.resolve(undefined);
    const host = pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '');
    return this.deps.requestOrigin(pattern).then(
      (ok) => {
        if (!ok) return `Access to ${host} was refused`;
        this.granted = [...this.granted, pattern];
        return undefined;
      },
      (e: unknown) => `Could not ask for access to ${host} (${e instanceof Error ? e.message : String(e)})`,
    );
  }

  private upserted(list: Entry[], cfg: EndpointConfig): Entry[] {
    const at = list.findIndex((e) => (e.ok ? e.cfg.id : e.id) === cfg.id);
    const entry: Entry = { ok: true, cfg };
    return at < 0 ? [...list, entry] : list.map((e, i) => (i === at ? entry : e));
  }

  private upsert(cfg: EndpointConfig): Promise<void> {
    return this.store(this.upserted(this.entries.value, cfg));
  }

  /** Writes the whole list; entries that fail validation go back exactly as they were. */
  private async store(list: Entry[]): Promise<void> {
    this.entries.value = list;
    await this.deps.write(this.rawList());
  }

  private dropUndo(): void {
    if (this.undoTimer !== undefined) clearTimeout(this.undoTimer);
    this.undoTimer = undefined;
    this.restore = undefined;
    this.undo.value = undefined;
  }
}
