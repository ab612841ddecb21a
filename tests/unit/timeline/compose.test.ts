import { describe, expect, it } from 'vitest';
import { composeError, composeTarget } from '../../../lib/timeline/compose';

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

describe('compose target', () => {
  const ws = [{ id: 'chat' }, { id: 'feed' }];
  it('follows a filter on exactly one WebSocket endpoint', () => {
    expect(composeTarget(ws, ['feed'], 'chat')).toEqual({ target: { id: 'feed' }, fromFilter: true });
  });

  it('otherwise takes the one picked, or the first', () => {
    expect(composeTarget(ws, [], 'feed')).toEqual({ target: { id: 'feed' }, fromFilter: false });
    expect(composeTarget(ws, ['chat', 'feed'], undefined)).toEqual({ target: { id: 'chat' }, fromFilter: false });
    // Filtered to an SSE endpoint (not in the list): the box still offers the sockets.
    expect(composeTarget(ws, ['sse-1'], 'feed')).toEqual({ target: { id: 'feed' }, fromFilter: false });
    expect(composeTarget(ws, [], 'gone')).toEqual({ target: { id: 'chat' }, fromFilter: false });
    expect(composeTarget([], ['chat'], 'chat')).toBeUndefined();
  });
});
