import { z } from 'zod';

const OriginListSchema = z.array(z.string());

/** The origin of a page URL that can be captured (http or https), or undefined. */
export function captureOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The stored list, keeping only well-formed origins, without duplicates. */
export function parseOrigins(raw: unknown): string[] {
  const r = OriginListSchema.safeParse(raw);
  if (!r.success) return [];
  const out = new Set<string>();
  for (const o of r.data) {
    const origin = captureOrigin(o);
    if (origin) out.add(origin);
  }
  return [...out];
}

export const withOrigin = (list: string[], origin: string, on: boolean): string[] =>
  on ? [...new Set([...list, origin])] : list.filter((o) => o !== origin);

/**
 * Match pattern for an origin's pages. Match patterns cannot name a port, so the pattern
 * covers every port of the host; the background checks the exact origin of each frame.
 */
export function originMatchPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
