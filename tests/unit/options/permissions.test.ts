import { describe, expect, it } from 'vitest';
import { covers, originPattern } from '../../../lib/options/permissions';

const MANIFEST = ['http://127.0.0.1/*', 'ws://127.0.0.1/*', 'http://localhost/*', 'ws://localhost/*'];

describe('host permissions', () => {
  it('asks for the host, with http(s) for WebSockets', () => {
    expect(originPattern('https://api.example.com:8443/events?x=1')).toBe('https://api.example.com/*');
    expect(originPattern('ws://127.0.0.1:8787/ws')).toBe('http://127.0.0.1/*');
    expect(originPattern('wss://h.example/ws')).toBe('https://h.example/*');
    expect(originPattern('ftp://h/x')).toBeUndefined();
    expect(originPattern('nope')).toBeUndefined();
  });

  it('knows what the manifest and later grants cover', () => {
    expect(covers(MANIFEST, 'http://127.0.0.1/*')).toBe(true);
    expect(covers(MANIFEST, 'http://localhost/*')).toBe(true);
    expect(covers(MANIFEST, 'https://localhost/*')).toBe(false);
    expect(covers(MANIFEST, 'https://example.com/*')).toBe(false);
    expect(covers(['<all_urls>'], 'https://example.com/*')).toBe(true);
    expect(covers(['*://*/*'], 'http://example.com/*')).toBe(true);
    expect(covers(['https://*.example.com/*'], 'https://a.b.example.com/*')).toBe(true);
    expect(covers(['https://*.example.com/*'], 'https://example.com/*')).toBe(true);
    expect(covers(['https://*.example.com/*'], 'https://badexample.com/*')).toBe(false);
  });
});
