import { EndpointConfigSchema, type EndpointConfig } from './endpoint';

export interface LoadedEndpoints {
  valid: EndpointConfig[];
  /** Entries that failed validation: kept in storage untouched, reported, never connected. */
  rejected: { id: string; name: string; error: string }[];
}

/** Validates a stored endpoint list entry by entry, so one bad entry does not stop the others. */
export function parseEndpointList(raw: unknown): LoadedEndpoints {
  const out: LoadedEndpoints = { valid: [], rejected: [] };
  if (!Array.isArray(raw)) return out;
  raw.forEach((item, i) => {
    const r = EndpointConfigSchema.safeParse(item);
    if (r.success) {
      out.valid.push(r.data);
      return;
    }
    const obj = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const first = r.error.issues[0];
    out.rejected.push({
      id: typeof obj.id === 'string' ? obj.id : `#${i}`,
      name: typeof obj.name === 'string' ? obj.name : `entry ${i + 1}`,
      error: first ? `${first.path.join('.') || 'config'}: ${first.message}` : 'invalid endpoint',
    });
  });
  return out;
}
