import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegex, requiredRuns } from '../../../lib/query/regex-literal';

const compiles = (p: string): RegExp | undefined => {
  try {
    return new RegExp(p, 'i');
  } catch {
    return undefined;
  }
};

describe('the runs of characters every match of a pattern holds', () => {
  it.each<[string, string[][]]>([
    ['"n":1234[5]\\}', [['"n":12345}']]],
    ['"n":1234[56]\\}', [['"n":12345}', '"n":12346}']]],
    ['id-[a-c]x', [['id-ax', 'id-bx', 'id-cx']]],
    ['[-a]b[a\\-c]', [['-ba', '-b-', '-bc', 'aba', 'ab-', 'abc']]],
    ['x[0-9][0-9]y', [['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8', 'x9'], ['0y', '1y', '2y', '3y', '4y', '5y', '6y', '7y', '8y', '9y']]],
    ['abc+d', [['abc'], ['d']]],
    ['ab?cd', [['a'], ['cd']]],
    ['x{0,3}yz', [['yz']]],
    ['a{2}bc', [['a'], ['bc']]],
    ['a{b', [['a{b']]],
    ['\\x41BC', [['BC']]],
    ['\\xZZ', [['ZZ']]],
    ['(abc)de', [['abcde']]],
    ['"n":(12345)\\}', [['"n":12345}']]],
    ['fail(?:ed|ure)!', [['failed!', 'failure!']]],
    ['(?<g>x[ab])y', [['xay', 'xby']]],
    ['(a+)bc', [['bc']]],
    ['(?=ab)cd', [['ab'], ['cd']]],
    ['"n":(?=12345\\})\\d+\\}', [['"n":12345}'], ['}']]],
    ['id(?=-a|-b)', [['id-a', 'id-b']]],
    ['x(?=\\d)y', [['x'], ['y']]],
    ['x(?!ab)cd', [['x'], ['cd']]],
    ['x(?=ab)*cd', [['x'], ['cd']]],
    ['failed|error|time(out)?', [['failed', 'error', 'time']]],
    ['ab|c', [['ab', 'c']]],
    ['a{0}bc|x{0,2}yz', [['bc', 'yz']]],
    ['[^abc]de', [['de']]],
    ['[a-z]de', [['de']]],
    ['[\\d]de', [['de']]],
    ['[]]de', [[']de']]],
    ['\\d+foo\\.', [['foo.']]],
    ['\\bword\\b', [['word']]],
    ['(?<g>a)\\k<g>xy', [['a'], ['xy']]],
  ])('%s holds %j', (pattern, runs) => {
    expect(compiles(pattern)).toBeDefined();
    expect(requiredRuns(pattern)).toEqual(runs);
  });

  it.each(['a|.', 'ab|c*', '\\x|ab', '\\c|ab', '\\u|ab', '.*', '[a-z]+', '(a|b+)', 'a?', '', '(?<=a)'])('%s holds nothing it must', (pattern) => {
    expect(compiles(pattern)).toBeDefined();
    expect(requiredRuns(pattern)).toEqual([]);
  });

  it('is in every string a pattern matches', () => {
    const atoms = ['a', 'b', 'A', '"', '\\\\', '\\.', '.', '[ab]', '[^a]', '[]a]', '[a-c]', '[-b]', '[b-]', '[a\\-c]', '[\\]b]', '[Aa]', '(a|b)', '(?:ab)', '(?=a)', '(?=ab)', '(?=a|bA)', '(?=[ab])', '(?!a)', '(ab|c)', '(|a)', '(a(b|c))', '(?:a|)b', '\\d', '\\w', '\\x41', '\\x4', '\\u0062', '\\c', '\\cA', '\\b', '^', '$', '{', '}', ']', '\\k<n>', '(?<n>b)', '\\1', '\\0', '|'];
    const quantifiers = ['', '', '', '?', '*', '+', '{2}', '{0,1}', '{1,}', '{00}', '*?', '+?', '{,2}'];
    const pattern = fc.array(fc.tuple(fc.constantFrom(...atoms), fc.constantFrom(...quantifiers)), { maxLength: 6 }).map((parts) => parts.map(([a, q]) => a + q).join(''));
    const pieces = ['a', 'b', 'A', 'B', 'ab', 'aa', 'bA', 'c', '-', '"', '\\', '.', '{', '}', ']', '1', 'x', 'k<n>', ',', '\u0001'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((cs) => cs.join(''));
    let checked = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (p, texts) => {
        const re = compiles(p);
        const runs = requiredRuns(p);
        if (!re || runs.length === 0) return;
        for (const s of texts) {
          if (!re.test(s)) continue;
          checked++;
          for (const run of runs) {
            const holds = new RegExp(run.map(escapeRegex).join('|'), 'i');
            expect(holds.test(s), `${JSON.stringify(p)} matches ${JSON.stringify(s)} without any of ${JSON.stringify(run)}`).toBe(true);
          }
        }
      }),
      { numRuns: 20_000 },
    );
    // The property is only as good as the matches it saw.
    expect(checked).toBeGreaterThan(1_000);
  });
});
