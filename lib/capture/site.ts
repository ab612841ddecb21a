import { newEndpoint, type EndpointConfig } from '../config/endpoint';
import { appendEndpoints, readStored, writeStored, type StorageArea } from '../config/stored';
import { originMatchPattern, parseOrigins, withOrigin } from './origins';

/** The extension APIs a page uses to switch capture and adopt streams (injected for tests). */
export interface SiteApis {
  storage: StorageArea;
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
}

export async function capturedOrigins(apis: Pick<SiteApis, 'storage'>): Promise<string[]> {
  return parseOrigins(await readStored(apis.storage, 'captureOrigins'));
}

/**
 * Switches capture on or off for an origin. On asks for the origin's host permission first
 * (call it from a click: browsers only ask during a user gesture); refused, nothing changes.
 * Returns an error in plain words, or undefined.
 */
export async function setSiteCapture(apis: SiteApis, origin: string, on: boolean): Promise<string | undefined> {
  if (on) {
    let granted = false;
    try {
      granted = await apis.permissions.request({ origins: [originMatchPattern(origin)] });
    } catch (err) {
      return `Could not ask for access to ${origin}: ${String(err)}`;
    }
    if (!granted) return `Access to ${origin} was not granted: its streams cannot be captured`;
  }
  const list = await capturedOrigins(apis);
  await writeStored(apis.storage, 'captureOrigins', withOrigin(list, origin, on));
  return undefined;
}

/** Why a captured stream cannot become an endpoint, or undefined when it can. */
export function adoptProblem(src: EndpointConfig): string | undefined {
  const how = src.captured;
  if (!how) return 'Not a captured stream';
  if (how.method && how.method !== 'GET') return `The page sent a ${how.method} request: an endpoint reads its stream with GET`;
  return undefined;
}

/** A configured endpoint that reads the captured stream itself: URL, subprotocols, visible headers. */
export function adoptedEndpoint(src: EndpointConfig): EndpointConfig {
  return newEndpoint({
    name: src.name.replace(/ \(tab \d+\)$/, ''),
    url: src.url,
    transport: src.transport,
    protocols: src.protocols,
    headers: src.headers,
    profile: src.profile,
    ...(src.customProfile ? { customProfile: src.customProfile } : {}),
  });
}

/** Adds the adopted endpoint to the stored list; returns it. */
export async function adopt(apis: Pick<SiteApis, 'storage'>, src: EndpointConfig): Promise<EndpointConfig> {
  const cfg = adoptedEndpoint(src);
  await appendEndpoints(apis.storage, [cfg]);
  return cfg;
}
