import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegex, requiredRun } from '../../../lib/query/regex-literal';

const compiles = (p: string): RegExp | undefined => {
  try {
    return new RegExp(p, 'i');
  } catch {
    return undefined;
  }
};

describe('the run of characters every match of a pattern holds', () => {
  it.each([
    ['"n":1234[5]\\}', '"n":1234'],
    ['abc+d', 'abc'],
    ['ab?cd', 'cd'],
    ['x{0,3}yz', 'yz'],
    ['a{2}bc', 'bc'],
    ['a{b', 'a{b'],
    ['\\x41BC', 'BC'],
    ['\\xZZ', 'ZZ'],
    ['(abc)de', 'de'],
    ['[abc]de', 'de'],
    ['[]]de', ']de'],
    ['\\d+foo\\.', 'foo.'],
    ['\\bword\\b', 'word'],
    ['(?<g>a)\\k<g>xy', 'xy'],
  ])('%s holds %s', (pattern, run) => {
    expect(compiles(pattern)).toBeDefined();
    expect(requiredRun(pattern)).toBe(run);
  });

  it.each(['a|b', 'ab|c', '\\x|ab', '\\c|ab', '\\u|ab', '.*', '[a-z]+', '(ab)', 'a?', ''])('%s holds nothing it must', (pattern) => {
    expect(compiles(pattern)).toBeDefined();
    expect(requiredRun(pattern)).toBeUndefined();
  });

  it('is in every string a pattern matches', () => {
    const atoms = ['a', 'b', 'A', '"', '\\\\', '\\.', '.', '[ab]', '[^a]', '[]a]', '(a|b)', '(?:ab)', '(?=a)', '\\d', '\\w', '\\x41', '\\x4', '\\u0062', '\\c', '\\cA', '\\b', '^', '$', '{', '}', ']', '\\k<n>', '(?<n>b)', '\\1', '\\0', '|'];
    const quantifiers = ['', '', '', '?', '*', '+', '{2}', '{0,1}', '{1,}', '{00}', '*?', '+?', '{,2}'];
    const pattern = fc.array(fc.tuple(fc.constantFrom(...atoms), fc.constantFrom(...quantifiers)), { maxLength: 6 }).map((parts) => parts.map(([a, q]) => a + q).join(''));
    const pieces = ['a', 'b', 'A', 'B', 'ab', 'aa', 'bA', '"', '\\', '.', '{', '}', ']', '1', 'x', 'k<n>', 'c', ',', '\u0001'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((cs) => cs.join(''));
    let checked = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (p, texts) => {
        const re = compiles(p);
        const run = requiredRun(p);
        if (!re || run === undefined) return;
        const holds = new RegExp(escapeRegex(run), 'i');
        for (const s of texts) {
          if (!re.test(s)) continue;
          checked++;
          expect(holds.test(s), `${JSON.stringify(p)} matches ${JSON.stringify(s)} without ${JSON.stringify(run)}`).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
    // The property is only as good as the matches it saw.
    expect(checked).toBeGreaterThan(1_000);
  });
});
