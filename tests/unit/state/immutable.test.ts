import { describe, expect, it } from 'vitest';
import { batch, batcher, define, put } from '../../../lib/state/immutable';

describe('define and put', () => {
  it('set own, enumerable properties for names that Object.prototype also has', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'plain']) {
      const d: Record<string, number> = {};
      define(d, key, 1);
      define(d, key, 2);
      expect(Object.hasOwn(d, key), key).toBe(true);
      expect(Object.getOwnPropertyDescriptor(d, key), key).toEqual({ value: 2, writable: true, enumerable: true, configurable: true });
      expect(Object.getPrototypeOf(d), key).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(d)), key).toEqual(JSON.parse(`{"${key}":2}`));
    }
  });

  it('edit a dictionary copied in the same batch in place, and never an input', () => {
    const input = { a: 1 };
    const out = batch(() => put(put(put(input, '__proto__', 2), 'constructor', 3), 'a', 4));
    expect(input).toEqual({ a: 1 });
    expect(Object.keys(out)).toEqual(['a', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('a resumed batch edits in place what an earlier call of it copied, and a fresh batch copies again', () => {
    const input = { a: 1 };
    const run = batcher();
    const first = run(() => put(input, 'b', 2));
    const second = run(() => put(first, 'c', 3));
    expect(second).toBe(first);
    expect(input).toEqual({ a: 1 });
    expect(second).toEqual({ a: 1, b: 2, c: 3 });
    const other = batch(() => put(second, 'd', 4));
    expect(other).not.toBe(second);
    expect(second).toEqual({ a: 1, b: 2, c: 3 });
    // Outside any batch every change copies.
    expect(put(other, 'e', 5)).not.toBe(other);
  });
});
