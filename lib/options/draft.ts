import { configErrors, newEndpoint, type CapturedFrom, type EndpointConfig, type ProfileChoice } from '../config/endpoint';
import { RECONNECT_PRESETS, type ReconnectPolicy } from '../config/reconnect';
import { matchError } from '../notify/rules';
import { fromCustomDraft, toCustomDraft, type CustomDraft } from './custom-draft';

/**
 * The endpoint form's state: what the inputs hold, as typed (numbers as text, headers as rows),
 * so a half-typed value is never lost. `fromDraft` turns it into a config or plain-words
 * errors keyed by the config's field paths (`url`, `reconnect.baseMs`, `notify.0.match`).
 */
export interface EndpointDraft {
  id: string;
  name: string;
  url: string;
  /** `auto` follows the URL scheme. */
  transport: 'auto' | 'sse' | 'ws';
  profile: ProfileChoice;
  /** The custom profile's fields; saved when the profile is `custom`. */
  custom: CustomDraft;
  enabled: boolean;
  headers: { name: string; value: string }[];
  /** Comma-separated subprotocols. */
  protocols: string;
  heartbeatOn: boolean;
  heartbeat: { message: string; intervalSec: string; timeoutSec: string; replyContains: string };
  reconnectPreset: ReconnectPolicy['preset'];
  /** Custom policy fields; an empty maxAttempts never gives up. */
  reconnect: { baseMs: string; factor: string; maxMs: string; maxAttempts: string };
  onHttpError: EndpointConfig['onHttpError'];
  notify: { type: string; match: string }[];
  retention: { maxEvents: string; maxAgeDays: string };
  recording: boolean;
  /** A stream captured from a page keeps where it came from (its profile is what the form changes). */
  captured?: CapturedFrom;
}

export type Errors = Record<string, string>;

const transportFor = (url: string): EndpointConfig['transport'] => newEndpoint({ url, name: '' }).transport;

/** The transport the draft will use: the chosen one, or the URL scheme's. */
export const draftTransport = (d: EndpointDraft): EndpointConfig['transport'] => (d.transport === 'auto' ? transportFor(d.url) : d.transport);

/** The heartbeat the Notifications family expects, offered when the user switches heartbeat on. */
const HEARTBEAT_DEFAULT = { message: '{"type":"ping"}', intervalSec: '20', timeoutSec: '10', replyContains: 'pong' };

export function toDraft(cfg: EndpointConfig): EndpointDraft {
  const hb = cfg.heartbeat;
  const r = cfg.reconnect;
  return {
    id: cfg.id,
    name: cfg.name,
    url: cfg.url,
    transport: cfg.transport === transportFor(cfg.url) ? 'auto' : cfg.transport,
    profile: cfg.profile,
    custom: toCustomDraft(cfg.customProfile),
    enabled: cfg.enabled,
    headers: Object.entries(cfg.headers).map(([name, value]) => ({ name, value })),
    protocols: cfg.protocols.join(', '),
    heartbeatOn: hb !== null,
    heartbeat: hb
      ? { message: hb.message, intervalSec: String(hb.intervalSec), timeoutSec: String(hb.timeoutSec), replyContains: hb.replyContains }
      : HEARTBEAT_DEFAULT,
    reconnectPreset: r.preset,
    reconnect: { baseMs: String(r.baseMs), factor: String(r.factor), maxMs: String(r.maxMs), maxAttempts: r.maxAttempts === null ? '' : String(r.maxAttempts) },
    onHttpError: cfg.onHttpError,
    notify: cfg.notify.map((n) => ({ type: n.type, match: n.match ?? '' })),
    retention: { maxEvents: String(cfg.retention.maxEvents), maxAgeDays: String(cfg.retention.maxAgeDays) },
    recording: cfg.recording ?? false,
    ...(cfg.captured ? { captured: cfg.captured } : {}),
  };
}

/** A blank form for a new endpoint. */
export const emptyDraft = (): EndpointDraft => ({ ...toDraft(newEndpoint({ url: '', name: '' })), transport: 'auto' });

/** A copy of an endpoint under a new id, enabled or not as the original. */
export function duplicateDraft(cfg: EndpointConfig): EndpointDraft {
  return { ...toDraft(cfg), id: newEndpoint({ url: cfg.url, name: cfg.name }).id, name: `${cfg.name} (copy)` };
}

