import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFieldQuery, parseFieldQuery, type FieldExpr } from '../../../lib/query/field-query';
import { valuesInJson } from '../../../lib/query/values-in-json';

const parsed = (q: string): FieldExpr => {
  const r = parseFieldQuery(q);
  if (!r.ok) throw new Error(r.error);
  return r.query;
};
/** A chunk's JSON text as packing writes it: rows whose `data` is the event's JSON text (their other fields left out). */
const chunkJson = (datas: readonly string[]): string => JSON.stringify(datas.map((data) => ({ dir: 'in', data })));
/**
 * Whether the test lets the chunk through, by its decoded text; its bytes (read before decoding)
 * must then let it through too.
 */
const mayMatch = (q: string, datas: readonly string[]): boolean => {
  const t = valuesInJson(parsed(q));
  if (!t) return true;
  const json = chunkJson(datas);
  const byText = t.text(json);
  if (byText) expect(t.bytes(new TextEncoder().encode(json)), `${q} by the bytes of ${json}`).toBe(true);
  return byText;
};
/** Whether the test lets the chunk through by its bytes alone. */
const mayMatchBytes = (q: string, datas: readonly string[]): boolean => valuesInJson(parsed(q))!.bytes(new TextEncoder().encode(chunkJson(datas)));
const matches = (q: string, data: string): boolean => {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return false;
  }
  return matchFieldQuery(parsed(q), payload);
};

const NUMBERS = [0, 5, 7, 12345, 1.5, -7, 0.1, 0.3, 0.7, 2.675, 1.1e-200, 1e21, 5e-324, 123456789012345, Number.MAX_VALUE];
/** Literals just below a value, whose digits are not its digits (those equal to x are kept for x). */
const NEAR = ['0.09999999999999999861', '0.0999999999999999986e0', '1.49999999999999999999', '0.99999999999999999', '6.99999999999999999999', '4.99999999999999999e0', '123456789012344.99999', '3e-324', '1.7976931348623158e308'];
/** Ways JSON can write `x`, including those whose digits are not x's shortest digits. */
function literals(x: number): string[] {
  const out = [JSON.stringify(x), x.toExponential(), `${x}`.includes('e') ? `${x}` : `${x}.000`, `${x * 10}e-1`, `${x / 100}E+2`, x.toPrecision(21)];
  if (Number.isInteger(x) && x > 0 && x < 2 ** 50) out.push(`${x - 1}.${'9'.repeat(20)}`);
  if (x === 0) out.push('1e-400', '-0', '0.0e7');
  out.push(...NEAR.map((l) => (x < 0 ? `-${l}` : l)));
  if (x === Number.MAX_VALUE) out.push('1.79769313486231581e308');
  return out.filter((l) => Number(l) === x);
}
/** Ways a query can ask for `x`. */
const asked = (x: number): string[] => [String(x), x.toExponential(), ...(x >= 0 ? [`+${x}`] : []), `${x}.0`].filter((v) => /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v));
/** A JSON string literal for `s`, with or without escapes. */
const stringLiterals = (s: string): string[] => [JSON.stringify(s), `"${[...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`];

