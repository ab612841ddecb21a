/** Query parameter names that carry credentials in stream URLs (tokens are often passed this way to WebSockets and EventSource, which cannot send headers). */
const SECRET_PARAM = /token|auth|secret|passw|pwd|api[-_]?key|^key$|session|sig(nature)?$|credential|jwt|bearer|^code$/i;

/**
 * The URL without credentials: user info, secret-looking query parameters and the fragment
 * (OAuth implicit flows put tokens there) are removed. Text that is not a URL is returned as is.
 */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.username = '';
  u.password = '';
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) if (SECRET_PARAM.test(name)) u.searchParams.delete(name);
  return u.toString();
}
