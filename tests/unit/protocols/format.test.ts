import { describe, expect, it } from 'vitest';
import { bytes, chunk, clip, duration, preview, quote } from '../../../lib/protocols/format';

describe('clip', () => {
  it('flattens whitespace and keeps short text whole', () => {
    expect(clip('  a\n\tb  ')).toBe('a b');
    expect(clip(undefined)).toBe('?');
    expect(clip(3)).toBe('3');
  });

  it('cuts long text at a nearby word boundary', () => {
    expect(clip('The quarterly summary shows revenue grew', 24)).toBe('The quarterly summary…');
    expect(clip('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const s = clip(`${'a'.repeat(8)}😀😀😀`, 10);
    expect(s).toBe('aaaaaaaa…');
  });

  it('stays cheap and bounded on huge values', () => {
    expect(clip(' '.repeat(1_000_000) + 'x', 20)).toBe('…');
    expect(clip('y'.repeat(1_000_000), 20).length).toBe(20);
  });
});

describe('preview', () => {
  it('shows one level of an object or array', () => {
    expect(preview({ a: 1, b: 'two', c: [1, 2], d: { e: 1 }, f: null })).toBe('{a: 1, b: "two", c: [2], d: {…}, f: null}');
    expect(preview([1, 'x'])).toBe('[1, "x"]');
    expect(preview({ type: 't', a: 1 }, 80, 'type')).toBe('{a: 1}');
  });

  it('stops after its budget', () => {
    const big = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]));
    const out = preview(big, 40);
    expect(out.endsWith(', …}')).toBe(true);
    expect(out.length).toBeLessThan(80);
  });
});

describe('value formats', () => {
  it('formats durations, sizes, quotes and chunks', () => {
    expect(duration(350)).toBe('350 ms');
    expect(duration(4200)).toBe('4.2 s');
    expect(duration('x')).toBe('?');
    expect(bytes(512)).toBe('512 B');
    expect(bytes(2048)).toBe('2 KiB');
    expect(bytes(3 * 1024 * 1024)).toBe('3 MiB');
    expect(quote('hi')).toBe('"hi"');
    expect(quote(undefined)).toBe('?');
    expect(chunk('Hello')).toBe('+5 chars "Hello"');
  });
});
