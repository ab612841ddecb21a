import { describe, expect, it } from 'vitest';
import { composeError } from '../../../lib/timeline/compose';

describe('compose check', () => {
  it('needs some text', () => {
    expect(composeError('  ', false)).toMatch(/Type a message/);
  });

  it('sends any text in text mode, only valid JSON in JSON mode', () => {
    expect(composeError('ping', false)).toBeUndefined();
    expect(composeError('{"type":"ping"}', true)).toBeUndefined();
    expect(composeError('{"type":', true)).toMatch(/^Not valid JSON: /);
  });
});
