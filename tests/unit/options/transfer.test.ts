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
