import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Size } from '../../../lib/model/event';

describe('utf8Size', () => {
  it('counts ASCII, 2-, 3- and 4-byte characters, and lone surrogates as U+FFFD', () => {
    expect(utf8Size('')).toBe(0);
    expect(utf8Size('abc')).toBe(3);
    expect(utf8Size('é')).toBe(2);
    expect(utf8Size('€')).toBe(3);
    expect(utf8Size('😀')).toBe(4);
    expect(utf8Size('\ud800')).toBe(3);
    expect(utf8Size('\udc00x')).toBe(4);
  });

  it('equals the length TextEncoder produces for any string', () => {
    const enc = new TextEncoder();
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Size(s) === enc.encode(s).length));
  });
});
