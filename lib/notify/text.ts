import type { CustomProfile } from '../config/custom-profile';
import type { StreamEvent } from '../model/event';
import type { Family } from '../model/typed';
import { clip } from '../protocols/format';
import { PROFILES } from '../protocols/profiles';
import { specFor } from '../protocols/spec';
import { profileFor } from '../protocols/type-event';
import { getPath } from '../query/path';

export interface NotificationText {
  title: string;
  message: string;
}

export const TITLE_MAX = 80;
export const MESSAGE_MAX = 240;

const str = (root: unknown, ...path: string[]): string | undefined => {
  const v = getPath(root, path);
  if (typeof v === 'string' && v.trim()) return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
};

const humanize = (s: string): string => s.replace(/_/g, ' ');

/** The body of a message envelope: OfficePlane's `payload`, Notifications' `data`, or the root. */
const body = (p: unknown): unknown => getPath(p, ['payload']) ?? getPath(p, ['data']) ?? p;

type Builder = (p: unknown) => Partial<NotificationText>;

/** Wording for the types the default rules notify about. */
const BUILDERS: Record<string, Builder> = {
  notification: (p) => ({ title: str(body(p), 'title'), message: str(body(p), 'message') ?? str(p, 'message') }),
  system_announcement: (p) => ({ title: 'Announcement', message: str(p, 'message') ?? str(p, 'data', 'message') }),
  attempt_pr: (p) => {
    const n = str(p, 'number');
    const card = str(p, 'cardId');
    return {
      title: n && card ? `PR #${n} opened for card ${card}` : 'Pull request opened',
      message: str(p, 'title') ?? str(p, 'url'),
    };
  },
  task_update: (p) => {
    const task = body(p);
    const id = str(task, 'name') ?? str(task, 'id') ?? str(task, 'task_id');
    const state = str(task, 'state') ?? str(task, 'action');
    return { title: id && state ? `Task ${id} ${humanize(state)}` : undefined, message: str(task, 'error') };
  },
  hook_result: (p) => {
    const findings = getPath(p, ['findings']);
    const action = str(p, 'action');
    return {
      title: action ? `Hook result: ${action}` : undefined,
      message: Array.isArray(findings) ? findings.filter((f) => typeof f === 'string').join('; ') : undefined,
    };
  },
  'plan.state.changed': (p) => {
    const plan = str(p, 'plan_id');
    const state = str(p, 'state');
    return { title: plan && state ? `Plan ${plan} is ${humanize(state)}` : undefined };
  },
};

/** The timeline's summary of the event, from the endpoint's profile or any profile knowing the type. */
/** Profiles asked when the family does not know the type; a custom one (every type its own) speaks only for its endpoint. */
const ANY_PROFILE = Object.values(PROFILES).filter((p) => p.family !== 'custom');

function profileSummary(ev: StreamEvent, type: string, payload: unknown, family: Family | undefined, custom?: CustomProfile): string | undefined {
  const profiles = family ? [profileFor(family, custom), ...ANY_PROFILE] : ANY_PROFILE;
  for (const profile of profiles) {
    const spec = specFor(profile, type);
    if (!spec || payload === undefined) continue;
    try {
      const summary = spec.summary(payload, ev);
      if (summary) return summary;
    } catch {
      // Readers run on untrusted data; a failing one just has nothing to say.
    }
  }
  return undefined;
}

const GENERIC_FIELDS = ['message', 'title', 'text', 'summary', 'content'];

/**
 * Title and message for a matched event, as plain text. Known types get their own wording;
 * others are titled by type and described by the profile summary, a text field, or the data.
 */
export function notificationText(ev: StreamEvent, type: string, payload: unknown, family?: Family, custom?: CustomProfile): NotificationText {
  const specific = BUILDERS[type]?.(payload) ?? {};
  const fallback = (): string =>
    profileSummary(ev, type, payload, family, custom) ??
    GENERIC_FIELDS.map((f) => str(body(payload), f) ?? str(payload, f)).find((v) => v !== undefined) ??
    ev.data;
  const message = specific.message ?? (specific.title ? '' : fallback());
  return { title: clip(specific.title ?? humanize(type), TITLE_MAX), message: clip(message, MESSAGE_MAX) };
}