// Header names are HTTP tokens; values must stay on one line.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function fromDraft(d: EndpointDraft): { config: EndpointConfig; errors?: undefined } | { config?: undefined; errors: Errors } {
  const errors: Errors = {};
  const num = (key: string, text: string, what: string): number => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) errors[key] ??= `${what} must be a number`;
    return n;
  };

  // Fields the form hides for the transport (headers for WebSockets; subprotocols and heartbeat
  // for SSE) are left out, so nothing invisible can block a save.
  const ws = draftTransport(d) === 'ws';
  const headers: Record<string, string> = {};
  for (const h of ws ? [] : d.headers) {
    const name = h.name.trim();
    if (!name && !h.value) continue;
    if (!name) errors.headers ??= 'Every header needs a name';
    else if (!HEADER_NAME.test(name)) errors.headers ??= `"${name}" is not a valid header name`;
    else if (Object.keys(headers).some((k) => k.toLowerCase() === name.toLowerCase())) errors.headers ??= `Header "${name}" is listed twice`;
    else if (/[\r\n]/.test(h.value)) errors.headers ??= `The value of "${name}" must be one line`;
    else headers[name] = h.value;
  }

  const heartbeat = ws && d.heartbeatOn
    ? {
        message: d.heartbeat.message,
        intervalSec: num('heartbeat.intervalSec', d.heartbeat.intervalSec, 'Interval'),
        timeoutSec: num('heartbeat.timeoutSec', d.heartbeat.timeoutSec, 'Timeout'),
        replyContains: d.heartbeat.replyContains,
      }
    : null;

  const reconnect: ReconnectPolicy =
    d.reconnectPreset === 'custom'
      ? {
          preset: 'custom',
          baseMs: num('reconnect.baseMs', d.reconnect.baseMs, 'Base delay'),
          factor: num('reconnect.factor', d.reconnect.factor, 'Factor'),
          maxMs: num('reconnect.maxMs', d.reconnect.maxMs, 'Max delay'),
          maxAttempts: d.reconnect.maxAttempts.trim() === '' ? null : num('reconnect.maxAttempts', d.reconnect.maxAttempts, 'Max attempts'),
          jitter: RECONNECT_PRESETS.forever.jitter,
        }
      : RECONNECT_PRESETS[d.reconnectPreset];
  if (reconnect.maxMs < reconnect.baseMs) errors['reconnect.maxMs'] ??= 'Max delay must be at least the base delay';

  // Fully empty rule rows are dropped; the rest keep their row number for error placement.
  const rules = d.notify.map((r, row) => ({ row, type: r.type.trim(), match: r.match.trim() })).filter((r) => r.type || r.match);
  for (const r of rules) {
    const bad = matchError(r.match);
    if (bad) errors[`notify.${r.row}.match`] ??= bad;
  }

  // A definition is kept only with its profile, so an unused one cannot block a save.
  const custom = d.profile === 'custom' ? fromCustomDraft(d.custom) : undefined;
  if (custom?.errors) Object.assign(errors, custom.errors);

  const config: EndpointConfig = {
    ...newEndpoint({ id: d.id, name: d.name, url: d.url.trim(), transport: d.transport === 'auto' ? undefined : d.transport }),
    enabled: d.enabled,
    profile: d.profile,
    headers,
    protocols: ws ? d.protocols.split(',').map((p) => p.trim()).filter(Boolean) : [],
    heartbeat,
    reconnect,
    onHttpError: d.onHttpError,
    notify: rules.map((r) => (r.match ? { type: r.type, match: r.match } : { type: r.type })),
    retention: {
      maxEvents: num('retention.maxEvents', d.retention.maxEvents, 'Events to keep'),
      maxAgeDays: num('retention.maxAgeDays', d.retention.maxAgeDays, 'Days to keep'),
    },
    ...(custom?.def ? { customProfile: custom.def } : {}),
    ...(d.recording ? { recording: true } : {}),
    ...(d.captured ? { captured: d.captured } : {}),
  };

  for (const [key, message] of Object.entries(configErrors(config) ?? {})) {
    // Rule errors from the schema carry the index among kept rows; point them at the form row.
    const rule = /^notify\.(\d+)\.(.+)$/.exec(key);
    const formKey = rule ? `notify.${rules[Number(rule[1])]?.row ?? rule[1]}.${rule[2]}` : key;
    errors[formKey] ??= message;
  }
  return Object.keys(errors).length > 0 ? { errors } : { config };
}
