/*
 * Readers of an endpoint's URL for `Profile.detectUrl`. Paths are matched on whole segments,
 * case-insensitively: `/graphql` and `/api/graphql/` are GraphQL's, `/graphqlish` is not.
 */

/** The URL's path segments, lower case, without empty ones. */
export const segments = (url: URL): string[] =>
  url.pathname
    .toLowerCase()
    .split('/')
    .filter((s) => s !== '');

/** True when the path has `parts` as consecutive segments, e.g. `hasPath(url, 'v1', 'messages')`. */
export function hasPath(url: URL, ...parts: string[]): boolean {
  const segs = segments(url);
  for (let i = 0; i + parts.length <= segs.length; i++) if (parts.every((p, j) => segs[i + j] === p)) return true;
  return false;
}

/** True when the path ends with `parts`, e.g. `endsWithPath(url, 'cable')`. */
export function endsWithPath(url: URL, ...parts: string[]): boolean {
  const segs = segments(url);
  return segs.length >= parts.length && parts.every((p, j) => segs[segs.length - parts.length + j] === p);
}

/** The AI SDK's UI message stream says so in a header (`v1`). */
export const UI_STREAM_HEADER = 'x-vercel-ai-ui-message-stream';
/** Response headers that name a protocol: a transport that sees them puts them in its `connected` marker. */
export const TELLING_HEADERS: readonly string[] = [UI_STREAM_HEADER];
