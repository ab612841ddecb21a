import { describe, expect, it } from 'vitest';
import { exportEndpoints, importEndpoints } from '../../../lib/options/transfer';
import { newEndpoint } from '../../../lib/config/endpoint';

const secret = newEndpoint({ id: 'a', name: 'A', url: 'https://h/events', headers: { Authorization: 'Bearer s3cret' } });

describe('export', () => {
  it('leaves header values out unless asked', () => {
    const plain = exportEndpoints([secret], false);
    expect(plain).not.toContain('s3cret');
    expect(JSON.parse(plain)).toEqual({ version: 1, endpoints: [{ ...secret, headers: {} }] });
    expect(JSON.parse(exportEndpoints([secret], true)).endpoints[0].headers).toEqual({ Authorization: 'Bearer s3cret' });
  });

  it('reads back what it writes', () => {
    expect(importEndpoints(exportEndpoints([secret], true))).toEqual({ endpoints: [secret], problems: [] });
  });
});

describe('import', () => {
  it('rejects what is not an endpoint list file', () => {
    expect(importEndpoints('{nope')).toMatchObject({ fatal: expect.stringMatching(/not JSON/) });
    expect(importEndpoints('[]')).toEqual({ fatal: 'Expected {"version": 1, "endpoints": [...]}' });
    expect(importEndpoints('{"version": 2, "endpoints": []}')).toMatchObject({ fatal: expect.stringMatching(/version 2/) });
  });

  it('fills defaults, keeps good entries and reports bad ones by position', () => {
    const file = JSON.stringify({
      version: 1,
      endpoints: [
        { name: 'Minimal', url: 'wss://h/ws' },
        { name: 'Broken', url: 'nope' },
        'text',
        { id: 'x', name: 'First', url: 'http://h/a' },
        { id: 'x', name: 'Again', url: 'http://h/b' },
        { name: 'Odd', url: 'http://h/c', reconnect: { preset: 'custom' } },
      ],
    });
    const r = importEndpoints(file);
    if ('fatal' in r) throw new Error(r.fatal);
    expect(r.endpoints.map((e) => [e.name, e.transport])).toEqual([
      ['Minimal', 'ws'],
      ['First', 'sse'],
    ]);
    expect(r.problems).toEqual([
      { entry: 2, name: 'Broken', errors: ['url: Not a valid URL'] },
      { entry: 3, name: 'entry 3', errors: ['not an endpoint object'] },
      { entry: 5, name: 'Again', errors: ['same id as entry 4'] },
      { entry: 6, name: 'Odd', errors: expect.arrayContaining([expect.stringMatching(/^reconnect\.baseMs: /)]) },
    ]);
  });
});

describe('custom profiles', () => {
  const custom = newEndpoint({
    id: 'c',
    name: 'Mine',
    url: 'https://h/mine',
    profile: 'custom',
    customProfile: { typePath: 'payload.kind', entities: [{ path: 'payload.id', kind: 'item' }], summary: '{payload.id} → {payload.state}' },
  });
  const file = (customProfile: unknown) => JSON.stringify({ version: 1, endpoints: [{ name: 'Mine', url: 'https://h/mine', profile: 'custom', customProfile }] });

  it('travel with their endpoint, both ways', () => {
    expect(JSON.parse(exportEndpoints([custom], false)).endpoints[0].customProfile).toEqual(custom.customProfile);
    expect(importEndpoints(exportEndpoints([custom], false))).toEqual({ endpoints: [custom], problems: [] });
  });

  it('are read as the schema reads them: defaults, trimmed paths, no unknown keys', () => {
    const r = importEndpoints(file(JSON.parse('{"typePath": " kind ", "__proto__": {"polluted": 1}, "run": "alert(1)"}')));
    if ('fatal' in r) throw new Error(r.fatal);
    expect(r.endpoints[0]?.customProfile).toEqual({ typePath: 'kind', entities: [], summary: '' });
    expect(Object.getPrototypeOf(r.endpoints[0]?.customProfile)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('with a bad path or template are reported with the field at fault', () => {
    const r = importEndpoints(file({ typePath: 'a..b', entities: [{ path: 'x.constructor', kind: 'item' }], summary: '{id' }));
    if ('fatal' in r) throw new Error(r.fatal);
    expect(r.endpoints).toEqual([]);
    expect(r.problems[0]?.errors).toEqual([
      expect.stringMatching(/^customProfile\.typePath: Empty path segment/),
      expect.stringMatching(/^customProfile\.entities\.0\.path: "constructor" is not allowed/),
      expect.stringMatching(/^customProfile\.summary: "\{" is not closed/),
    ]);
  });
});
