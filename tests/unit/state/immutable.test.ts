import { describe, expect, it } from 'vitest';
import { batch, define, put } from '../../../lib/state/immutable';

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
});