describe('a field query’s values in a chunk’s JSON text', () => {
  it('never rules out a chunk holding an event that matches', () => {
    const number = fc.constantFrom(...NUMBERS);
    const str = fc.constantFrom('failed', 'a"b', 'x\\y', 'line\nbreak', 'true', '12345', 'é', '');
    const lit = fc.oneof(
      number.chain((x) => fc.constantFrom(...literals(x), ...literals(-x))),
      str.chain((s) => fc.constantFrom(...stringLiterals(s))),
      number.chain((x) => fc.constantFrom(...stringLiterals(String(x)))),
      fc.constantFrom('true', 'false', 'null', '1e400', '-1e400', '[1, 2]', '{"a": 1}'),
    );
    const value = fc.oneof(number.chain((x) => fc.constantFrom(...asked(x), ...asked(-x))), str.map((s) => JSON.stringify(s)), fc.constantFrom('true', 'null', '1e400', '"[1,2]"', '"{\\"a\\":1}"'));
    const query = fc.oneof(
      value.map((v) => `payload.n=${v}`),
      fc.tuple(value, value).map(([a, b]) => `n in (${a}, ${b})`),
      fc.tuple(value, value).map(([a, b]) => `n=${a} or s=${b}`),
      fc.tuple(value, value).map(([a, b]) => `n=${a} and s=${b}`),
    );
    const data = fc.tuple(lit, lit, fc.boolean()).map(([n, s, spaced]) => (spaced ? `{ "payload": { "n" : ${n},\n "s": ${s} } }` : `{"n":${n},"s":${s}}`));
    fc.assert(
      fc.property(query, fc.array(data, { minLength: 1, maxLength: 4 }), (q, datas) => {
        if (datas.some((d) => matches(q, d))) expect(mayMatch(q, datas)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('never rules out a number written in any of the ways JSON can write it, asked in any way', () => {
    for (const x of NUMBERS.flatMap((x) => [x, -x]))
      for (const lit of literals(x))
        for (const v of asked(x)) {
          const data = `{"id":"pad","n":${lit}}`;
          expect([v, lit, matches(`n=${v}`, data)]).toEqual([v, lit, true]);
          expect([v, lit, mayMatch(`n=${v}`, [data])]).toEqual([v, lit, true]);
        }
  });

  it('rules out a chunk that writes the value nowhere, in no form', () => {
    const datas = ['{"n":1234,"s":"failed","pad":"a1b2c3"}', '{"n":23456,"s":"ok","t":1.25e3}'];
    expect(mayMatch('n=12345', datas)).toBe(false);
    expect(mayMatch('n=12345', [...datas, '{"n":1.2345e4}'])).toBe(true);
    expect(mayMatch('n=12345', [...datas, '{"n":123.45e2}'])).toBe(true);
    expect(mayMatch('s=stopped', datas)).toBe(false);
    expect(mayMatch('s in (stopped, failed)', datas)).toBe(true);
    expect(mayMatch('n=12345 and s=failed', datas)).toBe(false);
    expect(mayMatch('n=12345 or s=failed', datas)).toBe(true);
  });

  it('looks closer only where the text may hide the value: escapes, long or far-scaled numbers', () => {
    expect(mayMatch('s=stopped', ['{"s":"st\\u006fpped"}'])).toBe(true);
    expect(mayMatch('n=12345', ['{"n":12344.99999999999999999}'])).toBe(true);
    expect(mayMatch('n=12345', ['{"n":12344.99999}'])).toBe(false);
    expect(mayMatch('n=0.1', ['{"n":0.09999999999999999861}'])).toBe(true);
    expect(mayMatch('n=0.1', ['{"n":0.0999999}'])).toBe(false);
    expect(mayMatch('n=0', ['{"n":1e-999}'])).toBe(true);
    expect(mayMatch('n=5', ['{"n":1e-999}'])).toBe(false);
    expect(mayMatch('n=1e400', ['{"n":9e999}'])).toBe(true);
    // Letters and digits with an `e` among them are looked at as a number, and are not this one.
    expect(mayMatch('n=8', ['{"n":1,"id":"a3e105f"}'])).toBe(false);
  });

  it('rules out by the bytes, before decoding, what is plainly written nowhere', () => {
    const datas = ['{"n":1234,"s":"faïled"}', '{"n":123.4e2,"s":"stopped"}'];
    expect(mayMatchBytes('n=12345', datas)).toBe(false);
    expect(mayMatchBytes('n=1234', datas)).toBe(true);
    expect(mayMatchBytes('n=12340', datas)).toBe(true);
    expect(mayMatchBytes('s=faïled', datas)).toBe(true);
    expect(mayMatchBytes('s=failed', datas)).toBe(false);
    // Data with a backslash may write any string, or a number compared as text, with escapes.
    const escaped = [...datas, '{"s":"st\\\\opped"}'];
    expect(mayMatchBytes('s=failed', escaped)).toBe(true);
    expect(mayMatchBytes('n=12345', escaped)).toBe(true);
    // Long or far-scaled literals are not read from the bytes: they pass, for the text to judge.
    expect(mayMatchBytes('n=0', ['{"n":1}'])).toBe(true);
    expect(mayMatch('n=0', ['{"n":1}'])).toBe(false);
  });

  it('cannot rule out for what the text does not settle', () => {
    for (const q of ['n!=1', 'n>1', 's~fail', 'n', 'not n=1', 'n="[1,2]"', 'n={}', 'n=1 or s~x', 'n in (1, "[2]")']) expect(valuesInJson(parsed(q))).toBeUndefined();
    expect(valuesInJson(parsed('n>1 and s=x'))).toBeDefined();
  });
});
