import { configErrors, EndpointConfigSchema, newEndpoint, type EndpointConfig } from '../config/endpoint';

/**
 * The endpoint list file: `{"version": 1, "endpoints": [EndpointConfig, ...]}`, each entry as
 * stored (see lib/config/endpoint.ts). Header values are secrets: an export leaves them out
 * (`headers: {}`) unless asked. An import fills missing fields with the defaults of a new
 * endpoint, so `{"name": "x", "url": "wss://…"}` is a valid entry. A custom profile travels
 * with its endpoint (`customProfile`) and is validated with it.
 */
export const EXPORT_VERSION = 1;

export function exportEndpoints(list: readonly EndpointConfig[], includeSecrets: boolean): string {
  const endpoints = list.map((e) => (includeSecrets ? e : { ...e, headers: {} }));
  return `${JSON.stringify({ version: EXPORT_VERSION, endpoints }, null, 2)}\n`;
}

export interface ImportProblem {
  /** 1-based position in the file. */
  entry: number;
  name: string;
  errors: string[];
}

export type ImportResult = { endpoints: EndpointConfig[]; problems: ImportProblem[] } | { fatal: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function importEndpoints(text: string): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { fatal: `The file is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isObject(doc) || !Array.isArray(doc.endpoints)) return { fatal: 'Expected {"version": 1, "endpoints": [...]}' };
  if (doc.version !== EXPORT_VERSION) return { fatal: `Unsupported version ${JSON.stringify(doc.version)}: this Streamscope reads version 1` };

  const endpoints: EndpointConfig[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  doc.endpoints.forEach((item: unknown, i) => {
    const entry = i + 1;
    if (!isObject(item)) {
      problems.push({ entry, name: `entry ${entry}`, errors: ['not an endpoint object'] });
      return;
    }
    const name = typeof item.name === 'string' && item.name ? item.name : `entry ${entry}`;
    const candidate = newEndpoint({ ...(item as Partial<EndpointConfig>), name: String(item.name ?? ''), url: String(item.url ?? '') });
    const errors = configErrors(candidate);
    if (errors) {
      problems.push({ entry, name, errors: Object.entries(errors).map(([field, message]) => `${field}: ${message}`) });
      return;
    }
    const first = seen.get(candidate.id);
    if (first !== undefined) {
      problems.push({ entry, name, errors: [`same id as entry ${first}`] });
      return;
    }
    seen.set(candidate.id, entry);
    // As the schema reads it: defaults filled in, strings trimmed, unknown keys left behind.
    endpoints.push(EndpointConfigSchema.parse(candidate));
  });
  return { endpoints, problems };
}
