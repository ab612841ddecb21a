/*
 * Action Cable's JSON-in-JSON fields, read for the profile's summaries and its state alike
 * (both sit above this layer). Untrusted input: nothing here throws.
 */

const MAX = 120;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A subscription's identifier is the JSON text of its channel and params,
 * `{"channel":"ChatChannel","room":"lobby"}`: read as `ChatChannel room=lobby`.
 */
export function channelLabel(identifier: unknown): string {
  if (typeof identifier !== 'string') return '?';
  const parsed = parse(identifier);
  if (!isObject(parsed)) return identifier.slice(0, MAX);
  const { channel, ...params } = parsed;
  const rest = Object.entries(params).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [typeof channel === 'string' ? channel : '?', ...rest].join(' ').slice(0, MAX);
}

/** A client `message` command calls a channel action: its `data` is JSON text with an `action`. */
export function performed(data: unknown): { action?: string; args: unknown } {
  const payload = typeof data === 'string' ? parse(data) : data;
  if (!isObject(payload)) return { args: payload };
  const { action, ...args } = payload;
  return { action: typeof action === 'string' ? action : undefined, args };
}
