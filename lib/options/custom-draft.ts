import { CustomProfileSchema, EMPTY_CUSTOM_PROFILE, type CustomProfile } from '../config/custom-profile';
import { utf8Size, type StreamEvent } from '../model/event';
import { typeEvent } from '../protocols/type-event';

/**
 * The custom profile part of the endpoint form: the inputs as typed, checked as they are typed
 * (errors keyed like the config's, `customProfile.summary`, `customProfile.entities.2.kind` by
 * form row), and a preview of what the definition makes of sample frames.
 */
export interface CustomDraft {
  typePath: string;
  entities: { path: string; kind: string }[];
  summary: string;
}

export type CustomErrors = Record<string, string>;

export const toCustomDraft = (def: CustomProfile | undefined): CustomDraft => {
  const d = def ?? EMPTY_CUSTOM_PROFILE;
  return { typePath: d.typePath, entities: d.entities.map((e) => ({ ...e })), summary: d.summary };
};

const KEY = 'customProfile';

/** The definition the inputs describe, or what is wrong with them. Rows left empty are dropped. */
export function fromCustomDraft(d: CustomDraft): { def: CustomProfile; errors?: undefined } | { def?: undefined; errors: CustomErrors } {
  const rows = d.entities.map((e, row) => ({ row, path: e.path.trim(), kind: e.kind.trim() })).filter((e) => e.path || e.kind);
  const r = CustomProfileSchema.safeParse({ typePath: d.typePath, entities: rows.map(({ path, kind }) => ({ path, kind })), summary: d.summary });
  if (r.success) return { def: r.data };
  const errors: CustomErrors = {};
  for (const issue of r.error.issues) {
    const [field, index, ...rest] = issue.path.map(String);
    // Entity errors carry the index among kept rows; point them at the form row.
    const at = field === 'entities' && index !== undefined ? [field, String(rows[Number(index)]?.row ?? index), ...rest] : issue.path.map(String);
    errors[[KEY, ...at].join('.')] ??= issue.message;
  }
  return { errors };
}

/** A received frame carrying `data`, as the endpoint's transport would deliver it. */
export function sampleEvent(data: string, transport: StreamEvent['transport'], name?: string): StreamEvent {
  return {
    endpointId: 'sample',
    seq: 1,
    time: Date.now(),
    dir: 'in',
    transport,
    ...(transport === 'ws' ? { opcode: 1 as const } : name ? { name } : {}),
    data,
    size: utf8Size(data),
  };
}

export interface PreviewRow {
  type: string;
  summary: string;
  /** `kind id` of each entity the frame names. */
  entities: string[];
  issues: string[];
}

/** What the definition makes of each frame: the row the timeline would show. */
export function previewCustom(def: CustomProfile, events: readonly StreamEvent[]): PreviewRow[] {
  return events.map((ev) => {
    const t = typeEvent(ev, 'custom', def);
    return {
      type: t.type,
      summary: t.summary.startsWith(`${t.type}  `) ? t.summary.slice(t.type.length + 2) : t.summary,
      entities: t.entities.map((e) => `${e.kind} ${e.id}`),
      issues: t.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
    };
  });
}
