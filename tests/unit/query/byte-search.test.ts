import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesNeedle, holds, holdsDotted } from '../../../lib/query/byte-search';
import { escapeRegex } from '../../../lib/query/regex-literal';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
// Letters in both cases, ASCII and not, with characters whose case maps outside ASCII (K is the Kelvin sign).
const text = fc.string({ unit: fc.constantFrom('a', 'A', 'k', 'K', '\u212a', 'é', 'É', 'ſ', 's', 'S', '.', '1', '2', '😀', '"') });

describe('text in UTF-8 bytes', () => {
  it('holds exactly what the decoded string includes', () => {
    fc.assert(
      fc.property(text, text, (hay, needle) => {
        expect(holds(utf8(hay), bytesNeedle(needle, false)!)).toBe(hay.includes(needle));
      }),
      { numRuns: 5_000 },
    );
  });

  it('ignoring case, holds what a case-blind regex finds, or has no needle beyond ASCII', () => {
    fc.assert(
      fc.property(text, text, (hay, needle) => {
        const n = bytesNeedle(needle, true);
        // eslint-disable-next-line no-control-regex
        expect(n === undefined).toBe(/[^\x00-\x7f]/.test(needle));
        if (n) expect(holds(utf8(hay), n)).toBe(new RegExp(escapeRegex(needle), 'i').test(hay));
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds digits in a row, each pair maybe split by a point', () => {
    const dotted = (digits: string) => new RegExp(digits.split('').join('\\.?'));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '2', '3', '.', 'e', '-') }), fc.array(fc.string({ unit: fc.constantFrom('1', '2', '3'), minLength: 1, maxLength: 4 }), { maxLength: 3 }), (hay, runs) => {
        expect(holdsDotted(utf8(hay), runs.map(utf8))).toBe(runs.some((r) => dotted(r).test(hay)));
      }),
      { numRuns: 5_000 },
    );
    expect(holdsDotted(utf8('n:123.45'), [utf8('12345')])).toBe(true);
    expect(holdsDotted(utf8('n:123..45'), [utf8('12345')])).toBe(false);
  });
});
