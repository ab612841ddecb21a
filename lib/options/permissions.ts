/**
 * Host permissions. The manifest grants loopback only; other origins are asked for when an
 * endpoint is saved. Patterns use http(s) for WebSocket URLs too: that is what every browser
 * accepts in a permission request, and the WebSocket itself needs no host permission.
 */
export function originPattern(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = { 'http:': 'http', 'ws:': 'http', 'https:': 'https', 'wss:': 'https' }[u.protocol];
  return scheme && u.hostname ? `${scheme}://${u.hostname}/*` : undefined;
}

const PATTERN = /^(\*|https?|wss?):\/\/([^/]+)\//;

const parts = (pattern: string): { scheme: string; host: string } | undefined => {
  const m = PATTERN.exec(pattern);
  return m ? { scheme: m[1] ?? '', host: m[2] ?? '' } : undefined;
};

/** True when one of the granted match patterns covers `pattern` (as made by `originPattern`). */
export function covers(granted: readonly string[], pattern: string): boolean {
  const want = parts(pattern);
  if (!want) return false;
  return granted.some((g) => {
    if (g === '<all_urls>') return true;
    const have = parts(g);
    if (!have) return false;
    const schemeOk = have.scheme === want.scheme || (have.scheme === '*' && /^https?$/.test(want.scheme));
    const wild = have.host.startsWith('*.') ? have.host.slice(1) : undefined;
    const hostOk = have.host === '*' || have.host === want.host || (wild !== undefined && (`.${want.host}`.endsWith(wild)));
    return schemeOk && hostOk;
  });
}
