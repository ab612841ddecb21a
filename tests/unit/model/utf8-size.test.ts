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

  it('the same for strings longer than the reused buffer holds (64K units), counted, not encoded', () => {
    const enc = new TextEncoder();
    const long = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map((s) => s.repeat(Math.ceil(70_000 / s.length)));
    fc.assert(fc.property(long, (s) => s.length > 65_536 && utf8Size(s) === enc.encode(s).length), { numRuns: 50 });
    // A pair split across the boundary of 64K units, and a string of exactly 64K.
    expect(utf8Size(`${'a'.repeat(65_535)}😀`)).toBe(65_539);
    expect(utf8Size('é'.repeat(65_536))).toBe(131_072);
  });
});
