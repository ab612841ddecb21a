import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../lib/model/event';
import { fieldRanges, rangesTest } from '../../../lib/query/field-ranges';
import { matchFieldQuery, parseFieldQuery } from '../../../lib/query/field-query';
import { formatPath } from '../../../lib/query/path';
import { packEvents } from '../../../lib/store/packing';

const event = (data: string, seq = 1): StreamEvent => ({ endpointId: 'a', seq, time: 1, dir: 'in', transport: 'sse', data, size: data.length });
/** The ranges of a chunk of these data, as the writer keeps them. */
const rangesOf = (datas: readonly string[]) => packEvents(datas.map((d, i) => event(d, i + 1))).terms!.ranges!;
const query = (text: string) => {
  const parsed = parseFieldQuery(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.query;
};
/** Whether the chunk's ranges may hold a match of the field query (true when it asks them nothing). */
const mayMatch = (datas: readonly string[], text: string) => rangesTest(query(text))?.(rangesOf(datas)) ?? true;

/** JSON with the given whitespace between its tokens (JSON.stringify writes none, or only newlines and indents). */
function spaced(v: unknown, ws: () => string): string {
  if (Array.isArray(v)) return `[${ws()}${v.map((x) => spaced(x, ws)).join(`${ws()},${ws()}`)}${ws()}]`;
  if (v !== null && typeof v === 'object') {
    const body = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}${ws()}:${ws()}${spaced(x, ws)}`);
    return `{${ws()}${body.join(`${ws()},${ws()}`)}${ws()}}`;
  }
  return JSON.stringify(v);
}

describe('field ranges', () => {
  it('keeps the least and greatest number under each name, wherever it is nested', () => {
    const datas = ['{"n":5,"payload":{"n":-2.5,"m":1e3}}', '{"items":[{"n":40}],"s":"x"}', 'not json: "n": 99'];
    expect(mayMatch(datas, 'payload.n = 40')).toBe(true);
    expect(mayMatch(datas, 'n >= 99')).toBe(true);
    expect(mayMatch(datas, 'n > 99')).toBe(false);
    expect(mayMatch(datas, 'n < -2.5')).toBe(false);
    expect(mayMatch(datas, 'n <= -2.5')).toBe(true);
    expect(mayMatch(datas, 'm = 1000')).toBe(true);
    expect(mayMatch(datas, 'm = 1001')).toBe(false);
    expect(mayMatch(datas, 'n in (-6, 100, 200)')).toBe(false);
    expect(mayMatch(datas, 'n in (-6, 100, 7)')).toBe(true);
    // A name with no number (nor string) under it anywhere rules the chunk out.
    expect(mayMatch(datas, 'missing = 1')).toBe(false);
    expect(mayMatch(datas, 'items > 0')).toBe(false);
    // `or` needs each side's test; `not`, `!=`, `~` and text values ask nothing.
    expect(mayMatch(datas, 'n > 99 or m = 1000')).toBe(true);
    expect(mayMatch(datas, 'n > 99 or m = 1001')).toBe(false);
    expect(mayMatch(datas, 'n > 99 or s = x')).toBe(true);
    expect(mayMatch(datas, 'not n > 99')).toBe(true);
    expect(mayMatch(datas, 'n != 1')).toBe(true);
    expect(rangesTest(query('s = x'))).toBeUndefined();
  });

  it('reads a chunk whose name holds a string for any comparison: a numeric string compares as its number', () => {
    expect(mayMatch(['{"n":"500"}'], 'n > 100')).toBe(true);
    expect(matchFieldQuery(query('n > 100'), { n: '500' })).toBe(true);
    expect(mayMatch(['{"n":3}', '{"n":"x"}'], 'n = 7')).toBe(true);
  });

  it('finds keys through the data’s escapes, spacing and long literals', () => {
    const odd = { 'a"b': 1, 'c\\': 2, é: 3, 'd\ne': 4, '': 5, big: 1e300, long: '1'.repeat(40) };
    const ranges = rangesOf([spaced(odd, () => '\n\t '), JSON.stringify({ huge: Number('9'.repeat(400)) }).replace('null', '9'.repeat(400))]);
    for (const [k, v] of Object.entries(odd)) expect([k, rangesTest(query(`${formatPath([k])} = ${typeof v === 'number' ? v : 7}`))!(ranges)]).toEqual([k, true]);
    expect(rangesTest(query(`${formatPath(['a"b'])} = 2`))!(ranges)).toBe(false);
    expect(rangesTest(query('huge > 1e308'))!(ranges)).toBe(true);
    // A number literal of a million digits is read without trouble.
    expect(fieldRanges(new TextEncoder().encode(JSON.stringify([{ data: `{"x":${'7'.repeat(1_000_000)}}` }])))).toBeDefined();
  });

  it('keeps no ranges for data whose names are values (more than 1,024 of them)', () => {
    const data = JSON.stringify(Object.fromEntries(Array.from({ length: 1_100 }, (_, i) => [`id${i}`, i])));
    expect(packEvents([event(data)]).terms!.ranges).toBeUndefined();
    expect(packEvents([event('{"n":1}')]).terms!.ranges).toBeDefined();
  });

  it('never rules out a chunk holding a match (generated data, spacing and queries)', () => {
    const name = fc.constantFrom('n', 'm', 'a"b', 'c\\', 'é', 'x y');
    const num = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.5, -0, 1e21, 123456789012345680000));
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, num, fc.constantFrom('7', ' 8 ', 'x', '1e2', null, true), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(name, tie('v'), { maxKeys: 3 })),
    })).v;
    const ws = fc.array(fc.constantFrom('', ' ', '\n', '\t', '\r'), { minLength: 1, maxLength: 8 });
    const op = fc.constantFrom('=', '>', '>=', '<', '<=');
    fc.assert(
      fc.property(fc.array(fc.dictionary(name, value, { maxKeys: 4 }), { minLength: 1, maxLength: 4 }), ws, name, op, num, fc.boolean(), (objects, spaces, key, cmp, n, envelope) => {
        let k = 0;
        const datas = objects.map((o) => spaced(o, () => spaces[k++ % spaces.length]!));
        const q = query(`${formatPath(envelope ? ['payload', key] : [key])} ${cmp} ${n}`);
        if (datas.some((d) => matchFieldQuery(q, JSON.parse(d)))) expect(rangesTest(q)!(rangesOf(datas))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});
